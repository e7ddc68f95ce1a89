package org.gradaudit.check.tolerance;

import org.gradaudit.numeric.Estimate;
import org.gradaudit.numeric.Method;

/**
 * Finite-difference noise floors: when a value agrees with a finite-difference estimate of it, given
 * the estimate's own error. Three rules live here, each with the sentence a report prints:
 * <ul>
 *   <li>the gradient checker's, per element or direction ({@link #element}, {@link #direction},
 *       {@link #rule(Method)});
 *   <li>the audit's cross-check of a symbolic derivative against Ridders' differences of the graph
 *       ({@link #crossCheckAgrees}, {@link #CROSS_CHECK_RULE}), the one symbolic-against-Ridders
 *       comparison, which {@code assertDerivative} reaches through the audit;
 *   <li>the vectorized audit's check of its matrix rules against Richardson-extrapolated central
 *       differences of the loss ({@link #matrixRulesAgree}, {@link #MATRIX_RULES_RULE}).
 * </ul>
 *
 * <p>The gradient checker's tolerance of one comparison is derived from its own noise floor rather than a fixed rtol:
 * {@code tol = 4 e + 64 eps (|analytic| + g_max + |L|)}, where {@code e} is the numeric method's
 * error estimate for this element (its rounding of the loss over the step plus its truncation),
 * and the second term allows for rounding in the claimed gradient itself, whose sums over a batch
 * may cancel ({@code g_max}: the largest |claimed| element of the whole gradient; {@code |L|}: the
 * per-example terms backprop sums are of the loss's size, and where they cancel to a gradient far
 * smaller than both, say 4e-16 where 0 is due, their rounding stays). For a direction, the
 * second term sums over the tensor's elements.
 */
public final class NoiseFloor {
    static final double EPS = Math.ulp(1.0);
    /** Margin on the estimator's own error estimate, which is an estimate, not a bound. */
    public static final double SAFETY = 4;
    /** Rounding allowance of the claimed gradient, in machine epsilons. */
    public static final double GRADIENT_ULPS = 64;
    /** The loss's own rounding carried into a derivative, in machine epsilons: 4 eps |L| / max(1, |x|). */
    public static final double LOSS_ULPS = 4;

    /** Cross-check: relative agreement asked of a symbolic value with Ridders' estimate, at least... */
    public static final double CROSS_CHECK_RELATIVE = 1e-7;
    /** ... of max(this, |symbolic|), so that a derivative near 0 is not held to an absolute 1e-7 x 0 ... */
    public static final double CROSS_CHECK_SMALLEST_SCALE = 1e-3;
    /** ... or this multiple of Ridders' own error estimate, whichever is larger. */
    public static final double CROSS_CHECK_ESTIMATE_MULTIPLE = 10;
    /** The cross-check's rule in words. */
    public static final String CROSS_CHECK_RULE = "the symbolic derivative agrees with Ridders' differences of the"
            + " graph when they differ by at most 1e-7 x max(1e-3, |symbolic|) or 10 x Ridders' own error estimate,"
            + " whichever is larger";

    /** Matrix rules: relative agreement asked of dL/dV with Richardson's estimate, of the scale ... */
    public static final double MATRIX_RULES_RELATIVE = 1e-6;
    /** ... plus this multiple of the extrapolation's own error estimate ... */
    public static final double MATRIX_RULES_ESTIMATE_MULTIPLE = 4;
    /** ... plus this, so that an entry whose true value is 0 is not held to differences' rounding of 0. */
    public static final double MATRIX_RULES_ABSOLUTE = 1e-10;
    /** The matrix rules' check in words. */
    public static final String MATRIX_RULES_RULE = "the matrix rules' dL/dV agrees with Richardson-extrapolated"
            + " central differences of the loss (steps h and h/2) when they differ by at most 1e-6 x the largest"
            + " |dL/dV| entry (along a random direction of V, the sum of the |dL/dV| entries) + 4 x the"
            + " extrapolation's error estimate + 1e-10";

    private NoiseFloor() {
    }

