package org.gradaudit.check.tolerance;

import org.gradaudit.numeric.BoundedValue;

/**
 * Agreement of two bounded evaluations. When two computed values count as equal: their difference is within a multiple of the rounding
 * error bound of the two evaluations themselves (a running first-order error analysis of each
 * double evaluation), plus a few units in the last place of the larger value for the rounding of
 * the point's node values, which both sides share.
 *
 * @param safety the multiple of the summed error bounds allowed
 * @param ulps units of roundoff (2^-53) of the larger magnitude allowed on top
 */
public record BoundedAgreement(double safety, double ulps) {
    /** The tolerance the audit uses; see {@link #explain()}. */
    public static final BoundedAgreement DEFAULT = new BoundedAgreement(16, 64);

    private static final double U = 0x1p-53;

    /**
     * Relative agreement of a gradient the published code lines compute at one point with the true
     * one: both are plain double evaluations of formulas of moderate size, so anything beyond
     * rounding is a different formula.
     */
    public static final double CODE_RUN_RELATIVE = 1e-9;

    /**
     * Relative agreement of two ratios or constants the diagnoser derives from plain double
     * evaluations (claimed / true at several points, or a number in a formula against such a
     * ratio): equal constants agree far closer than this, different ones differ far more.
     */
    public static final double CONSTANT_RELATIVE = 1e-9;

    /**
     * A magnitude below which a true value is treated as zero when the diagnoser divides by it, a
     * factor below which it is no factor at all, and a gradient or an update's step below which the
     * point says nothing about the step's direction.
     */
    public static final double NEGLIGIBLE = 1e-12;

    /**
     * Relative rounding allowed between two values of a loss (plain double evaluations of one
     * formula at nearby points): a step away from the loss's minimum may not lower it by more.
     */
    public static final double LOSS_ROUNDING_RELATIVE = 1e-12;

    public BoundedAgreement {
        if (!(safety >= 1) || !(ulps >= 0) || Double.isInfinite(safety) || Double.isInfinite(ulps)) {
            throw new IllegalArgumentException("tolerance needs safety >= 1 and ulps >= 0, finite; was [" + safety
                    + ", " + ulps + "]");
        }
    }

    /** The allowed difference between two bounded values. */
    public double allowed(BoundedValue a, BoundedValue b) {
        return safety * (a.errorBound() + b.errorBound())
                + ulps * U * Math.max(Math.abs(a.value()), Math.abs(b.value()));
    }

    /** Whether both values are finite with finite bounds, so that they can be compared at all. */
    public static boolean comparable(BoundedValue a, BoundedValue b) {
        return Double.isFinite(a.value()) && Double.isFinite(b.value())
                && Double.isFinite(a.errorBound()) && Double.isFinite(b.errorBound());
    }

    public boolean equal(BoundedValue a, BoundedValue b) {
        return Math.abs(a.value() - b.value()) <= allowed(a, b);
    }

    /** Whether a code run's gradient agrees with the true one, see {@link #CODE_RUN_RELATIVE}. */
    public static boolean codeRunAgrees(double executed, double truth) {
        double scale = Math.max(Math.abs(truth), Math.abs(executed));
        return Math.abs(truth - executed) <= CODE_RUN_RELATIVE * scale + Double.MIN_NORMAL;
    }

    /**
     * Whether the loss a step away is lower than at the target by more than rounding, see
     * {@link #LOSS_ROUNDING_RELATIVE}; a loss that is not finite away is not lower.
     */
    public static boolean lowerBeyondRounding(double away, double atTarget) {
        double slack = LOSS_ROUNDING_RELATIVE * Math.max(1, Math.max(Math.abs(away), Math.abs(atTarget)));
        return Double.isFinite(away) && away < atTarget - slack;
    }

    /** Whether two constants derived from double evaluations are the same, see {@link #CONSTANT_RELATIVE}. */
    public static boolean sameConstant(double a, double b) {
        return Math.abs(a - b) <= CONSTANT_RELATIVE * Math.abs(b);
    }

    /** One sentence for the report. */
    public String explain() {
        return "values agree when |claimed - true| <= " + (int) safety + " x (rounding-error bound of the claimed"
                + " evaluation + that of the true one) + " + (int) ulps + " x 2^-53 x the larger magnitude;"
                + " the bounds come from a running error analysis of each double evaluation at that point";
    }
}
