package org.gradaudit.check;

import java.util.List;
import org.gradaudit.check.tolerance.BoundedAgreement;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Expr.Bin;
import org.gradaudit.expr.Expr.Op;
import org.gradaudit.expr.Exprs;
import org.gradaudit.numeric.BoundedValue;

/**
 * The {@code factor} hypothesis: the claim is the truth times one stray constant at every point,
 * and its fix divides that constant out where the claim writes it.
 */
final class FactorHypothesis {
    private FactorHypothesis() {
    }

    /** claimed = k * true for one constant k at every point. */
    static Diagnoser.Hypothesis of(Diagnoser d, Diagnoser.Context ctx) {
        List<BoundedValue> claimed = Judge.values(ctx.toGraph().apply(ctx.written()), ctx.points(), ctx.slots());
        double k = Double.NaN;
        int seen = 0;
        for (int i = 0; i < claimed.size(); i++) {
            double c = claimed.get(i).value();
            double t = ctx.truth().get(i).value();
            if (!Double.isFinite(c) || !Double.isFinite(t) || Math.abs(t) < BoundedAgreement.NEGLIGIBLE) {
                continue;
            }
            double r = c / t;
            if (Double.isNaN(k)) {
                k = r;
            } else if (!BoundedAgreement.sameConstant(r, k)) {
                return null;
            }
            seen++;
        }
        if (seen < 4 || BoundedAgreement.sameConstant(k, 1) || BoundedAgreement.sameConstant(k, -1)
                || Math.abs(k) < BoundedAgreement.NEGLIGIBLE) {
            return null;
        }
        return new Diagnoser.Hypothesis(Diagnosis.FACTOR, withoutFactor(d, ctx, k), "it is " + Rewrites.pretty(k) + " times the true value");
    }

    /**
     * The claim with its stray constant divided out: one number in it scaled by 1/k (dropped when
     * that leaves a factor of 1), else the whole claim divided by k as a fraction.
     */
    private static Expr withoutFactor(Diagnoser d, Diagnoser.Context ctx, double k) {
        Expr w = ctx.written();
        if (Exprs.isConstant(w)) {
            // a worked value (1/2 where x = 0): its fix is the value, 1/4, not 1/2/2
            Expr value = Rewrites.constant(Judge.values(w, ctx.points().subList(0, 1), ctx.slots()).get(0).value() / k);
            if (d.matches(ctx, value)) {
                return value;
            }
        }
        List<Expr> candidates = Exprs.variants(ctx.written(), x -> {
            if (x instanceof Bin b && b.op() == Op.MUL && b.left() instanceof Expr.Num n && Rewrites.close(n.value(), k)) {
                return List.of(b.right());
            }
            if (x instanceof Bin b && (b.op() == Op.MUL || b.op() == Op.DIV) && b.right() instanceof Expr.Num n
                    && Rewrites.close(n.value(), b.op() == Op.MUL ? k : 1 / k)) {
                return List.of(b.left());
            }
            if (x instanceof Expr.Num n) {
                return List.of(Rewrites.constant(n.value() / k));
            }
            return List.of();
        });
        for (Expr c : candidates) {
            if (d.matches(ctx, c)) {
                return c;
            }
        }
        return Expr.mul(Rewrites.constant(1 / k), ctx.written());
    }
}
