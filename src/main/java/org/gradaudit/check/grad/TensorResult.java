package org.gradaudit.check.grad;

import org.gradaudit.gradient.Tensor;

/**
 * The check of one parameter tensor.
 *
 * @param name the tensor's name
 * @param shape its shape
 * @param checked elements compared one by one (full mode) or covered by the random directions (fast mode)
 * @param directions random directions used (fast mode), 0 in full mode
 * @param maxAbsError the largest |analytic - numeric| over passing comparisons and failures, kinks excluded
 * @param maxRelError the largest |analytic - numeric| / max(|analytic|, |numeric|), kinks excluded
 * @param worst the comparison with the largest error relative to its tolerance; its index is null
 *     for a fast-mode direction
 * @param kinks elements found at a kink
 * @param failed failing elements (fast mode: failing elements located, at least one per failing tensor)
 * @param passed whether nothing failed
 */
public record TensorResult(String name, int[] shape, int checked, int directions, double maxAbsError,
        double maxRelError, Worst worst, int kinks, int failed, boolean passed) {

    public TensorResult {
        shape = shape.clone();
    }

    @Override
    public int[] shape() {
        return shape.clone();
    }

    /** The number of elements. */
    public int size() {
        return Tensor.sizeOf(shape);
    }

    /**
     * The worst comparison of a tensor.
     *
     * @param index the element's index, or null for a direction
     * @param analytic the claimed value (a directional derivative for a direction)
     * @param numeric the numeric value
     * @param tolerance the tolerance it was held to
     */
    public record Worst(int[] index, double analytic, double numeric, double tolerance) {
        public Worst {
            index = index == null ? null : index.clone();
        }

        @Override
        public int[] index() {
            return index == null ? null : index.clone();
        }
    }
}
