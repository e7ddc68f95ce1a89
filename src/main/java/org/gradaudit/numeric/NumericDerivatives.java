package org.gradaudit.numeric;

import org.gradaudit.numeric.loss.PerturbableLoss;

/**
 * The numeric producer: derivatives of the loss along one element or one direction, by the
 * shared estimators of {@link FiniteDifferences}. The checker asks it; it never compares.
 */
public final class NumericDerivatives {
    /**
     * Ridders' first steps, relative to max(1, |x|). From the estimator's default 0.1 the tableau is
     * most accurate where the loss varies slowly, but where a weight's effect is multiplied by
     * large inputs it can stop with an error estimate far below its true error; from 0.01 it is
     * reliable there but rounding limits it to about 1e-13.
     */
    public static final double LONG_FIRST_STEP = 0.1;
    public static final double SHORT_FIRST_STEP = 0.01;

    /** Ridders' smallest step relative to its first: it shrinks by 1.4 over at most 10 columns. */
    public static final double RIDDERS_SMALLEST = Math.pow(1.4, -9);

    private NumericDerivatives() {
    }

    /**
     * Ridders from both first steps, each error estimate raised by the rounding of the loss over
     * its smallest step, {@code 2 eps |L| / h_min}, which the tableau misses when its entries agree
     * by chance. When the two agree within their errors, the one with the smaller error, its error
     * at least their difference; when they do not, one tableau fooled itself, and the short start
     * is the one that stays where the function is nearly polynomial. The chosen estimate's error is
     * then raised to the loss's measured rounding noise over its smallest step, when that exceeds
     * {@code eps |L|}: {@link Ridders#raised()}.
     */
    public static Ridders ridders(java.util.function.DoubleUnaryOperator f, double x, double loss) {
        double floor = Math.ulp(1.0) * Math.abs(loss);
        Estimate longer = ridders(f, x, floor, LONG_FIRST_STEP, false);
        Estimate shorter = ridders(f, x, floor, SHORT_FIRST_STEP, false);
        return new Ridders(f, x, loss, chosen(longer, shorter), chosenStep(longer, shorter));
    }

    /**
     * Both of {@link #ridders(java.util.function.DoubleUnaryOperator, double, double)}'s tableaux, each
     * stopped as soon as its own error estimate is at most the rounding floor {@code 2 eps |L| / h_min}
     * that is added to it anyway: further columns could lower its error by at most half, and a tableau
     * typically spends two or three more columns finding that its error has begun to grow (about 17
     * evaluations of f for the two instead of about 24). See {@link Quick#agrees}: it settles most
     * agreements, and a caller runs the full tableaux where it does not.
     */
    public static Quick riddersQuick(java.util.function.DoubleUnaryOperator f, double x, double loss) {
        return riddersQuick(f, x, loss, riddersQuickLong(f, x, loss));
    }

    /**
     * {@link #riddersQuick(java.util.function.DoubleUnaryOperator, double, double)} given its long tableau,
     * {@link #riddersQuickLong}'s value for the same {@code f}, {@code x} and {@code loss}: only the short one
     * is run.
     */
    public static Quick riddersQuick(java.util.function.DoubleUnaryOperator f, double x, double loss, Estimate longer) {
        double floor = Math.ulp(1.0) * Math.abs(loss);
        return new Quick(longer, ridders(f, x, floor, SHORT_FIRST_STEP, true));
    }

    /** The quick tableau from the long first step alone, its error raised by its rounding floor (about 8 evaluations). */
    public static Estimate riddersQuickLong(java.util.function.DoubleUnaryOperator f, double x, double loss) {
        return ridders(f, x, Math.ulp(1.0) * Math.abs(loss), LONG_FIRST_STEP, true);
    }