    /**
     * Whether one entry (or one directional derivative) of the matrix rules agrees with Richardson's
     * extrapolation of central differences, see {@link #MATRIX_RULES_RULE}.
     *
     * @param rules the rules' value
     * @param richardson the extrapolated difference, finite
     * @param estimate its error estimate, {@code |richardson - difference at h/2|}
     * @param scale the largest |rules| entry of the tensor, or along a direction the sum of the |rules| entries
     * @return whether they agree; a NaN value of the rules is not disagreement here
     */
    public static boolean matrixRulesAgree(double rules, double richardson, double estimate, double scale) {
        return !(Math.abs(richardson - rules) > MATRIX_RULES_RELATIVE * scale
                + MATRIX_RULES_ESTIMATE_MULTIPLE * estimate + MATRIX_RULES_ABSOLUTE);
    }

    /**
     * Whether a symbolic derivative's value agrees with Ridders' estimate of it, see
     * {@link #CROSS_CHECK_RULE}; where either is not finite there is nothing to compare, and they agree.
     */
    public static boolean crossCheckAgrees(double symbolic, Estimate ridders) {
        double allowed = Math.max(CROSS_CHECK_RELATIVE * Math.max(CROSS_CHECK_SMALLEST_SCALE, Math.abs(symbolic)),
                CROSS_CHECK_ESTIMATE_MULTIPLE * ridders.error());
        return !Double.isFinite(ridders.value()) || !Double.isFinite(symbolic)
                || !(Math.abs(ridders.value() - symbolic) > allowed);
    }

    /** The tolerance of one element; a NaN (unknown) error estimate counts as zero. */
    public static double element(Estimate numeric, double analytic, double tensorMax, double loss, double x) {
        return SAFETY * errorOf(numeric) + GRADIENT_ULPS * EPS * (Math.abs(analytic) + tensorMax + Math.abs(loss))
                + LOSS_ULPS * EPS * Math.abs(loss) / Math.max(1, Math.abs(x));
    }

    /** The tolerance of a directional derivative, given sum over the direction's elements of |g_i v_i| + g_max |v_i|. */
    public static double direction(Estimate numeric, double magnitude, double loss) {
        return SAFETY * errorOf(numeric) + GRADIENT_ULPS * EPS * (magnitude + Math.abs(loss))
                + LOSS_ULPS * EPS * Math.abs(loss);
    }

    /** Whether left and right one-sided differences disagree beyond their own errors. */
    public static boolean sidesDisagree(Estimate left, Estimate right) {
        return Math.abs(left.value() - right.value()) > SAFETY * (errorOf(left) + errorOf(right));
    }

    private static double errorOf(Estimate e) {
        return Double.isNaN(e.error()) ? 0 : e.error();
    }

    /** The rule in words, for reports. */
    public static String rule(Method method) {
        String e;
        if (method == Method.CENTRAL) {
            e = "the central difference's error estimate, rounding eps(|f(x+h)|+|f(x-h)|)/h plus truncation"
                    + " |f'''|h^2/6 from the third difference, h = cbrt(eps) max(1,|x|)";
        } else if (method == Method.RIDDERS) {
            e = "Ridders' own error estimate (the spread of the extrapolation tableau around its best entry)"
                    + " plus the rounding of the loss over its smallest step, 2 n / (h0 / 1.4^9), where n is the"
                    + " loss's rounding noise measured from sixth differences at nine points 1e-6 max(1,|x|) apart"
                    + " (ECnoise; at least eps |L|), the better"
                    + " of first steps h0 = 0.1 and 0.01 times max(1,|x|)";
        } else {
            e = "eps |value|, the complex step having no cancellation";
        }
        return "an element passes when |analytic - numeric| <= 4 e + 64 eps (|analytic| + g_max + |L|)"
                + " + 4 eps |L| / max(1,|x|), where e is " + e + "; 64 eps (|analytic| + g_max + |L|) allows for"
                + " rounding in the claimed gradient (g_max: the gradient's largest |analytic| element; backprop sums"
                + " terms of the loss's size, which may cancel) and 4 eps |L| / max(1,|x|) for the loss's own"
                + " rounding; no fixed rtol."
                + " A mismatch where the left and right one-sided differences disagree by more than 4 times"
                + " their error estimates, with the analytic value between them, is a kink, not a failure; so is a"
                + " Ridders mismatch on a loss with kinks (relu) where the central difference agrees.";
    }
}
