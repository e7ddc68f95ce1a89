package org.gradaudit.testing;

import java.util.Arrays;
import java.util.Objects;
import org.gradaudit.numeric.loss.PerturbableLoss;
import org.gradaudit.numeric.mlp.Backprop;
import org.gradaudit.numeric.mlp.Mlp;
import org.gradaudit.numeric.mlp.MlpLoss;

/**
 * A built-in network on one batch, at one point: the {@link Network}, its flat parameters, the
 * inputs and the targets. It gives the reference loss, gradaudit's own backpropagation, and (for
 * demonstrations) the backpropagation as a published tutorial got it wrong. Immutable; accessors
 * return copies. Draw one from a {@link NetworkSpace}, or build one (as a failure's "reproduce it"
 * line does):
 * <pre>{@code
 * NetworkCase c = new NetworkCase(new Network(List.of(1, 1, 1), Network.Activation.SIGMOID,
 *         Network.Output.SIGMOID, Network.Loss.BCE, 1), new double[] {0.5, 0, 1, 0}, new double[] {1}, new double[] {0});
 * GradientAssertions.assertGradient(c, c::gradient);
 * }</pre>
 */
public final class NetworkCase {
    private final Network network;
    private final double[] parameters;
    private final double[] inputs;
    private final double[] targets;
    private final Mlp mlp;

    /**
     * <pre>{@code
     * new NetworkCase(new Network(List.of(1, 1), Network.Activation.SIGMOID, Network.Output.SIGMOID,
     *         Network.Loss.BCE, 1), new double[] {0.5, -1}, new double[] {2}, new double[] {1});
     * }</pre>
     *
     * @param network the shape
     * @param parameters {@link Network#parameterCount()} values, flat, finite
     * @param inputs {@link Network#inputCount()} values, {@code [batch, n0]} example-major
     * @param targets {@link Network#targetCount()} values, {@code [batch, n_out]} example-major
     * @throws IllegalArgumentException if a length is wrong or a parameter not finite
     */
    public NetworkCase(Network network, double[] parameters, double[] inputs, double[] targets) {
        this.network = Objects.requireNonNull(network, "network");
        this.parameters = parameters.clone();
        this.inputs = inputs.clone();
        this.targets = targets.clone();
        if (this.parameters.length != network.parameterCount()) {
            throw new IllegalArgumentException(network + " has " + network.parameterCount() + " parameters, got "
                    + this.parameters.length);
        }
        for (double p : this.parameters) {
            if (!Double.isFinite(p)) {
                throw new IllegalArgumentException("parameters must be finite, got " + p);
            }
        }
        this.mlp = Mlp.withData(network.spec(), 0, this.inputs, this.targets);
    }

    /**
     * <pre>{@code
     * int batch = c.network().batch();
     * }</pre>
     *
     * @return the network's shape
     */
    public Network network() {
        return network;
    }

    /**
     * <pre>{@code
     * double l = c.loss(c.parameters());
     * }</pre>
     *
     * @return the parameters, flat in the order of {@link Network#parameters()}; a copy
     */
    public double[] parameters() {
        return parameters.clone();
    }

    /**
     * <pre>{@code
     * double[] x = c.inputs();     // x[e * n0 + i]: input i of example e
     * }</pre>
     *
     * @return the inputs, {@code [batch, n0]} example-major; a copy
     */
    public double[] inputs() {
        return inputs.clone();
    }

    /**
     * <pre>{@code
     * double[] y = c.targets();    // y[e * n_out + k]: target k of example e
     * }</pre>
     *
     * @return the targets, {@code [batch, n_out]} example-major; a copy
     */
    public double[] targets() {
        return targets.clone();
    }

    /**
     * The reference loss, the mean over the batch of the per-example losses.
     * <pre>{@code
     * double l = c.loss(c.parameters());
     * }</pre>
     *
     * @param theta parameters, flat
     * @return the loss at {@code theta} on this case's batch
     * @throws IllegalArgumentException if {@code theta} has the wrong length
     */
    public double loss(double[] theta) {
        return mlp.loss(theta);
    }

    /**
     * gradaudit's own hand-written backpropagation of {@link #loss}.
     * <pre>{@code
     * GradientAssertions.assertGradient(c, c::gradient);     // passes
     * }</pre>
     *
     * @param theta parameters, flat
     * @return the gradient at {@code theta}
     * @throws IllegalArgumentException if {@code theta} has the wrong length
     */
    public double[] gradient(double[] theta) {
        return mlp.gradient(theta, Backprop.CORRECT);
    }

    /**
     * Backpropagation with a published mistake (Rodriguez 2019, {@code dZ1 = dW2 * dZ2 * act'(Z1)}:
     * the gradient {@code dW2} where the weights {@code W2} belong), so {@code W1} and {@code b1} come
     * out wrong. For demonstrations and for testing tests.
     * <pre>{@code
     * GradientSearch.assertGradientForAll(NetworkSpace.defaults().withHiddenLayers(1, 2), NetworkCase::publishedGradient);     // fails
     * }</pre>
     *
     * @param theta parameters, flat
     * @return the wrong gradient at {@code theta}
     * @throws IllegalArgumentException if the network has no hidden layer, or {@code theta} has the
     *     wrong length
     */
    public double[] publishedGradient(double[] theta) {
        return mlp.gradient(theta, Backprop.PUBLISHED_DZ1);
    }

    /**
     * How far the parameters are from a kink: the smallest |Z| over the hidden layers'
     * pre-activations, or positive infinity when the hidden activation is smooth.
     * <pre>{@code
     * boolean awayFromKink = c.kinkDistance() >= 1e-3;
     * }</pre>
     *
     * @return the distance to the nearest relu kink
     */
    public double kinkDistance() {
        return mlp.kinkDistance(parameters);
    }

    PerturbableLoss loss() {
        return new MlpLoss(mlp, parameters);
    }

    /** The network and its vectors, as a failure's {@code smallest case:} line shows them: {@code mlp 1-1 sigmoid/sigmoid bce batch 1 at parameters [0.5, -1.0], inputs [2.0], targets [1.0]}. */
    @Override
    public String toString() {
        return network + " at parameters " + Arrays.toString(parameters) + ", inputs " + Arrays.toString(inputs)
                + ", targets " + Arrays.toString(targets);
    }
}
