package org.gradaudit.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gradaudit.numeric.mlp.MlpSpec;

/**
 * The shape of one of gradaudit's built-in multilayer perceptrons, as {@link NetworkSpace}
 * generates them: layer sizes from input to output, the hidden activation, the output activation,
 * the loss (averaged over the batch) and the batch size. Validated where it is made.
 *
 * <p>Layer {@code l} computes {@code Z[l] = W[l] A[l-1] + b[l]}; the parameters are one flat vector
 * {@code W1, b1, W2, b2, ...}, each {@code W[l]} row-major with shape {@code [n_l, n_(l-1)]}.
 *
 * <pre>{@code
 * Network n = new Network(List.of(2, 3, 1), Network.Activation.TANH, Network.Output.SIGMOID, Network.Loss.BCE, 4);
 * n.parameterCount();     // 13: W1 [3, 2], b1 [3], W2 [1, 3], b2 [1]
 * }</pre>
 *
 * @param layers sizes from the input layer to the output layer, at least two, each positive
 * @param activation the activation of every hidden layer
 * @param output the activation of the output layer
 * @param loss the per-example loss
 * @param batch the number of examples, positive
 */
public record Network(List<Integer> layers, Activation activation, Output output, Loss loss, int batch) {

    /** A hidden layer's activation: {@code NetworkSpace.defaults().withActivations(Network.Activation.TANH)}. */
    public enum Activation {
        /** {@code 1 / (1 + exp(-z))}. */
        SIGMOID,
        /** {@code tanh(z)}. */
        TANH,
        /** {@code max(0, z)}, with a kink at 0 (its derivative there taken to be 0). */
        RELU,
        /** {@code z}. */
        IDENTITY
    }

    /** The output layer's activation: {@code NetworkSpace.defaults().withOutputs(Network.Output.SOFTMAX)}. */
    public enum Output {
        /** Element-wise sigmoid, outputs in (0, 1). */
        SIGMOID,
        /** Softmax over the output units (at least two). */
        SOFTMAX,
        /** No activation; only with {@link Loss#MSE}. */
        IDENTITY
    }

    /** The loss of one example: {@code NetworkSpace.defaults().withLosses(Network.Loss.MSE)}. */
    public enum Loss {
        /** Binary cross-entropy summed over the output units; targets 0 or 1. */
        BCE,
        /** Categorical cross-entropy; one-hot targets. */
        CROSS_ENTROPY,
        /** The mean over the output units of the squared error. */
        MSE
    }

    /**
     * @throws IllegalArgumentException if there are fewer than two layers, a size or the batch is
     *     not positive, the network is too large, softmax has a single output unit, or the loss
     *     needs outputs in (0, 1) and the output is {@code IDENTITY}
     * @throws NullPointerException if any argument is null
     */
    public Network {
        layers = List.copyOf(Objects.requireNonNull(layers, "layers"));
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(loss, "loss");
        toSpec(layers, activation, output, loss, batch); // validates
    }

    /**
     * The number of hidden layers: {@code new Network(List.of(2, 3, 1), ...).hiddenLayers()} is 1.
     *
     * @return the layers between input and output
     */
    public int hiddenLayers() {
        return layers.size() - 2;
    }

    /**
     * The widest layer's size, input and output included: a failure shrunk to at most 2 units per
     * layer has {@code c.network().maxUnits() <= 2}.
     *
     * @return the most units in any layer
     */
    public int maxUnits() {
        return layers.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }

    /**
     * The parameter tensors in flat-vector order: {@code W1 [n1, n0], b1 [n1], W2 [n2, n1], ...}.
     * <pre>{@code
     * network.parameters().get(0).name();     // "W1"
     * }</pre>
     *
     * @return the tensors
     */
    public List<GradientModel.Parameter> parameters() {
        List<GradientModel.Parameter> out = new ArrayList<>();
        for (int l = 1; l < layers.size(); l++) {
            out.add(GradientModel.Parameter.of("W" + l, layers.get(l), layers.get(l - 1)));
            out.add(GradientModel.Parameter.of("b" + l, layers.get(l)));
        }
        return out;
    }

    /**
     * The number of parameters, the length of the flat vector: 13 for {@code mlp 2-3-1}.
     *
     * @return the number of parameters
     */
    public int parameterCount() {
        return parameters().stream().mapToInt(GradientModel.Parameter::size).sum();
    }

    /**
     * The number of inputs of a batch: {@code batch * n0}, 8 for {@code mlp 2-3-1 ... batch 4}.
     *
     * @return the length of a case's inputs
     */
    public int inputCount() {
        return batch * layers.get(0);
    }

    /**
     * The number of targets of a batch: {@code batch * n_out}, 4 for {@code mlp 2-3-1 ... batch 4}.
     *
     * @return the length of a case's targets
     */
    public int targetCount() {
        return batch * layers.get(layers.size() - 1);
    }

    /** For example {@code mlp 2-3-1 sigmoid/sigmoid bce batch 1}. */
    @Override
    public String toString() {
        return spec().describe();
    }

    MlpSpec spec() {
        return toSpec(layers, activation, output, loss, batch);
    }

    private static MlpSpec toSpec(List<Integer> layers, Activation a, Output o, Loss l, int batch) {
        return new MlpSpec(layers, org.gradaudit.numeric.mlp.Activation.valueOf(a.name()),
                org.gradaudit.numeric.mlp.Output.valueOf(o.name()), org.gradaudit.numeric.mlp.Loss.valueOf(l.name()),
                batch);
    }
}
