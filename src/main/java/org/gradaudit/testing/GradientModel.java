package org.gradaudit.testing;

import java.util.List;
import java.util.Objects;

/**
 * A model whose hand-written gradient gradaudit can check: a scalar loss and its gradient as
 * functions of one flat parameter vector, with the names and shapes of the tensors laid out in it.
 *
 * <p>Implement it in your own code and run
 * {@code gradaudit check --classpath my.jar --model com.example.MyNet}: gradaudit draws the
 * parameters from {@link #initialParameters(long)} with {@code --seed}, calls
 * {@link #gradient(double[])} once, and compares every element (or random directions, with
 * {@code --mode fast}) with finite differences of {@link #loss(double[])}.
 *
 * <p>The class needs a public no-argument constructor. Its data (inputs, targets) are its own
 * business: fix them in the constructor, from a constant seed, so the loss is a deterministic
 * function of the parameters.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #parameters()} lists the tensors in the order they sit in the flat vector, each
 *       row-major; their sizes add up to the vector's length.
 *   <li>{@link #loss} and {@link #gradient} must not modify their argument or keep it.
 *   <li>{@link #loss} must be deterministic. It is called many times near one point (about
 *       4 to 20 times per parameter in full mode), so make it fast.
 *   <li>Unless {@link #isThreadSafe()} says so, gradaudit calls the model from one thread only.
 * </ul>
 * A model that throws, or returns a non-finite loss or a gradient of the wrong length or with a
 * non-finite element at the initial parameters, is rejected with a message and exit code 2.
 */
public interface GradientModel {

    /** The parameter tensors, in flat-vector order: for example {@code W1 [3, 2], b1 [3], W2 [1, 3], b2 [1]}. */
    List<Parameter> parameters();

    /**
     * The point to check at: a vector of the total size of {@link #parameters()}, drawn from
     * {@code seed} (the same seed must give the same vector).
     */
    double[] initialParameters(long seed);

    /** The loss at {@code theta}. */
    double loss(double[] theta);

    /** The claimed gradient of {@link #loss} at {@code theta}: the code under test. */
    double[] gradient(double[] theta);

    /** A short human-readable name for reports; by default the class's name. */
    default String description() {
        return getClass().getName();
    }

    /** Whether {@link #loss} may be called from several threads at once; by default false. */
    default boolean isThreadSafe() {
        return false;
    }

    /**
     * A named parameter tensor.
     *
     * @param name a name for reports, such as {@code W1}
     * @param shape its dimensions, each positive; empty for a scalar
     */
    record Parameter(String name, List<Integer> shape) {
        /**
         * @throws IllegalArgumentException if the name is blank or a dimension is not positive
         */
        public Parameter {
            Objects.requireNonNull(name, "name");
            shape = List.copyOf(shape);
            if (name.isBlank()) {
                throw new IllegalArgumentException("parameter name must not be blank");
            }
            for (int d : shape) {
                if (d <= 0) {
                    throw new IllegalArgumentException("parameter " + name + " has a dimension [" + d + "] <= 0");
                }
            }
        }

        /** {@code Parameter.of("W1", 3, 2)}. */
        public static Parameter of(String name, int... shape) {
            return new Parameter(name, java.util.Arrays.stream(shape).boxed().toList());
        }

        /** The number of elements. */
        public int size() {
            int s = 1;
            for (int d : shape) {
                s *= d;
            }
            return s;
        }
    }
}
