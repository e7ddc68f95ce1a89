package org.gradaudit.testing;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries for gradient properties: parameter vectors, built-in network shapes, their
 * inputs and targets, and whole {@link NetworkCase}s, optionally kept away from relu kinks. Every
 * one shrinks toward the small and simple: fewer and narrower layers, batch 1, values toward 0. A
 * property over a wrong gradient so reports a network of one or two units per layer.
 *
 * <pre>{@code
 * @Property
 * void myBackpropIsRight(@ForAll("cases") NetworkCase c) {
 *     GradientAssertions.assertGradient(c, theta -> MyNet.backprop(c, theta));
 * }
 *
 * @Provide
 * Arbitrary<NetworkCase> cases() {
 *     return GradientArbitraries.cases(GradientArbitraries.networks(1, 2, 4, 3));
 * }
 * }</pre>
 *
 * <p>This class needs jqwik's API ({@code net.jqwik:jqwik-api}) on the classpath, which a project
 * with jqwik tests has; gradaudit does not bring it, so that nothing else in
 * {@code org.gradaudit.testing} does.
 */
public final class GradientArbitraries {
    private GradientArbitraries() {
    }

    /**
     * Vectors of {@code size} values in [-2, 2], two decimals, shrinking toward 0.
     *
     * @param size the length, at least 1
     * @return the arbitrary
     * @throws IllegalArgumentException if {@code size < 1}
     */
    public static Arbitrary<double[]> parameterVectors(int size) {
        return vectors(size, -2, 2);
    }

    /**
     * Vectors of {@code size} values in [low, high], two decimals, shrinking toward 0 (or the bound
     * nearest to it).
     *
     * @param size the length, at least 1
     * @param low the smallest value, finite
     * @param high the largest value, finite and {@code >= low}
     * @return the arbitrary
     * @throws IllegalArgumentException if {@code size < 1} or the bounds are not finite and ordered
     */
    public static Arbitrary<double[]> vectors(int size, double low, double high) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, was [" + size + "]");
        }
        if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
            throw new IllegalArgumentException("bounds must be finite with low <= high, were [" + low + ", " + high + "]");
        }
        double target = Math.max(low, Math.min(high, 0));
        return Arbitraries.doubles().between(low, high).ofScale(2).shrinkTowards(target)
                .array(double[].class).ofSize(size);
    }

    /**
     * {@code networks(0, 2, 4, 3)}: up to two hidden layers of up to four units, batches up to three.
     *
     * @return the arbitrary
     */
    public static Arbitrary<Network> networks() {
        return networks(0, 2, 4, 3);
    }

    /**
     * Network shapes: every activation, output and loss that go together (softmax with at least two
     * outputs, an identity output with mse only).
     *
     * @param minHidden fewest hidden layers, {@code >= 0}
     * @param maxHidden most hidden layers, {@code >= minHidden}
     * @param maxUnits most units in any layer, {@code >= 2}
     * @param maxBatch largest batch, {@code >= 1}
     * @return the arbitrary
     * @throws IllegalArgumentException if a bound is out of range
     */
    public static Arbitrary<Network> networks(int minHidden, int maxHidden, int maxUnits, int maxBatch) {
        if (minHidden < 0 || maxHidden < minHidden || maxUnits < 2 || maxBatch < 1) {
            throw new IllegalArgumentException("need 0 <= minHidden <= maxHidden, maxUnits >= 2, maxBatch >= 1; were ["
                    + minHidden + ", " + maxHidden + ", " + maxUnits + ", " + maxBatch + "]");
        }
        Arbitrary<Integer> units = Arbitraries.integers().between(1, maxUnits);
        Arbitrary<List<Integer>> hidden = units.list().ofMinSize(minHidden).ofMaxSize(maxHidden);
        return Combinators.combine(units, hidden, units, Arbitraries.of(Network.Activation.values()),
                Arbitraries.of(Network.Output.values()), Arbitraries.of(Network.Loss.values()),
                Arbitraries.integers().between(1, maxBatch))
                .filter((in, h, out, act, o, loss, batch) -> o != Network.Output.SOFTMAX || out >= 2)
                .filter((in, h, out, act, o, loss, batch) -> o != Network.Output.IDENTITY || loss == Network.Loss.MSE)
                .as((in, h, out, act, o, loss, batch) -> {
                    List<Integer> layers = new ArrayList<>();
                    layers.add(in);
                    layers.addAll(h);
                    layers.add(out);
                    return new Network(layers, act, o, loss, batch);
                });
    }

    /**
     * Inputs for a batch of the network: {@link Network#inputCount()} values in [-2, 2].
     *
     * @param network the shape
     * @return the arbitrary
     */
    public static Arbitrary<double[]> inputs(Network network) {
        return vectors(network.inputCount(), -2, 2);
    }

    /**
     * Targets that suit the network's loss: 0 or 1 for bce, one-hot rows for cross-entropy, values
     * in [0, 1] for mse; {@link Network#targetCount()} of them, example-major.
     *
     * @param network the shape
     * @return the arbitrary
     */
    public static Arbitrary<double[]> targets(Network network) {
        int out = network.layers().get(network.layers().size() - 1);
        if (network.loss() == Network.Loss.CROSS_ENTROPY) {
            return Arbitraries.integers().between(0, out - 1).array(int[].class).ofSize(network.batch())
                    .map(classes -> {
                        double[] y = new double[network.targetCount()];
                        for (int e = 0; e < classes.length; e++) {
                            y[e * out + classes[e]] = 1;
                        }
                        return y;
                    });
        }
        if (network.loss() == Network.Loss.BCE) {
            return Arbitraries.of(0.0, 1.0).array(double[].class).ofSize(network.targetCount());
        }
        return vectors(network.targetCount(), 0, 1);
    }

    /**
     * {@code cases(networks())}.
     *
     * @return the arbitrary
     */
    public static Arbitrary<NetworkCase> cases() {
        return cases(networks());
    }

    /**
     * Whole cases: a network from {@code networks}, then parameters ({@link #parameterVectors}),
     * inputs and targets that fit it. Shrinks the network first, then the values.
     *
     * @param networks the shapes
     * @return the arbitrary
     */
    public static Arbitrary<NetworkCase> cases(Arbitrary<Network> networks) {
        return networks.flatMap(n -> Combinators.combine(parameterVectors(n.parameterCount()), inputs(n), targets(n))
                .as((theta, x, y) -> new NetworkCase(n, theta, x, y)));
    }

    /**
     * The cases whose hidden pre-activations are all at least {@code margin} from relu's kink at 0
     * (every case of a smooth activation qualifies), so that no element of the gradient sits at a
     * non-differentiable point. Shrinking stops short of a kink.
     *
     * @param cases the cases to filter
     * @param margin the smallest |Z| accepted, {@code > 0}
     * @return the arbitrary
     * @throws IllegalArgumentException if {@code margin} is not positive and finite
     */
    public static Arbitrary<NetworkCase> awayFromKinks(Arbitrary<NetworkCase> cases, double margin) {
        if (!(margin > 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("margin must be positive and finite, was [" + margin + "]");
        }
        return cases.filter(c -> c.kinkDistance() >= margin);
    }
}
