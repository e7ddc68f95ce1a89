package org.gradaudit.check.grad;

import org.gradaudit.gradient.Tensor;

/**
 * One element (or, in fast mode, one direction) that did not simply agree.
 *
 * @param kind what was found
 * @param tensor the tensor's name
 * @param index the element's index in the tensor; null when a fast-mode failure could not be
 *     narrowed to one element
 * @param analytic the claimed value
 * @param numeric the numeric estimate (central value, Ridders' extrapolation or complex step)
 * @param tolerance the tolerance the difference was held to
 * @param left for a kink, the left one-sided difference; otherwise NaN
 * @param right for a kink, the right one-sided difference; otherwise NaN
 * @param note where a non-finite value appeared, or why no element was found
 */
public record Finding(Kind kind, String tensor, int[] index, double analytic, double numeric, double tolerance,
        double left, double right, String note) {

    /** What a finding is. */
    public enum Kind {
        /** analytic and numeric differ by more than the tolerance: a failure. */
        MISMATCH,
        /** a NaN or infinity in the claimed gradient, the loss or the estimate: a failure. */
        NON_FINITE,
        /** the producer offers no gradient for the tensor (the note says why): a failure. */
        NO_GRADIENT,
        /** left and right one-sided differences disagree: a non-differentiable point, not a failure. */
        KINK;

        public boolean isFailure() {
            return this != KINK;
        }
    }

    public Finding {
        index = index == null ? null : index.clone();
    }

    @Override
    public int[] index() {
        return index == null ? null : index.clone();
    }

    /** For example {@code W1[3,0]}, or just the tensor's name when there is no index. */
    public String label() {
        return index == null ? tensor : Tensor.label(tensor, index);
    }

    /** |analytic - numeric|. */
    public double absError() {
        return Math.abs(analytic - numeric);
    }
}
