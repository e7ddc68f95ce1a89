package org.gradaudit.check;

import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Expr.Bin;
import org.gradaudit.expr.Expr.Neg;
import org.gradaudit.expr.Expr.Num;
import org.gradaudit.expr.Expr.Op;

/**
 * A fix as a reader would write it down: multiplications and divisions by 1, additions of 0 and
 * double negations left out, a product's signs brought to its front and its factors read left to
 * right ({@code 2*xpy*dxpysqr}, not {@code 2*(xpy*dxpysqr)}; {@code -2*x*e^(-x^2)}, not
 * {@code 2*(-x*e^(-x^2))}; {@code dnum}, not {@code dnum*1}). Every rule keeps the value, so the fix
 * still equals the truth; it only reads better.
 */
final class FixForm {
    private FixForm() {
    }

    /** {@code e} tidied, bottom up. */
    static Expr tidy(Expr e) {
        if (e instanceof Neg n) {
            return negated(tidy(n.arg()));
        }
        if (e instanceof Expr.Call c) {
            return new Expr.Call(c.fn(), c.args().stream().map(FixForm::tidy).toList());
        }
        if (!(e instanceof Bin b)) {
            return e;
        }
        Expr l = tidy(b.left());
        Expr r = tidy(b.right());
        switch (b.op()) {
            case ADD:
                if (isZero(l)) {
                    return r;
                }
                if (isZero(r)) {
                    return l;
                }
                return leadsNegative(r) ? new Bin(Op.SUB, l, negated(r)) : new Bin(Op.ADD, l, r);
            case SUB:
                if (isZero(r)) {
                    return l;
                }
                if (isZero(l)) {
                    return negated(r);
                }
                return leadsNegative(r) ? new Bin(Op.ADD, l, negated(r)) : new Bin(Op.SUB, l, r);
            case MUL:
                if (isOne(l)) {
                    return r;
                }
                if (isOne(r)) {
                    return l;
                }
                if (leadsNegative(r)) {
                    return negated(tidy(new Bin(Op.MUL, l, negated(r))));
                }
                if (r instanceof Bin m && m.op() == Op.MUL) {
                    return tidy(new Bin(Op.MUL, new Bin(Op.MUL, l, m.left()), m.right()));
                }
                return new Bin(Op.MUL, l, r);
            case DIV:
                if (isOne(r)) {
                    return l;
                }
                if (leadsNegative(r)) {
                    return negated(new Bin(Op.DIV, l, negated(r)));
                }
                return new Bin(Op.DIV, l, r);
            default:
                return new Bin(b.op(), l, r);
        }
    }

    /**
     * {@code -e} with its sign on the leftmost factor of a product or quotient ({@code -2*x*y}, which
     * prints without parentheses), a double negation cancelled.
     */
    private static Expr negated(Expr e) {
        if (e instanceof Neg n) {
            return n.arg();
        }
        if (e instanceof Num k) {
            return k.value() < 0 ? Expr.num(-k.value()) : k.value() == 0 ? e : new Neg(e);
        }
        if (e instanceof Bin b && (b.op() == Op.MUL || b.op() == Op.DIV)) {
            return new Bin(b.op(), negated(b.left()), b.right());
        }
        return new Neg(e);
    }

    /** Whether a tidied formula starts with a minus sign: a negation, or a product whose leftmost factor is one. */
    private static boolean leadsNegative(Expr e) {
        if (e instanceof Neg) {
            return true;
        }
        if (e instanceof Num k) {
            return k.value() < 0;
        }
        return e instanceof Bin b && (b.op() == Op.MUL || b.op() == Op.DIV) && leadsNegative(b.left());
    }

    private static boolean isZero(Expr e) {
        return e instanceof Num n && n.value() == 0;
    }

    private static boolean isOne(Expr e) {
        return e instanceof Num n && n.value() == 1;
    }
}
