package org.gradaudit.check.grad;

import org.gradaudit.numeric.Estimate;
import org.gradaudit.numeric.FiniteDifferences;
import org.gradaudit.numeric.Method;
import org.gradaudit.numeric.loss.PerturbableLoss;

/**
 * The numeric producer: derivatives of the loss along one element or one direction, by the
 * shared estimators of {@link FiniteDifferences}. The checker asks it; it never compares.
 */
final class NumericDerivatives {
    /**
     * Ridders' first steps, relative to max(1, |x|). From the estimator's default 0.1 the tableau is
     * most accurate where the loss varies slowly, but where a weight's effect is multiplied by
     * large inputs it can stop with an error estimate far below its true error; from 0.01 it is
     * reliable there but rounding limits it to about 1e-13.
     */
    static final double LONG_FIRST_STEP = 0.1;
    static final double SHORT_FIRST_STEP = 0.01;

    /** Ridders' smallest step relative to its first: it shrinks by 1.4 over at most 10 columns. */
    static final double RIDDERS_SMALLEST = Math.pow(1.4, -9);

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
    static Ridders ridders(java.util.function.DoubleUnaryOperator f, double x, double loss) {
        double floor = Math.ulp(1.0) * Math.abs(loss);
        Estimate longer = ridders(f, x, floor, LONG_FIRST_STEP);
        Estimate shorter = ridders(f, x, floor, SHORT_FIRST_STEP);
        double apart = Math.abs(longer.value() - shorter.value());
        if (apart > longer.error() + shorter.error() || !(longer.error() < shorter.error())) {
            return new Ridders(f, x, loss, shorter, SHORT_FIRST_STEP);
        }
        // They agree: the long start is the more accurate, but no better known than the two differ.
        return new Ridders(f, x, loss, new Estimate(longer.value(), Math.max(longer.error(), apart)), LONG_FIRST_STEP);
    }

    /**
     * Ridders' chosen estimate, before and after its error is raised to the loss's measured noise.
     * The raise never changes the value and never lowers the error, so a comparison that passes
     * with {@link #unraised()} passes with {@link #raised()} too: the noise measurement (8 of
     * Ridders' some 31 evaluations) is needed only where the unraised estimate disagrees.
     */
    static final class Ridders {
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
        Estimate unraised() {
            return chosen;
        }

        /** The chosen estimate, its error raised to the loss's measured noise (measured once, here). */
        Estimate raised() {
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

    private static Estimate ridders(java.util.function.DoubleUnaryOperator f, double x, double noise, double first) {
        double h0 = first * Math.max(1, Math.abs(x));
        Estimate e = FiniteDifferences.ridders(f, x, h0);
        double floor = 2 * noise / (h0 * RIDDERS_SMALLEST);
        return new Estimate(e.value(), Double.isNaN(e.error()) ? e.error() : e.error() + floor);
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
    static double noise(java.util.function.DoubleUnaryOperator f, double x, double loss) {
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
    static Estimate element(PerturbableLoss.Evaluator ev, Method method, int k, double x, double loss) {
        if (method == Method.CENTRAL) {
            return FiniteDifferences.central(v -> ev.withElement(k, v), x);
        }
        if (method == Method.RIDDERS) {
            return ridders(v -> ev.withElement(k, v), x, loss).raised();
        }
        return FiniteDifferences.complexStep(z -> ev.withElement(k, z), x);
    }

    /** The directional derivative d/dt L(theta + t v) at t = 0, along the loss's line through the base point. */
    static Estimate direction(PerturbableLoss.Line line, Method method, double loss) {
        if (method == Method.CENTRAL) {
            return FiniteDifferences.central(line::at, 0);
        }
        if (method == Method.RIDDERS) {
            return ridders(line::at, 0, loss).raised();
        }
        return FiniteDifferences.complexStep(line::at, 0);
    }

    /** Left and right one-sided differences with the central step of x, for telling kinks apart. */
    static Estimate[] sides(PerturbableLoss.Evaluator ev, int k, double x) {
        double h = FiniteDifferences.centralStep(x);
        return new Estimate[] {
            FiniteDifferences.oneSided(v -> ev.withElement(k, v), x, h, false),
            FiniteDifferences.oneSided(v -> ev.withElement(k, v), x, h, true)
        };
    }
}
