package org.gradaudit.check.grad;

import java.util.List;

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
 * @param compared every comparison made, in the order made (full mode: the elements in row-major
 *     order; fast mode: the directions, then the elements they were narrowed to), for plots
 */
public record TensorResult(String name, int[] shape, int checked, int directions, double maxAbsError,
        double maxRelError, Worst worst, int kinks, int failed, boolean passed, List<Compared> compared) {

    public TensorResult {
        shape = shape.clone();
        compared = List.copyOf(compared);
    }

    /** A result that keeps no list of comparisons. */
    public TensorResult(String name, int[] shape, int checked, int directions, double maxAbsError,
            double maxRelError, Worst worst, int kinks, int failed, boolean passed) {
        this(name, shape, checked, directions, maxAbsError, maxRelError, worst, kinks, failed, passed, List.of());
    }

    /** What one comparison found. */
    public enum Outcome {
        /** Within its tolerance. */
        AGREES,
        /** A mismatch or a non-finite value: a failure. */
        FAILS,
        /** A non-differentiable point, not a failure. */
        KINK
    }

    /**
     * One comparison, as a plot shows it.
     *
     * @param index the element's index, or null for a fast-mode direction
     * @param error |analytic - numeric|, NaN when either is not finite
     * @param tolerance the tolerance it was held to, NaN when there was none
     */
    public record Compared(int[] index, double error, double tolerance, Outcome outcome) {
        public Compared {
            index = index == null ? null : index.clone();
        }

        @Override
        public int[] index() {
            return index == null ? null : index.clone();
        }
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
