package org.gradaudit.check;

import java.util.ArrayList;
import java.util.List;
import org.gradaudit.check.tolerance.BoundedAgreement;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Expr.Bin;
import org.gradaudit.expr.Expr.Call;
import org.gradaudit.expr.Expr.Op;
import org.gradaudit.expr.Exprs;
import org.gradaudit.expr.Numbers;

/**
 * Single-change rewrites of a formula that the hypotheses try (one name replaced, one term's sign
 * flipped, one factor removed, one operator regrouped), the reader's way of writing a negative or
 * a constant, and the test that rules out a fix no one would write ({@code y - y}). Pure functions
 * of the formula: nothing here evaluates anything.
 */
final class Rewrites {
    private Rewrites() {
    }

    /** Every tree with exactly one occurrence of {@code from} replaced by {@code to}. */
    static List<Expr> replaceOne(Expr e, Expr from, Expr to, boolean argumentsOnly) {
        return Exprs.variants(e, x -> {
            if (argumentsOnly && x instanceof Call c) {
                List<Expr> out = new ArrayList<>();
                for (int i = 0; i < c.args().size(); i++) {
                    if (c.args().get(i).equals(from)) {
                        List<Expr> args = new ArrayList<>(c.args());
                        args.set(i, to);
                        out.add(new Call(c.fn(), args));
                    }
                }
                return out;
            }
            return !argumentsOnly && x.equals(from) ? List.of(to) : List.of();
        });
    }

    /** One additive term negated. */
    static List<Expr> termSigns(Expr e) {
        return Exprs.variants(e, x -> {
            if (x instanceof Bin b && (b.op() == Op.ADD || b.op() == Op.SUB)) {
                Op flipped = b.op() == Op.ADD ? Op.SUB : Op.ADD;
                return List.of(new Bin(flipped, b.left(), b.right()), new Bin(b.op(), negate(b.left()), b.right()));
            }
            return List.of();
        });
    }

    /** The negative of a formula, written the way a reader would: {@code b - a} for {@code a - b}. */
    static Expr negate(Expr e) {
        if (e instanceof Expr.Neg n) {
            return n.arg();
        }
        if (e instanceof Bin b && b.op() == Op.SUB) {
            return new Bin(Op.SUB, b.right(), b.left());
        }
        if (e instanceof Bin b && (b.op() == Op.MUL || b.op() == Op.DIV) && b.left() instanceof Expr.Neg n) {
            return new Bin(b.op(), n.arg(), b.right());
        }
        return new Expr.Neg(e);
    }

    /** One factor of a product, or one divisor, removed. */
    static List<Expr> withoutOneFactor(Expr e) {
        return Exprs.variants(e, x -> {
            if (x instanceof Bin b && b.op() == Op.MUL) {
                return List.of(b.left(), b.right());
            }
            if (x instanceof Bin b && b.op() == Op.DIV) {
                return List.of(b.left());
            }
            return List.of();
        });
    }

    /** Every tree with one operator regrouped: (a op1 b) op2 c as a op1 (b op2 c), and back. */
    static List<Expr> regroupings(Expr e) {
        return Exprs.variants(e, x -> {
            List<Expr> out = new ArrayList<>();
            if (x instanceof Bin outer && outer.left() instanceof Bin inner) {
                out.add(new Bin(inner.op(), inner.left(), new Bin(outer.op(), inner.right(), outer.right())));
            }
            if (x instanceof Bin outer && outer.right() instanceof Bin inner) {
                out.add(new Bin(inner.op(), new Bin(outer.op(), outer.left(), inner.left()), inner.right()));
            }
            if (x instanceof Expr.Neg n && n.arg() instanceof Bin inner) {
                out.add(new Bin(inner.op(), new Expr.Neg(inner.left()), inner.right()));
            }
            return out;
        });
    }

    /**
     * Whether a fix brings in a part that is no formula anyone writes, {@code y - y} or {@code a/a}:
     * a change that explains the values but not the mistake.
     */
    static boolean degenerate(Expr fix, Expr written) {
        return countDegenerate(fix) > countDegenerate(written);
    }

    private static long countDegenerate(Expr e) {
        return Exprs.subtrees(e).stream().filter(x -> x instanceof Bin b && ((b.op() == Op.SUB || b.op() == Op.DIV)
                && b.left().equals(b.right()) || b.op() == Op.ADD && (b.left().equals(new Expr.Neg(b.right()))
                || b.right().equals(new Expr.Neg(b.left()))))).count();
    }

    /** Whether {@code a} is {@code b} up to rounding. */
    static boolean close(double a, double b) {
        return org.gradaudit.check.tolerance.BoundedAgreement.sameConstant(a, b);
    }

    /** A constant as an exact-looking formula: 1/2 rather than 0.49999999999999994. */
    static Expr constant(double v) {
        String p = pretty(Math.abs(v));
        Expr e;
        int slash = p.indexOf('/');
        if (slash > 0) {
            e = Expr.div(Expr.num(Double.parseDouble(p.substring(0, slash))), Expr.num(Double.parseDouble(p.substring(slash + 1))));
        } else {
            e = Expr.num(Math.abs(v));
        }
        return v < 0 ? new Expr.Neg(e) : e;
    }

    /** A constant as a short fraction when it is one. */
    static String pretty(double k) {
        for (int d = 1; d <= 12; d++) {
            double n = k * d;
            if (Math.abs(n - Math.rint(n)) < BoundedAgreement.CONSTANT_RELATIVE * Math.max(1, Math.abs(n))) {
                long num = Math.round(n);
                return d == 1 ? Long.toString(num) : num + "/" + d;
            }
        }
        return Numbers.six(k);
    }
}
