package org.gradaudit.check.grad;

import org.gradaudit.numeric.Estimate;
import org.gradaudit.numeric.Method;

/**
 * The tolerance of one comparison, derived from its own noise floor rather than a fixed rtol:
 * {@code tol = 4 e + 64 eps (|analytic| + g_max)}, where {@code e} is the numeric method's
 * error estimate for this element (its rounding of the loss over the step plus its truncation),
 * and the second term allows for rounding in the claimed gradient itself, whose sums over a batch
 * may cancel ({@code g_max}: the largest |claimed| element of the tensor). For a direction, the
 * second term sums over the tensor's elements.
 */
final class Tolerance {
    static final double EPS = Math.ulp(1.0);
    /** Margin on the estimator's own error estimate, which is an estimate, not a bound. */
    static final double SAFETY = 4;
    /** Rounding allowance of the claimed gradient, in machine epsilons. */
    static final double GRADIENT_ULPS = 64;

    private Tolerance() {
    }

    /** The loss's own rounding carried into a derivative, in machine epsilons: 4 eps |L| / max(1, |x|). */
    static final double LOSS_ULPS = 4;

    /** The tolerance of one element; a NaN (unknown) error estimate counts as zero. */
    static double element(Estimate numeric, double analytic, double tensorMax, double loss, double x) {
        return SAFETY * errorOf(numeric) + GRADIENT_ULPS * EPS * (Math.abs(analytic) + tensorMax)
                + LOSS_ULPS * EPS * Math.abs(loss) / Math.max(1, Math.abs(x));
    }

    /** The tolerance of a directional derivative, given sum over the direction's elements of |g_i v_i| + g_max |v_i|. */
    static double direction(Estimate numeric, double magnitude, double loss) {
        return SAFETY * errorOf(numeric) + GRADIENT_ULPS * EPS * magnitude + LOSS_ULPS * EPS * Math.abs(loss);
    }

    /** Whether left and right one-sided differences disagree beyond their own errors. */
    static boolean sidesDisagree(Estimate left, Estimate right) {
        return Math.abs(left.value() - right.value()) > SAFETY * (errorOf(left) + errorOf(right));
    }

    private static double errorOf(Estimate e) {
        return Double.isNaN(e.error()) ? 0 : e.error();
    }

    /** The rule in words, for reports. */
    static String rule(Method method) {
        String e;
        if (method == Method.CENTRAL) {
            e = "the central difference's error estimate, rounding eps(|f(x+h)|+|f(x-h)|)/h plus truncation"
                    + " |f'''|h^2/6 from the third difference, h = cbrt(eps) max(1,|x|)";
        } else if (method == Method.RIDDERS) {
            e = "Ridders' own error estimate (the spread of the extrapolation tableau around its best entry)"
                    + " plus the rounding of the loss over its smallest step, 2 eps |L| / (h0 / 1.4^9), the better"
                    + " of first steps h0 = 0.1 and 0.01 times max(1,|x|)";
        } else {
            e = "eps |value|, the complex step having no cancellation";
        }
        return "an element passes when |analytic - numeric| <= 4 e + 64 eps (|analytic| + g_max)"
                + " + 4 eps |L| / max(1,|x|), where e is " + e + "; 64 eps (|analytic| + g_max) allows for rounding"
                + " in the claimed gradient (g_max: the tensor's largest |analytic| element) and 4 eps |L| / max(1,|x|)"
                + " for the loss's own rounding, both because sums over the batch may cancel; no fixed rtol."
                + " A mismatch where the left and right one-sided differences disagree by more than 4 times"
                + " their error estimates, with the analytic value between them, is a kink, not a failure; so is a"
                + " Ridders mismatch on a loss with kinks (relu) where the central difference agrees.";
    }
}
