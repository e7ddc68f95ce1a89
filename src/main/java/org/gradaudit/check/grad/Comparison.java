package org.gradaudit.check.grad;

import org.gradaudit.check.tolerance.NoiseFloor;
import org.gradaudit.numeric.Estimate;
import org.gradaudit.numeric.Method;
import org.gradaudit.numeric.NumericDerivatives;
import org.gradaudit.numeric.loss.PerturbableLoss;

/**
 * One comparison of a claimed value against the numeric producer's estimate.
 *
 * @param outcome whether it agrees, else what was found
 * @param numeric the numeric value
 * @param tolerance the tolerance it was held to
 * @param left for a kink, the left one-sided difference, else NaN
 * @param right for a kink, the right one-sided difference, else NaN
 * @param note where a non-finite value appeared, else null
 */
record Comparison(Outcome outcome, double analytic, double numeric, double tolerance, double left, double right,
        String note) {

    /** How a comparison came out: it agrees, or it is what a {@link Finding} of that kind reports. */
    enum Outcome {
        AGREES, MISMATCH, NON_FINITE, KINK;

        /**
         * The outcome of a finding of this kind.
         *
         * @throws IllegalArgumentException for {@link Finding.Kind#NO_GRADIENT}, which no comparison makes
         */
        static Outcome of(Finding.Kind kind) {
            return switch (kind) {
                case MISMATCH -> MISMATCH;
                case NON_FINITE -> NON_FINITE;
                case KINK -> KINK;
                case NO_GRADIENT -> throw new IllegalArgumentException("a missing gradient is no comparison's outcome");
            };
        }

        /**
         * The kind of the finding this outcome is.
         *
         * @throws IllegalStateException for {@link #AGREES}, which is no finding
         */
        Finding.Kind findingKind() {
            return switch (this) {
                case MISMATCH -> Finding.Kind.MISMATCH;
                case NON_FINITE -> Finding.Kind.NON_FINITE;
                case KINK -> Finding.Kind.KINK;
                case AGREES -> throw new IllegalStateException("an agreeing comparison is no finding");
            };
        }

        /** Whether it counts against the gradient (a kink does not). */
        boolean isFailure() {
            return this == MISMATCH || this == NON_FINITE;
        }
    }

    boolean agrees() {
        return outcome == Outcome.AGREES;
    }

    double absError() {
        return Math.abs(analytic - numeric);
    }

    double relError() {
        double d = Math.max(Math.abs(analytic), Math.abs(numeric));
        return d == 0 ? 0 : absError() / d;
    }

    /** |error| / tolerance, the measure of "worst". */
    double ratio() {
        double e = absError();
        return e == 0 ? 0 : tolerance == 0 ? Double.POSITIVE_INFINITY : e / tolerance;
    }

    /**
     * Element k, claimed value {@code a}, parameter value {@code x}; {@code tensorMax} the tensor's
     * largest |claimed|, {@code loss} the loss at the base point. With {@code complexArbiter} (a
     * smooth loss with a complex forward pass), a mismatch of a real method is put to the complex
     * step, which has no cancellation: where a saturated unit leaves the loss flat in double
     * precision, real differences see 0 while the true derivative is 1e-16, and the complex step
     * resolves it. A real error in the gradient disagrees with the complex step just as well. With
     * {@code complexArbiter}, Ridders' quick agreement first asks the long quick tableau alone, the complex
     * step its witness ({@link NumericDerivatives#witnessed}), and the short tableau only where that does
     * not settle it; a mismatch is always the full tableaux' verdict.
     */
    static Comparison element(PerturbableLoss.Evaluator ev, CheckOptions options, int k, double x, double a,
            double tensorMax, double loss, boolean smooth, boolean complexArbiter) {
        Method method = options.method();
        if (!Double.isFinite(a)) {
            return new Comparison(Outcome.NON_FINITE, a, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    "the claimed gradient is " + a + " here");
        }
        Estimate est;
        if (method == Method.RIDDERS) {
            // Tableaux stopped at their rounding floor settle most agreements; the full ones decide the rest.
            if (smooth) {
                java.util.function.DoubleUnaryOperator f = v -> ev.withElement(k, v);
                double rounding = NoiseFloor.element(new Estimate(0, 0), a, tensorMax, loss, x);
                Estimate longer = NumericDerivatives.riddersQuickLong(f, x, loss);
                // With a complex forward pass, one complex evaluation vouches for the long tableau where the
                // short one (about 7 evaluations) would.
                if (complexArbiter && NumericDerivatives.witnessed(longer,
                        () -> NumericDerivatives.element(ev, Method.COMPLEX_STEP, k, x, loss), x, loss, a, rounding)) {
                    return new Comparison(Outcome.AGREES, a, longer.value(),
                            NoiseFloor.element(longer, a, tensorMax, loss, x), Double.NaN, Double.NaN, null);
                }
                NumericDerivatives.Quick quick = NumericDerivatives.riddersQuick(f, x, loss, longer);
                if (quick.agrees(a, rounding)) {
                    Estimate q = quick.chosen();
                    return new Comparison(Outcome.AGREES, a, q.value(), NoiseFloor.element(q, a, tensorMax, loss, x),
                            Double.NaN, Double.NaN, null);
                }
            }
            // The noise measurement only widens the tolerance: taken only where the element disagrees without it.
            NumericDerivatives.Ridders r = NumericDerivatives.ridders(v -> ev.withElement(k, v), x, loss);
            est = r.unraised();
            if (!(Math.abs(a - est.value()) <= Math.max(NoiseFloor.element(est, a, tensorMax, loss, x),
                    options.atol() + options.rtol() * Math.abs(est.value())))) {
                est = r.raised();
            }
        } else {
            est = NumericDerivatives.element(ev, method, k, x, loss);
        }
        if (!Double.isFinite(est.value())) {
            return new Comparison(Outcome.NON_FINITE, a, est.value(), Double.NaN, Double.NaN, Double.NaN,
                    "the loss is not finite within the " + method + " step of this element (numeric derivative "
                            + est.value() + ")");
        }
        double tol = Math.max(NoiseFloor.element(est, a, tensorMax, loss, x),
                options.atol() + options.rtol() * Math.abs(est.value()));
        if (Math.abs(a - est.value()) <= tol) {
            return new Comparison(Outcome.AGREES, a, est.value(), tol, Double.NaN, Double.NaN, null);
        }
        Estimate[] sides = NumericDerivatives.sides(ev, k, x);
        Estimate left = sides[0];
        Estimate right = sides[1];
        if (left.isFinite() && right.isFinite() && NoiseFloor.sidesDisagree(left, right)
                && a >= Math.min(left.value(), right.value()) - tol
                && a <= Math.max(left.value(), right.value()) + tol) {
            return new Comparison(Outcome.KINK, a, est.value(), tol, left.value(), right.value(), null);
        }
        if (!smooth && method == Method.RIDDERS) {
            // Ridders' steps reach 0.1 max(1,|x|) and may cross a kink that the central step does not.
            Estimate central = NumericDerivatives.element(ev, Method.CENTRAL, k, x, loss);
            if (Math.abs(a - central.value()) <= NoiseFloor.element(central, a, tensorMax, loss, x)) {
                return new Comparison(Outcome.KINK, a, est.value(), tol, left.value(), right.value(),
                        "Ridders' steps cross a non-differentiable point; the central difference "
                                + central.value() + " agrees");
            }
        }
        if (complexArbiter && method != Method.COMPLEX_STEP) {
            Estimate exact = NumericDerivatives.element(ev, Method.COMPLEX_STEP, k, x, loss);
            double exactTol = Math.max(NoiseFloor.element(exact, a, tensorMax, loss, x),
                    options.atol() + options.rtol() * Math.abs(exact.value()));
            if (Double.isFinite(exact.value()) && Math.abs(a - exact.value()) <= exactTol) {
                return new Comparison(Outcome.AGREES, a, exact.value(), exactTol, Double.NaN, Double.NaN,
                        method + " could not resolve this element (" + est.value() + "); the complex step, which"
                                + " has no cancellation, agrees with the analytic value");
            }
        }
        return new Comparison(Outcome.MISMATCH, a, est.value(), tol, Double.NaN, Double.NaN, null);
    }

    /**
     * The directional derivative along {@code v} (zero outside {@code [lo, hi)}), on the loss's line
     * along {@code v}, against the claimed gradient projected on {@code v}. A mismatch is settled as
     * an element's is: on a loss with kinks, a Ridders mismatch where the central difference agrees
     * is Ridders' long steps crossing a kink; with {@code complexArbiter}, a real method's mismatch
     * where the complex step agrees is cancellation the complex step does not have. Either agrees,
     * with a note; narrowing then looks no further. Ridders' quick agreement is asked as an element's is.
     */
    static Comparison direction(PerturbableLoss.Line line, Method method, double[] v, int lo, int hi,
            double[] claimed, double gmax, double loss, boolean smooth, boolean complexArbiter) {
        double a = 0;
        double magnitude = 0;
        for (int i = lo; i < hi; i++) {
            a += claimed[i] * v[i];
            magnitude += (Math.abs(claimed[i]) + gmax) * Math.abs(v[i]);
        }
        if (!Double.isFinite(a)) {
            return new Comparison(Outcome.NON_FINITE, a, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    "the claimed gradient is not finite");
        }
        Estimate est;
        if (method == Method.RIDDERS) {
            if (smooth) {
                double rounding = NoiseFloor.direction(new Estimate(0, 0), magnitude, loss);
                Estimate longer = NumericDerivatives.riddersQuickLong(line::at, 0, loss);
                if (complexArbiter && NumericDerivatives.witnessed(longer,
                        () -> NumericDerivatives.direction(line, Method.COMPLEX_STEP, loss), 0, loss, a, rounding)) {
                    return new Comparison(Outcome.AGREES, a, longer.value(), NoiseFloor.direction(longer, magnitude, loss),
                            Double.NaN, Double.NaN, null);
                }
                NumericDerivatives.Quick quick = NumericDerivatives.riddersQuick(line::at, 0, loss, longer);
                if (quick.agrees(a, rounding)) {
                    Estimate q = quick.chosen();
                    return new Comparison(Outcome.AGREES, a, q.value(), NoiseFloor.direction(q, magnitude, loss),
                            Double.NaN, Double.NaN, null);
                }
            }
            NumericDerivatives.Ridders r = NumericDerivatives.ridders(line::at, 0, loss);
            est = r.unraised();
            if (!(Math.abs(a - est.value()) <= NoiseFloor.direction(est, magnitude, loss))) {
                est = r.raised();
            }
        } else {
            est = NumericDerivatives.direction(line, method, loss);
        }
        if (!Double.isFinite(est.value())) {
            return new Comparison(Outcome.NON_FINITE, a, est.value(), Double.NaN, Double.NaN, Double.NaN,
                    "the loss is not finite within the " + method + " step along a random direction");
        }
        double tol = NoiseFloor.direction(est, magnitude, loss);
        if (Math.abs(a - est.value()) <= tol) {
            return new Comparison(Outcome.AGREES, a, est.value(), tol, Double.NaN, Double.NaN, null);
        }
        if (!smooth && method == Method.RIDDERS) {
            Estimate central = NumericDerivatives.direction(line, Method.CENTRAL, loss);
            double centralTol = NoiseFloor.direction(central, magnitude, loss);
            if (Double.isFinite(central.value()) && Math.abs(a - central.value()) <= centralTol) {
                return new Comparison(Outcome.AGREES, a, central.value(), centralTol, Double.NaN, Double.NaN,
                        "Ridders' steps along the direction cross a non-differentiable point; the central"
                                + " difference " + central.value() + " agrees");
            }
        }
        if (complexArbiter && method != Method.COMPLEX_STEP) {
            Estimate exact = NumericDerivatives.direction(line, Method.COMPLEX_STEP, loss);
            double exactTol = NoiseFloor.direction(exact, magnitude, loss);
            if (Double.isFinite(exact.value()) && Math.abs(a - exact.value()) <= exactTol) {
                return new Comparison(Outcome.AGREES, a, exact.value(), exactTol, Double.NaN, Double.NaN,
                        method + " could not resolve this direction (" + est.value() + "); the complex step, which"
                                + " has no cancellation, agrees with the analytic value");
            }
        }
        return new Comparison(Outcome.MISMATCH, a, est.value(), tol, Double.NaN, Double.NaN, null);
    }
}
