package org.gradaudit.symbolic;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import org.gradaudit.expr.Builtin;
import org.gradaudit.expr.ConstantExponents;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Expr.Bin;
import org.gradaudit.expr.Expr.Call;
import org.gradaudit.expr.Expr.Deriv;
import org.gradaudit.expr.Expr.Neg;
import org.gradaudit.expr.Expr.Num;
import org.gradaudit.expr.Expr.Var;
import org.gradaudit.expr.ExprPrinter;
import org.gradaudit.expr.Exprs;

/**
 * Checks an input before any of it reaches Symja, in plain Java on the caller's thread: the
 * vocabulary (a caller bug if wrong), the node count and constant exponents (bounds on work).
 * Walks are iterative, so a degenerate tree cannot overflow the stack here.
 */
final class InputGuard {
    private InputGuard() {
    }

    /**
     * Checks {@code e} and returns the names of its variables, sorted.
     *
     * @throws IllegalArgumentException if {@code e} holds a {@link Deriv}, an unknown function, or a
     *     built-in called with other than one argument
     * @throws CasException if {@code e} has more than {@code maxNodes} nodes or a constant exponent
     *     larger than {@code maxExponent} in magnitude
     */
    static Set<String> check(Expr e, Cas.Limits limits) throws CasException {
        Set<String> names = new TreeSet<>();
        Deque<Expr> todo = new ArrayDeque<>();
        todo.push(e);
        int nodes = 0;
        while (!todo.isEmpty()) {
            Expr x = todo.pop();
            if (++nodes > limits.maxNodes()) {
                throw new CasException("expression too large for symbolic work: more than "
                        + limits.maxNodes() + " nodes", true);
            }
            if (x instanceof Var v) {
                names.add(v.name());
            } else if (x instanceof Neg n) {
                todo.push(n.arg());
            } else if (x instanceof Bin b) {
                todo.push(b.right());
                todo.push(b.left());
            } else if (x instanceof Call c) {
                if (Builtin.named(c.fn()) == null) {
                    throw new IllegalArgumentException("not a built-in function: [" + c.fn()
                            + "]; only " + new TreeSet<>(Builtin.names()) + " reach the CAS");
                }
                if (c.args().size() != 1) {
                    throw new IllegalArgumentException("[" + c.fn() + "] takes 1 argument, got ["
                            + c.args().size() + "]");
                }
                todo.push(c.args().get(0));
            } else if (x instanceof Deriv d) {
                throw new IllegalArgumentException("a Leibniz derivative [" + d
                        + "] cannot go to the CAS; substitute its value first");
            } else if (!(x instanceof Num)) {
                throw new IllegalArgumentException("unknown node: [" + x + "]");
            }
        }
        checkExponents(e, limits.maxExponent());
        return names;
    }

    /** Whether {@code e} has at most {@code max} nodes; iterative, and it stops counting past {@code max}. */
    static boolean atMost(Expr e, int max) {
        Deque<Expr> todo = new ArrayDeque<>();
        todo.push(e);
        int nodes = 0;
        while (!todo.isEmpty()) {
            Expr x = todo.pop();
            if (++nodes > max) {
                return false;
            }
            Exprs.children(x).forEach(todo::push);
        }
        return true;
    }

    /** Refuses constant exponents beyond the bound, such as {@code (a+b)^100000} or {@code 10^10^10}. */
    private static void checkExponents(Expr root, int maxExponent) throws CasException {
        Expr exponent = ConstantExponents.beyond(root, maxExponent);
        if (exponent != null) {
            throw new CasException("exponent too large for symbolic work: [" + ExprPrinter.print(exponent)
                    + "] exceeds " + maxExponent + " in magnitude", true);
        }
    }
}
