package org.gradaudit.testing;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Searches for a wrong gradient: random built-in networks (shapes, activations, outputs, losses,
 * parameters, inputs and targets) or random points of a box, each checked with
 * {@link GradientAssertions#assertGradient}. The first wrong gradient is shrunk (fewer layers,
 * fewer units, batch 1, values toward 0 and toward fewer decimals) for as long as it stays wrong,
 * and reported as a {@link PropertyFailure}: the smallest case, the seed, a Java expression that
 * reproduces the case, and the gradient check's own table.
 *
 * <pre>{@code
 * import static org.gradaudit.testing.GradientSearch.assertGradientForAll;
 *
 * class MyBackpropTest {
 *     @Test
 *     void backpropIsRightOnEveryNetwork() {
 *         assertGradientForAll(NetworkSpace.defaults().withHiddenLayers(1, 2),
 *                 (c, theta) -> MyBackprop.gradient(c.network(), theta, c.inputs(), c.targets()),
 *                 SearchOptions.defaults().withTries(200));
 *     }
 * }
 * }</pre>
 *
 * A failure reads like this (the published tutorial's mistake, {@code examples/ShrinkingExampleTest}):
 * <pre>
 * property failed on case 1 of 100 (seed 20261127), shrunk 11 times (18 candidates tried)
 * smallest case: mlp 1-1-1 tanh/sigmoid cross-entropy batch 1 at parameters [0.0, 0.0, 2.0, 0.0], inputs [0.0], targets [1.0]
 * reproduce it: NetworkCase c = new NetworkCase(new Network(List.of(1, 1, 1), Network.Activation.TANH, ...), ...); ...
 * as drawn:      mlp 2-1-3-2 tanh/sigmoid cross-entropy batch 2 at parameters [0.9271887844172402, ...], ...
 * rerun:         SearchOptions.defaults().withSeed(20261127) (this case was drawn from new Random(8430855883818764598L))
 * the smallest case fails with:
 *   gradient check failed: 1 of 4 elements differ in mlp 1-1-1 tanh/sigmoid cross-entropy batch 1
 *   failing: b1 (1 of 1)
 *   ...
 * </pre>
 */
public final class GradientSearch {
    private GradientSearch() {
    }

    /**
     * {@link #assertGradientForAll(NetworkSpace, NetworkGradient, SearchOptions)} with
     * {@link SearchOptions#defaults()}.
     *
     * <pre>{@code
     * assertGradientForAll(NetworkSpace.defaults(), NetworkCase::gradient);
     * }</pre>
     *
     * @param space the networks to search
     * @param model the gradient under test
     * @throws PropertyFailure if a gradient is wrong
     */
    public static void assertGradientForAll(NetworkSpace space, NetworkGradient model) {
        assertGradientForAll(space, model, SearchOptions.defaults());
    }

    /**
     * Asserts that {@code model} computes the right gradient on {@code options.tries()} cases of
     * {@code space}, each checked with {@code options.gradientOptions()}.
     *
     * <pre>{@code
     * assertGradientForAll(NetworkSpace.defaults().withOutputs(Network.Output.SOFTMAX).awayFromKinks(1e-3),
     *         (c, theta) -> MyNet.backprop(c, theta),
     *         SearchOptions.defaults().withSeed(7).withTries(300));
     * }</pre>
     *
     * @param space the networks to search
     * @param model the gradient under test
     * @param options tries, seed, shrinking budget and gradient options
     * @throws PropertyFailure if a gradient is wrong, or {@code model} throws or returns a vector of
     *     another length; the message names the smallest such case
     */
    public static void assertGradientForAll(NetworkSpace space, NetworkGradient model, SearchOptions options) {
        Objects.requireNonNull(space, "space");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(options, "options");
        GradientOptions g = options.gradientOptions();
        Search.run(space::generate, space::shrink, options,
                c -> GradientAssertions.assertGradient(c, theta -> model.gradient(c, theta), g),
                String::valueOf, c -> "NetworkCase c = " + Reproducers.java(c)
                        + "; GradientAssertions.assertGradient(c, theta -> model.gradient(c, theta), " + g + ");");
    }

    /**
     * {@link #assertGradientForAll(Box, ToDoubleFunction, Function, SearchOptions)} with
     * {@link SearchOptions#defaults()}.
     *
     * <pre>{@code
     * assertGradientForAll(Box.of(2, -2, 2), x -> x[0] * x[0] * x[1], x -> new double[] {2 * x[0] * x[1], x[0] * x[0]});
     * }</pre>
     *
     * @param box the points to search
     * @param f the function
     * @param gradient its claimed gradient: the code under test
     * @throws PropertyFailure if the gradient is wrong at a point
     */
    public static void assertGradientForAll(Box box, ToDoubleFunction<double[]> f,
            Function<double[], double[]> gradient) {
        assertGradientForAll(box, f, gradient, SearchOptions.defaults());
    }

    /**
     * Asserts that {@code gradient} is the gradient of {@code f} at {@code options.tries()} points of
     * {@code box}, each checked as {@link GradientAssertions#assertGradient(ToDoubleFunction, Function,
     * double[], GradientOptions)} with {@code options.gradientOptions()}.
     *
     * <pre>{@code
     * assertGradientForAll(Box.of(1, 0.01, 5),                       // log's domain
     *         x -> Math.log(x[0]) * x[0], x -> new double[] {Math.log(x[0]) + 1},
     *         SearchOptions.defaults().withTries(500));
     * }</pre>
     *
     * @param box the points to search
     * @param f the function, deterministic
     * @param gradient its claimed gradient: the code under test
     * @param options tries, seed, shrinking budget and gradient options
     * @throws PropertyFailure if the gradient is wrong at a point, or {@code f} or {@code gradient}
     *     throws there; the message names the simplest such point
     * @throws IllegalArgumentException if the gradient options ask for the complex step (a Java
     *     function has no complex extension)
     */
    public static void assertGradientForAll(Box box, ToDoubleFunction<double[]> f, Function<double[], double[]> gradient,
            SearchOptions options) {
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(f, "f");
        Objects.requireNonNull(gradient, "gradient");
        Objects.requireNonNull(options, "options");
        GradientOptions g = options.gradientOptions();
        if (g.method() == NumericMethod.COMPLEX_STEP) {
            throw new IllegalArgumentException("NumericMethod.COMPLEX_STEP needs a loss with a complex extension, and a"
                    + " Java function has none; use RIDDERS or CENTRAL");
        }
        Search.run(box::generate, box::shrink, options, x -> GradientAssertions.assertGradient(f, gradient, x, g),
                x -> "x = " + java.util.Arrays.toString(x),
                x -> "GradientAssertions.assertGradient(f, gradient, " + Reproducers.java(x) + ", " + g + ");");
    }
}
