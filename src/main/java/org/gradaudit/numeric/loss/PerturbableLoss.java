package org.gradaudit.numeric.loss;

import org.apache.commons.math3.complex.Complex;

/**
 * A scalar loss of a flat parameter vector, probed near one base point: one element moved, or
 * every element moved along a direction. This is what finite differences and the complex step
 * need, and nothing more, so an implementation may answer a one-element move without a whole
 * forward pass (the built-in MLP recomputes only what the moved element can change).
 *
 * <p>Implementations are thread-safe; their {@link Evaluator}s are not, and each thread takes its own.
 */
public interface PerturbableLoss {
    /** The number of parameters. */
    int dimension();

    /** The base point; a fresh copy. */
    double[] point();

    /** Whether the {@link Complex} methods of the evaluators work (the loss has an analytic complex extension). */
    boolean supportsComplexStep();

    /**
     * Whether the loss is differentiable everywhere; false when it has kinks (relu), so that a
     * method whose steps reach far (Ridders) may cross one. By default true.
     */
    default boolean smooth() {
        return true;
    }

    /** A new evaluator, for use by one thread. */
    Evaluator evaluator();

    /** Evaluates the loss near the base point; not thread-safe. */
    interface Evaluator {
        /** The loss with element {@code k} set to {@code value}, every other element at the base point. */
        double withElement(int k, double value);

        /**
         * The complex loss with element {@code k} set to {@code value}.
         *
         * @throws UnsupportedOperationException unless {@link #supportsComplexStep()}
         */
        Complex withElement(int k, Complex value);

        /** The loss at {@code base + t * direction}. */
        double along(double[] direction, double t);

        /**
         * The complex loss at {@code base + t * direction}.
         *
         * @throws UnsupportedOperationException unless {@link #supportsComplexStep()}
         */
        Complex along(double[] direction, Complex t);

        /**
         * The loss along one fixed direction, {@code t -> L(base + t * direction)}, for the many
         * probes of one directional derivative: an implementation may precompute, once, what the
         * direction alone determines (the built-in MLP's first-layer product with its inputs). The
         * line reads {@code direction} as it is now and shares this evaluator, so it is not
         * thread-safe either. By default each probe is {@link #along}.
         */
        default Line line(double[] direction) {
            double[] v = direction.clone();
            return new Line() {
                @Override
                public double at(double t) {
                    return along(v, t);
                }

                @Override
                public Complex at(Complex t) {
                    return along(v, t);
                }
            };
        }
    }

    /** The loss at {@code base + t * direction} for one fixed direction; see {@link Evaluator#line}. */
    interface Line {
        /** The loss at {@code base + t * direction}. */
        double at(double t);

        /**
         * The complex loss at {@code base + t * direction}.
         *
         * @throws UnsupportedOperationException unless {@link #supportsComplexStep()}
         */
        Complex at(Complex t);
    }
}
