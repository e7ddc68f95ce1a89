package org.gradaudit.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoublePredicate;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Expr.Bin;
import org.gradaudit.expr.Expr.Op;
import org.gradaudit.expr.Exprs;

/**
 * Averaging mistakes: a mean where a sum belongs (a sum divided by a count it should not be), the
 * mean's 1/n applied a second time, and the reverse, a sum where its mean belongs. Tried before the
 * plain constant factor, so that a claim off by 1/2 because it averages is said in those words.
 */
final class AveragingHypotheses implements HypothesisFamily {
    private final DoublePredicate lossDivides;

    /** @param lossDivides whether the graph's loss itself already divides by a given count */
    AveragingHypotheses(DoublePredicate lossDivides) {
        this.lossDivides = lossDivides;
    }

    @Override
    public List<Diagnoser.Hypothesis> candidates(Diagnoser.Context ctx, Expr written) {
        List<Diagnoser.Hypothesis> out = new ArrayList<>();
        for (Edits.Edit e : Edits.everywhere(written, AveragingHypotheses::undivided)) {
            double n = divisor(e.before());
            String count = Rewrites.pretty(n);
            if (divisions(written, n) > 1 || lossDivides.test(n)) {
                out.add(new Diagnoser.Hypothesis(Diagnosis.AVERAGING, e.result(),
                        "it applies the mean's 1/" + count + " twice; it belongs once"));
            } else if (terms(e.after()) == n && alike(e.after())) {
                out.add(new Diagnoser.Hypothesis(Diagnosis.AVERAGING, e.result(), "it takes the mean of "
                        + ctx.printer().apply(e.after()) + " (divides by " + count + ") where their sum belongs"));
            }
        }
        for (Edits.Edit e : Edits.everywhere(written, x -> terms(x) >= 2 && alike(x) && lossDivides.test(terms(x))
                ? List.of(Expr.div(x, Expr.num(terms(x)))) : List.of())) {
            out.add(new Diagnoser.Hypothesis(Diagnosis.AVERAGING, e.result(), "it sums "
                    + ctx.printer().apply(e.before()) + " where their mean belongs (divided by " + terms(e.before())
                    + ")"));
        }
        return out;
    }

    /** {@code s} for {@code s/n}, {@code s*(1/n)} and {@code (1/n)*s} with a count n of at least 2. */
    private static List<Expr> undivided(Expr x) {
        if (x instanceof Bin b && b.op() == Op.DIV && count(b.right()) >= 2) {
            return List.of(b.left());
        }
        if (x instanceof Bin b && b.op() == Op.MUL && count(reciprocal(b.left())) >= 2) {
            return List.of(b.right());
        }
        if (x instanceof Bin b && b.op() == Op.MUL && count(reciprocal(b.right())) >= 2) {
            return List.of(b.left());
        }
        return List.of();
    }

    /** The count a division, {@code s/n} or {@code (1/n)*s}, divides by; 0 for anything else. */
    private static double divisor(Expr x) {
        if (!(x instanceof Bin b)) {
            return 0;
        }
        if (b.op() == Op.DIV) {
            return count(b.right());
        }
        return b.op() == Op.MUL ? Math.max(count(reciprocal(b.left())), count(reciprocal(b.right()))) : 0;
    }

    /** n for a formula {@code 1/n} or the number 1/n, else null. */
    private static Expr reciprocal(Expr e) {
        if (e instanceof Bin b && b.op() == Op.DIV && b.left() instanceof Expr.Num one && one.value() == 1) {
            return b.right();
        }
        // a subnormal such as 1e-320 has no finite reciprocal: it is no 1/n of a count
        if (e instanceof Expr.Num n && n.value() > 0 && n.value() <= 0.5 && Double.isFinite(1 / n.value())) {
            return Expr.num(1 / n.value());
        }
        return null;
    }

    /** The count a formula is, when it is a whole number of at least 2; else 0. */
    static double count(Expr e) {
        if (e instanceof Expr.Num n && n.value() >= 2 && Math.abs(n.value() - Math.rint(n.value())) < 1e-9) {
            return Math.rint(n.value());
        }
        return 0;
    }

    /** How many divisions by {@code n} a formula holds. */
    private static int divisions(Expr e, double n) {
        int k = 0;
        for (Expr x : Exprs.subtrees(e)) {
            if (!undivided(x).isEmpty() && divisor(x) == n) {
                k++;
            }
        }
        return k;
    }

    /** Whether every additive term of a sum is more than a bare name or number: one per sample, not p - y. */
    private static boolean alike(Expr e) {
        if (e instanceof Bin b && (b.op() == Op.ADD || b.op() == Op.SUB)) {
            return alike(b.left()) && alike(b.right());
        }
        Expr t = e instanceof Expr.Neg n ? n.arg() : e;
        return !(t instanceof Expr.Var || t instanceof Expr.Num || t instanceof Expr.Deriv);
    }

    /** The number of additive terms of a sum, or 0 when it is not a sum. */
    static int terms(Expr e) {
        if (e instanceof Bin b && (b.op() == Op.ADD || b.op() == Op.SUB)) {
            return Math.max(1, terms(b.left())) + Math.max(1, terms(b.right()));
        }
        return 0;
    }
}