    /**
     * Whether the long quick tableau alone settles agreement with a claimed value {@code a}, the complex
     * step (of an analytic loss: no cancellation, accurate to its rounding {@code e_c}) standing in for the
     * short tableau as the witness that the long one did not fool itself. Three conditions, the complex step
     * evaluated only once the first two hold: {@code longer}'s value {@code v_L} is within
     * {@code e_L / 2 + rounding} of {@code a}, as {@link Quick#agrees} asks of each tableau; its error
     * {@code e_L} is at most twice the short start's rounding floor {@code floor_S} (the least error a short
     * tableau can have); and the complex step's whole interval {@code c +- e_c} lies within
     * {@code v_L +- e_L}.
     *
     * <p>Why the full tableaux then agree too, whichever start the full method keeps. Let {@code D} be the
     * true derivative. The complex step is within {@code e_c} of it, so {@code |v_L - D| <= |v_L - c| + e_c
     * <= e_L}: the long quick estimate is shown to be within its error, which {@link Quick#agrees} had to
     * assume of it (and asked the short tableau to vouch for). So {@code |a - D| <= 1.5 e_L + rounding}.
     * Each full tableau's estimate is within its error {@code e_f} of {@code D} (the assumption of
     * {@link Quick#agrees} too), and the full tolerance is at least {@code 4 e_f + rounding} (its error is
     * only ever raised: by the two starts' difference, by the measured noise). If the full method keeps the
     * short start, {@code e_f >= floor_S >= e_L / 2}, so {@code |a - v_f| <= |a - D| + e_f <= 1.5 e_L + e_f
     * + rounding <= 4 e_f + rounding}. If it keeps the long start: where the quick tableau stopped at its
     * floor {@code floor_L}, {@code e_L <= 2 floor_L} and {@code e_f >= floor_L}, and the same sum holds;
     * where it did not, it ran to the end and is the full tableau, {@code v_f = v_L}, within
     * {@code e_L / 2 + rounding} of {@code a}. (The second condition is what the short start's case needs: a
     * long tableau that ended far above its floor is honest by the complex step, but says little of {@code a}
     * beside the short one's tolerance.) The complex step's own rounding, even where its sum over a batch
     * cancels, is far below {@code e_L}, which is at least the long start's floor, about
     * {@code 400 eps |L| / max(1, |x|)}. Error estimates are estimates, not bounds, so this too is an
     * argument, not a proof; {@code RiddersQuickTest} puts it to every element of seeded networks with errors
     * injected. A caller asks this only of a smooth loss with an analytic complex extension.
     *
     * @param longer {@link #riddersQuickLong} of the loss at {@code x}, whose base value is {@code loss}
     */
    public static boolean witnessed(Estimate longer, java.util.function.Supplier<Estimate> exact, double x,
            double loss, double a, double rounding) {
        if (!Quick.within(longer, a, rounding)
                || !(longer.error() <= 2 * roundingFloor(Math.ulp(1.0) * Math.abs(loss), x, SHORT_FIRST_STEP))) {
            return false; // the complex step is evaluated only where it can settle something
        }
        Estimate c = exact.get();
        return Double.isFinite(c.value()) && !Double.isNaN(c.error())
                && Math.abs(c.value() - longer.value()) + c.error() <= longer.error();
    }

    /**
     * The two quick tableaux of {@link #riddersQuick}, from the long and the short first step.
     *
     * @param longer from the first step {@link #LONG_FIRST_STEP}, its error raised by its rounding floor
     * @param shorter from the first step {@link #SHORT_FIRST_STEP}, likewise
     */
    public record Quick(Estimate longer, Estimate shorter) {
        /**
         * Whether the quick tableaux settle agreement with a claimed value {@code a}: each of the two
         * is within half its error of {@code a} plus {@code rounding}, the part of the tolerance that
         * does not depend on the estimate (the claimed gradient's and the loss's own rounding). Why the
         * full tableaux then agree too, whichever of them the full method chooses: each tableau's estimate is
         * within its error of the true derivative, so its full value {@code v_f} is within
         * {@code e_q + e_f} of its quick one {@code v_q}; the full tolerance is at least
         * {@code 4 e_f + rounding} (a raised error only widens it), and {@code e_f >= floor >= e_q / 2},
         * since the quick tableau stopped at an error of at most its floor and the floor is added to
         * both; so {@code |a - v_f| <= |a - v_q| + e_q + e_f <= 1.5 e_q + e_f + rounding <= 4 e_f + rounding}.
         * Both are asked because either may be the one the full method keeps, and the long start can
         * fool itself: where its error estimate is far below its true error, only the short start shows it.
         * The error estimates are estimates, not bounds, so this is an argument, not a proof; it is tested
         * on networks with errors injected in every element ({@code RiddersQuickTest}).
         */
        public boolean agrees(double a, double rounding) {
            return within(longer, a, rounding) && within(shorter, a, rounding);
        }

        /** The estimate the full method's rule would choose from these two, for reports. */
        public Estimate chosen() {
            return NumericDerivatives.chosen(longer, shorter);
        }

        static boolean within(Estimate e, double a, double rounding) {
            return Double.isFinite(e.value()) && !Double.isNaN(e.error())
                    && Math.abs(a - e.value()) <= e.error() / 2 + rounding;
        }
    }

    /**
     * When the two agree within their errors, the one with the smaller error, its error at least their
     * difference; when they do not, one tableau fooled itself, and the short start is the one that stays
     * where the function is nearly polynomial.
     */
    static Estimate chosen(Estimate longer, Estimate shorter) {
        if (chosenStep(longer, shorter) == SHORT_FIRST_STEP) {
            return shorter;
        }
        // They agree: the long start is the more accurate, but no better known than the two differ.
        return new Estimate(longer.value(), Math.max(longer.error(), Math.abs(longer.value() - shorter.value())));
    }

    private static double chosenStep(Estimate longer, Estimate shorter) {
        double apart = Math.abs(longer.value() - shorter.value());
        return apart > longer.error() + shorter.error() || !(longer.error() < shorter.error()) ? SHORT_FIRST_STEP
                : LONG_FIRST_STEP;
    }

