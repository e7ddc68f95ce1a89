package org.gradaudit.expr;

import java.util.Optional;
import org.gradaudit.expr.Expr.Bin;
import org.gradaudit.expr.Expr.Call;
import org.gradaudit.expr.Expr.Neg;
import org.gradaudit.expr.Expr.Num;
import org.gradaudit.expr.Expr.Op;

/**
 * Built-in functions written out in exponentials, as tutorials define their activations, read as
 * the functions they are: {@code out = 1/(1 + e^-net)} is {@code sigmoid(net)}, so that its
 * derivative is {@code out*(1 - out)} in the file's own names and a mistake in it is named as a
 * mistake in a sigmoid's derivative. The forms, each with {@code exp(u)} or {@code e^u}:
 * <ul>
 *   <li>sigmoid: {@code 1/(1 + exp(-u))}, {@code exp(u)/(1 + exp(u))}, {@code (1 + exp(-u))^-1},
 *       either order of the sum;
 *   <li>tanh: {@code (exp(u) - exp(-u))/(exp(u) + exp(-u))}, either order of the sum;
 *   <li>softplus: {@code ln(1 + exp(u))}, either order of the sum.
 * </ul>
 * Each is the function exactly (the same real function everywhere), so reading it so changes no
 * value; anything else is left as written.
 */
public final class WrittenOut {
    private WrittenOut() {
    }

    /** {@code e} with every written-out form above replaced by its function's call, bottom-up. */
    public static Expr recognize(Expr e) {
        return Exprs.map(e, WrittenOut::one);
    }

    /**
     * The reverse, for a zero test where one side is in exponentials: every sigmoid, tanh and
     * softplus written out as above ({@code sigmoid(u)} as {@code 1/(1 + exp(-u))}); {@code e}
     * itself when it calls none of them, or when it calls no {@code exp} either (then nothing is
     * gained).
     */
    public static Expr writeOut(Expr e) {
        boolean exp = false;
        boolean activation = false;
        for (Expr x : Exprs.subtrees(e)) {
            if (x instanceof Call c && c.args().size() == 1) {
                Builtin b = Builtin.named(c.fn());
                exp |= b == Builtin.EXP;
                activation |= b == Builtin.SIGMOID || b == Builtin.TANH || b == Builtin.SOFTPLUS;
            }
        }
        if (!exp || !activation) {
            return e;
        }
        return Exprs.map(e, x -> {
            if (!(x instanceof Call c) || c.args().size() != 1) {
                return x;
            }
            Expr u = c.args().get(0);
            Builtin b = Builtin.named(c.fn());
            if (b == Builtin.SIGMOID) {
                return Expr.div(Expr.num(1), Expr.add(Expr.num(1), Builtin.EXP.call(new Neg(u))));
            }
            if (b == Builtin.TANH) {
                return Expr.div(Expr.sub(Builtin.EXP.call(u), Builtin.EXP.call(new Neg(u))),
                        Expr.add(Builtin.EXP.call(u), Builtin.EXP.call(new Neg(u))));
            }
            if (b == Builtin.SOFTPLUS) {
                return Builtin.LOG.call(Expr.add(Expr.num(1), Builtin.EXP.call(u)));
            }
            return x;
        });
    }

    private static Expr one(Expr e) {
        return sigmoid(e).map(u -> Builtin.SIGMOID.call(u))
                .or(() -> tanh(e).map(u -> Builtin.TANH.call(u)))
                .or(() -> softplus(e).map(u -> Builtin.SOFTPLUS.call(u)))
                .orElse(e);
    }

    private static Optional<Expr> sigmoid(Expr e) {
        if (e instanceof Bin d && d.op() == Op.DIV) {
            Optional<Expr> onePlus = onePlus(d.right());
            if (isNum(d.left(), 1) && onePlus.isPresent()) {
                return onePlus.flatMap(WrittenOut::exp).flatMap(WrittenOut::negated); // 1/(1 + exp(-u))
            }
            Optional<Expr> top = exp(d.left());
            if (top.isPresent() && onePlus.flatMap(WrittenOut::exp).equals(top)) {
                return top; // exp(u)/(1 + exp(u))
            }
        }
        if (e instanceof Bin p && p.op() == Op.POW && (isNum(p.right(), -1) || p.right() instanceof Neg n && isNum(n.arg(), 1))) {
            return onePlus(p.left()).flatMap(WrittenOut::exp).flatMap(WrittenOut::negated); // (1 + exp(-u))^-1
        }
        return Optional.empty();
    }

    private static Optional<Expr> tanh(Expr e) {
        if (!(e instanceof Bin d && d.op() == Op.DIV && d.left() instanceof Bin top && top.op() == Op.SUB
                && d.right() instanceof Bin bottom && bottom.op() == Op.ADD)) {
            return Optional.empty();
        }
        Optional<Expr> u = exp(top.left());
        Optional<Expr> minusU = exp(top.right()).flatMap(WrittenOut::negated);
        if (u.isEmpty() || !u.equals(minusU)) {
            return Optional.empty();
        }
        Expr a = bottom.left();
        Expr b = bottom.right();
        boolean same = exp(a).equals(u) && exp(b).flatMap(WrittenOut::negated).equals(u)
                || exp(b).equals(u) && exp(a).flatMap(WrittenOut::negated).equals(u);
        return same ? u : Optional.empty();
    }

    private static Optional<Expr> softplus(Expr e) {
        if (e instanceof Call c && Builtin.named(c.fn()) == Builtin.LOG && c.args().size() == 1) {
            return onePlus(c.args().get(0)).flatMap(WrittenOut::exp);
        }
        return Optional.empty();
    }

    /** x of {@code 1 + x} or {@code x + 1}. */
    private static Optional<Expr> onePlus(Expr e) {
        if (e instanceof Bin s && s.op() == Op.ADD) {
            if (isNum(s.left(), 1)) {
                return Optional.of(s.right());
            }
            if (isNum(s.right(), 1)) {
                return Optional.of(s.left());
            }
        }
        return Optional.empty();
    }

    /** u of {@code exp(u)} or {@code e^u} (which the resolver reads as {@code exp(1)^u}). */
    private static Optional<Expr> exp(Expr e) {
        if (e instanceof Call c && Builtin.named(c.fn()) == Builtin.EXP && c.args().size() == 1) {
            return Optional.of(c.args().get(0));
        }
        if (e instanceof Bin p && p.op() == Op.POW && p.left() instanceof Call c && Builtin.named(c.fn()) == Builtin.EXP
                && c.args().size() == 1 && isNum(c.args().get(0), 1)) {
            return Optional.of(p.right());
        }
        return Optional.empty();
    }

    /** u of {@code -u} or {@code -1*u}. */
    private static Optional<Expr> negated(Expr e) {
        if (e instanceof Neg n) {
            return Optional.of(n.arg());
        }
        if (e instanceof Bin m && m.op() == Op.MUL && isNum(m.left(), -1)) {
            return Optional.of(m.right());
        }
        return Optional.empty();
    }

    private static boolean isNum(Expr e, double v) {
        return e instanceof Num n && n.value() == v;
    }
}
