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
     * Ridders' first step, relative to max(1, |x|): a weight's effect on the loss is multiplied by
     * its inputs, so the loss varies on a smaller scale than the estimator's default 0.1 assumes.
     */
    static final double RIDDERS_FIRST_STEP = 0.01;

    private NumericDerivatives() {
    }

    /** Ridders' first step at x. */
    static double riddersStep(double x) {
        return RIDDERS_FIRST_STEP * Math.max(1, Math.abs(x));
    }

    /** dL/d theta_k at the base point, where theta_k = x. */
    static Estimate element(PerturbableLoss.Evaluator ev, Method method, int k, double x) {
        if (method == Method.CENTRAL) {
            return FiniteDifferences.central(v -> ev.withElement(k, v), x);
        }
        if (method == Method.RIDDERS) {
            return FiniteDifferences.ridders(v -> ev.withElement(k, v), x, riddersStep(x));
        }
        return FiniteDifferences.complexStep(z -> ev.withElement(k, z), x);
    }

    /** The directional derivative d/dt L(theta + t v) at t = 0. */
    static Estimate direction(PerturbableLoss.Evaluator ev, Method method, double[] v) {
        if (method == Method.CENTRAL) {
            return FiniteDifferences.central(t -> ev.along(v, t), 0);
        }
        if (method == Method.RIDDERS) {
            return FiniteDifferences.ridders(t -> ev.along(v, t), 0, riddersStep(0));
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
