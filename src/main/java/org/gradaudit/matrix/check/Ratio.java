package org.gradaudit.matrix.check;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.gradaudit.check.Diagnosis;
import org.gradaudit.check.tolerance.BoundedAgreement;
import org.gradaudit.matrix.expr.MExpr;
import org.gradaudit.matrix.grad.Build;
import org.gradaudit.matrix.grad.Coef;
import org.gradaudit.matrix.numeric.Tensor;

/**
 * Diagnosis by the ratio claimed/true, entry by entry at every size draw: one constant ratio is a
 * {@code sign} (-1) or {@code factor}; a ratio equal to a dimension's size in every draw (the draws
 * give each dimension different sizes, so this cannot happen by accident) is a missing mean, its
 * inverse an extra one.
 */
final class Ratio {
    /** How closely the ratios of the size draws must agree: as any two constants the diagnoser derives. */
    private static final double AGREE = BoundedAgreement.CONSTANT_RELATIVE;
    /**
     * Within one draw, an entry whose truth is at most this fraction of the tensor's largest says
     * nothing about the ratio (its quotient is mostly rounding) and is skipped ...
     */
    private static final double NEGLIGIBLE_ENTRY = 1e-6;
    /**
     * ... unless its claimed value is this many times past that (then the claim is not a multiple of
     * the truth); and the entries' quotients in one draw, computed through such small values, may
     * differ by this many times {@link #AGREE}.
     */
    private static final double ENTRY_SLACK = 1e3;

    private Ratio() {
    }

    static Optional<Repairs.Repair> diagnose(MExpr claimed, List<List<MPoint>> draws, Function<MPoint, Tensor> claimedAt,
                                             Function<MPoint, Tensor> truthAt, List<String> dims, Build build) {
        double[] ratios = new double[draws.size()];
        for (int d = 0; d < draws.size(); d++) {
            MPoint p = draws.get(d).get(0);
            double r = ratio(claimedAt.apply(p), truthAt.apply(p));
            if (Double.isNaN(r)) {
                return Optional.empty();
            }
            ratios[d] = r;
        }
        if (constant(ratios)) {
            double k = ratios[0];
            if (Math.abs(k + 1) < AGREE) {
                return Optional.of(new Repairs.Repair(Diagnosis.SIGN, build.neg(claimed), "the sign is wrong"));
            }
            if (Math.abs(k) > AGREE) {
                return Optional.of(new Repairs.Repair(Diagnosis.FACTOR, build.scale(new Coef(1 / k, Map.of()), claimed),
                        String.format(java.util.Locale.ROOT, "it is %.6g times the truth", k)));
            }
        }
        for (String dim : dims) {
            if (tracks(ratios, draws, dim, 1)) {
                return Optional.of(new Repairs.Repair(Diagnosis.MISSING_MEAN, build.scale(new Coef(1, Map.of(dim, -1)),
                        claimed), "it is " + dim + " times the truth at every size draw: the 1/" + dim + " of the mean is missing"));
            }
            if (tracks(ratios, draws, dim, -1)) {
                return Optional.of(new Repairs.Repair(Diagnosis.EXTRA_MEAN, build.scale(new Coef(1, Map.of(dim, 1)),
                        claimed), "it is the truth divided by " + dim + " at every size draw: one 1/" + dim + " too many"));
            }
        }
        return Optional.empty();
    }

    private static boolean tracks(double[] ratios, List<List<MPoint>> draws, String dim, int power) {
        for (int d = 0; d < ratios.length; d++) {
            double size = Math.pow(draws.get(d).get(0).sizes().get(dim), power);
            if (Math.abs(ratios[d] - size) > AGREE * Math.abs(size)) {
                return false;
            }
        }
        return true;
    }

    private static boolean constant(double[] r) {
        for (double x : r) {
            if (Math.abs(x - r[0]) > AGREE * Math.max(1, Math.abs(r[0]))) {
                return false;
            }
        }
        return true;
    }

    /** The common ratio of all entries whose truth is not negligible, or NaN when they have none. */
    private static double ratio(Tensor claimed, Tensor truth) {
        if (!claimed.sameShape(truth)) {
            return Double.NaN;
        }
        double scale = 0;
        for (int k = 0; k < truth.size(); k++) {
            scale = Math.max(scale, Math.abs(truth.value(k)));
        }
        double r = Double.NaN;
        for (int k = 0; k < truth.size(); k++) {
            double t = truth.value(k);
            if (Math.abs(t) <= NEGLIGIBLE_ENTRY * scale) {
                if (Math.abs(claimed.value(k)) > NEGLIGIBLE_ENTRY * scale * ENTRY_SLACK) {
                    return Double.NaN;
                }
                continue;
            }
            double q = claimed.value(k) / t;
            if (Double.isNaN(r)) {
                r = q;
            } else if (Math.abs(q - r) > AGREE * Math.max(1, Math.abs(r)) * ENTRY_SLACK) {
                return Double.NaN;
            }
        }
        return r;
    }
}
