package org.gradaudit.expr;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import org.gradaudit.expr.Expr.Bin;
import org.gradaudit.expr.Expr.Call;
import org.gradaudit.expr.Expr.Neg;
import org.gradaudit.expr.Expr.Num;
import org.gradaudit.expr.Expr.Op;

/**
 * Finds constant exponents too large for symbolic work, such as {@code (a+b)^100000} or
 * {@code 10^10^10}: every subtree without names is evaluated in doubles, bottom-up and without
 * recursion, so a degenerate tree cannot overflow the stack. The derivation resolver refuses such a
 * formula with its position; the CAS facade refuses it before Symja sees it.
 */
public final class ConstantExponents {
    private ConstantExponents() {
    }

    /**
     * The first exponent (in a bottom-up walk) that is a constant beyond {@code max} in magnitude,
     * or infinite; null when there is none. A NaN exponent is not reported: it makes the formula
     * undefined, not expensive.
     */
    public static Expr beyond(Expr root, double max) {
        Map<Expr, Double> value = new IdentityHashMap<>();
        Deque<Expr> todo = new ArrayDeque<>();
        Deque<Expr> post = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            Expr x = todo.pop();
            post.push(x);
            if (x instanceof Neg n) {
                todo.push(n.arg());
            } else if (x instanceof Bin b) {
                todo.push(b.left());
                todo.push(b.right());
            } else if (x instanceof Call c) {
                c.args().forEach(todo::push);
            }
        }
        while (!post.isEmpty()) {
            Expr x = post.pop(); // children before parents
            if (x instanceof Num n) {
                value.put(x, n.value());
            } else if (x instanceof Neg n && value.containsKey(n.arg())) {
                value.put(x, -value.get(n.arg()));
            } else if (x instanceof Call c && c.args().size() == 1 && value.containsKey(c.args().get(0))) {
                value.put(x, apply(c.fn(), value.get(c.args().get(0))));
            } else if (x instanceof Bin b) {
                Double r = value.get(b.right());
                if (b.op() == Op.POW && r != null && !Double.isNaN(r) && !(Math.abs(r) <= max)) {
                    return b.right();
                }
                Double l = value.get(b.left());
                if (l != null && r != null) {
                    value.put(x, apply(b.op(), l, r));
                }
            }
        }
        return null;
    }

    private static double apply(Op op, double l, double r) {
        switch (op) {
            case ADD: return l + r;
            case SUB: return l - r;
            case MUL: return l * r;
            case DIV: return l / r;
            default: return Math.pow(l, r);
        }
    }

    /** The built-ins in plain doubles; precision is beside the point, only magnitude matters here. */
    private static double apply(String fn, double x) {
        Builtin f = Builtin.named(fn);
        return f == null ? Double.NaN : f.apply(x);
    }
}
