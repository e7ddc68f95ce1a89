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
     * is the one that stays where the function is nearly polynomial.
     */
    private static Estimate ridders(java.util.function.DoubleUnaryOperator f, double x, double loss) {
        Estimate longer = ridders(f, x, loss, LONG_FIRST_STEP);
        Estimate shorter = ridders(f, x, loss, SHORT_FIRST_STEP);
        double apart = Math.abs(longer.value() - shorter.value());
        if (apart > longer.error() + shorter.error() || !(longer.error() < shorter.error())) {
            return shorter;
        }
        // They agree: the long start is the more accurate, but no better known than the two differ.
        return new Estimate(longer.value(), Math.max(longer.error(), apart));
    }

    private static Estimate ridders(java.util.function.DoubleUnaryOperator f, double x, double loss, double first) {
        double h0 = first * Math.max(1, Math.abs(x));
        Estimate e = FiniteDifferences.ridders(f, x, h0);
        double floor = 2 * Math.ulp(1.0) * Math.abs(loss) / (h0 * RIDDERS_SMALLEST);
        return new Estimate(e.value(), Double.isNaN(e.error()) ? e.error() : e.error() + floor);
    }

    /** dL/d theta_k at the base point, where theta_k = x and the loss is {@code loss}. */
    static Estimate element(PerturbableLoss.Evaluator ev, Method method, int k, double x, double loss) {
        if (method == Method.CENTRAL) {
            return FiniteDifferences.central(v -> ev.withElement(k, v), x);
        }
        if (method == Method.RIDDERS) {
            return ridders(v -> ev.withElement(k, v), x, loss);
        }
        return FiniteDifferences.complexStep(z -> ev.withElement(k, z), x);
    }

    /** The directional derivative d/dt L(theta + t v) at t = 0. */
    static Estimate direction(PerturbableLoss.Evaluator ev, Method method, double[] v, double loss) {
        if (method == Method.CENTRAL) {
            return FiniteDifferences.central(t -> ev.along(v, t), 0);
        }
        if (method == Method.RIDDERS) {
            return ridders(t -> ev.along(v, t), 0, loss);
        }
        return FiniteDifferences.complexStep(t -> ev.along(v, t), 0);
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