    /**
     * Ridders' chosen estimate, before and after its error is raised to the loss's measured noise.
     * The raise never changes the value and never lowers the error, so a comparison that passes
     * with {@link #unraised()} passes with {@link #raised()} too: the noise measurement (8 of
     * Ridders' some 31 evaluations) is needed only where the unraised estimate disagrees.
     */
    public static final class Ridders {
        private final java.util.function.DoubleUnaryOperator f;
        private final double x;
        private final double loss;
        private final Estimate chosen;
        private final double first;
        private Estimate raised;

        private Ridders(java.util.function.DoubleUnaryOperator f, double x, double loss, Estimate chosen,
                double first) {
            this.f = f;
            this.x = x;
            this.loss = loss;
            this.chosen = chosen;
            this.first = first;
        }

        /** The chosen estimate, its error from the tableau and {@code eps |L|} alone. */
        public Estimate unraised() {
            return chosen;
        }

        /** The chosen estimate, its error raised to the loss's measured noise (measured once, here). */
        public Estimate raised() {
            if (raised == null) {
                double floor = Math.ulp(1.0) * Math.abs(loss);
                double measured = Double.isNaN(chosen.error()) ? 0 : noise(f, x, loss);
                double hMin = first * Math.max(1, Math.abs(x)) * RIDDERS_SMALLEST;
                raised = measured <= floor ? chosen
                        : new Estimate(chosen.value(), chosen.error() + 2 * (measured - floor) / hMin);
            }
            return raised;
        }
    }

    private static Estimate ridders(java.util.function.DoubleUnaryOperator f, double x, double noise, double first,
            boolean quick) {
        double h0 = first * Math.max(1, Math.abs(x));
        double floor = roundingFloor(noise, x, first);
        Estimate e = FiniteDifferences.ridders(f, x, h0, quick ? floor : Double.NEGATIVE_INFINITY);
        return new Estimate(e.value(), Double.isNaN(e.error()) ? e.error() : e.error() + floor);
    }

    /** The rounding of a loss of rounding {@code noise} over a tableau's smallest step: {@code 2 noise / h_min}. */
    private static double roundingFloor(double noise, double x, double first) {
        return 2 * noise / (first * Math.max(1, Math.abs(x)) * RIDDERS_SMALLEST);
    }

    /**
     * The rounding noise of the loss near x, measured as Moré and Wild's ECnoise does: the sixth
     * differences of its values at x + j h, j = 0..8, with h = 1e-6 max(1,|x|), cancel any smooth
     * trend (a polynomial of degree 5 exactly, and the rest by h^6), so what is left is rounding,
     * which they amplify by sqrt(C(12, 6)) in standard deviation. Three standard deviations of that
     * are returned. A loss computed from terms larger than itself (a log-sum-exp of logits giving a
     * small cross-entropy) is far noisier than eps |L| (60 times, on a softmax network seen here),
     * and a floor of eps |L| alone let Ridders' error estimate fall below its true error.
     */
    public static double noise(java.util.function.DoubleUnaryOperator f, double x, double loss) {
        double h = 1e-6 * Math.max(1, Math.abs(x));
        double[] v = new double[9];
        for (int j = 0; j < v.length; j++) {
            v[j] = j == 0 ? loss : f.applyAsDouble(x + j * h);
            if (!Double.isFinite(v[j])) {
                return 0;
            }
        }
        int[] binomial = {1, -6, 15, -20, 15, -6, 1};
        double worst = 0;
        for (int start = 0; start + 6 < v.length; start++) {
            double sixth = 0;
            for (int i = 0; i <= 6; i++) {
                sixth += binomial[i] * v[start + i];
            }
            worst = Math.max(worst, Math.abs(sixth));
        }
        return 3 * worst / Math.sqrt(924);
    }

    /** dL/d theta_k at the base point, where theta_k = x and the loss is {@code loss}. */
    public static Estimate element(PerturbableLoss.Evaluator ev, Method method, int k, double x, double loss) {
        if (method == Method.CENTRAL) {
            return FiniteDifferences.central(v -> ev.withElement(k, v), x);
        }
        if (method == Method.RIDDERS) {
            return ridders(v -> ev.withElement(k, v), x, loss).raised();
        }
        return FiniteDifferences.complexStep(z -> ev.withElement(k, z), x);
    }

    /** The directional derivative d/dt L(theta + t v) at t = 0, along the loss's line through the base point. */
    public static Estimate direction(PerturbableLoss.Line line, Method method, double loss) {
        if (method == Method.CENTRAL) {
            return FiniteDifferences.central(line::at, 0);
        }
        if (method == Method.RIDDERS) {
            return ridders(line::at, 0, loss).raised();
        }
        return FiniteDifferences.complexStep(line::at, 0);
    }

    /** Left and right one-sided differences with the central step of x, for telling kinks apart. */
    public static Estimate[] sides(PerturbableLoss.Evaluator ev, int k, double x) {
        double h = FiniteDifferences.centralStep(x);
        return new Estimate[] {
            FiniteDifferences.oneSided(v -> ev.withElement(k, v), x, h, false),
            FiniteDifferences.oneSided(v -> ev.withElement(k, v), x, h, true)
        };
    }
}
