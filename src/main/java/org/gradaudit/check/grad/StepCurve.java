package org.gradaudit.check.grad;

import org.gradaudit.numeric.Method;
import org.gradaudit.numeric.StepErrorCurve;

/**
 * The error-against-step curve of one element of a gradient check, with what a reader needs to
 * place it: the claimed value, the tolerance, and the steps the method used.
 *
 * @param tensor the tensor's name
 * @param index the element's index
 * @param analytic the claimed value
 * @param tolerance the tolerance the element was held to
 * @param referenceMethod how the reference derivative of the curve was computed (the complex step
 *     where the loss has one, else Ridders)
 * @param curve the central difference's error at each step, against the reference
 * @param method the check's method
 * @param stepLow the smallest step the method used here (its only step for central differences)
 * @param stepHigh the largest
 */
public record StepCurve(String tensor, int[] index, double analytic, double tolerance, Method referenceMethod,
        StepErrorCurve curve, Method method, double stepLow, double stepHigh) {

    public StepCurve {
        index = index.clone();
    }

    @Override
    public int[] index() {
        return index.clone();
    }

    /** For example {@code W1[1,1]}. */
    public String label() {
        return Tensor.label(tensor, index);
    }

    /** |analytic - reference|: how far the claimed value is from the reference derivative. */
    public double claimedError() {
        return Math.abs(analytic - curve.reference());
    }

    /**
     * How many times the central difference's error at its best step the claimed value's error is;
     * NaN when the curve has no points, infinite when the best step's error is 0.
     */
    public double claimedOverBest() {
        StepErrorCurve.Point best = curve.best();
        return best == null ? Double.NaN : claimedError() / best.error();
    }
}
