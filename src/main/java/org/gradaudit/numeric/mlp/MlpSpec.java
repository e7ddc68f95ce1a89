package org.gradaudit.numeric.mlp;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The shape of a built-in multilayer perceptron: layer sizes from input to output, the hidden
 * activation, the output activation, the loss and the batch size. Validated where it is made.
 *
 * @param layers sizes from the input layer to the output layer, at least two, each positive
 * @param activation the activation of every hidden layer
 * @param output the activation of the output layer
 * @param loss the per-example loss; the network's loss is its mean over the batch
 * @param batch the number of examples, positive
 */
public record MlpSpec(List<Integer> layers, Activation activation, Output output, Loss loss, int batch) {
    /** Largest number of parameters accepted, to keep a mistyped size from exhausting memory. */
    public static final long MAX_PARAMETERS = 50_000_000L;

    /**
     * @throws IllegalArgumentException if there are fewer than two layers, a size or the batch is
     *     not positive, the network is too large, softmax has a single output unit, or the loss
     *     needs outputs in (0, 1) and the output is {@code identity}
     * @throws NullPointerException if any argument is null
     */
    public MlpSpec {
        layers = List.copyOf(Objects.requireNonNull(layers, "layers"));
        Objects.requireNonNull(activation, "activation");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(loss, "loss");
        if (layers.size() < 2) {
            throw new IllegalArgumentException("layers needs at least an input and an output size, was ["
                    + sizes(layers) + "]");
        }
        long parameters = 0;
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) <= 0) {
                throw new IllegalArgumentException("layer sizes must be positive, but size " + (i + 1)
                        + " of [" + sizes(layers) + "] is " + layers.get(i));
            }
            if (i > 0) {
                parameters += (long) layers.get(i) * (layers.get(i - 1) + 1);
            }
        }
        if (parameters > MAX_PARAMETERS) {
            throw new IllegalArgumentException("network [" + sizes(layers) + "] has " + parameters
                    + " parameters; at most " + MAX_PARAMETERS + " are supported");
        }
        if (batch <= 0) {
            throw new IllegalArgumentException("batch must be positive, was " + batch);
        }
        for (int i = 0; i < layers.size(); i++) {
            if ((long) batch * layers.get(i) > MAX_ARRAY) {
                throw new IllegalArgumentException("batch " + batch + " times layer size " + layers.get(i) + " is "
                        + (long) batch * layers.get(i) + " values, more than one array can hold (" + MAX_ARRAY + ")");
            }
        }
        if (output == Output.SOFTMAX && layers.get(layers.size() - 1) < 2) {
            throw new IllegalArgumentException("softmax needs at least 2 output units, but the last layer size is "
                    + layers.get(layers.size() - 1) + "; use --output sigmoid for one output");
        }
        if (output == Output.IDENTITY && loss != Loss.MSE) {
            throw new IllegalArgumentException("loss " + loss + " needs outputs in (0, 1); use --output sigmoid"
                    + " or softmax, or --loss mse");
        }
    }

    /** Longest array the JVM allocates. */
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    /** The number of parameters: weights and biases of every layer. */
    public long parameters() {
        long p = 0;
        for (int i = 1; i < layers.size(); i++) {
            p += (long) layers.get(i) * (layers.get(i - 1) + 1);
        }
        return p;
    }

    /**
     * About how many bytes building this network and its loss takes: the parameters four times
     * (initial, the loss's copy, its transposed weights, the gradient), six arrays of every layer's
     * activations over the batch (forward passes of the gradient and of the loss's base point, and
     * backprop), and the inputs and targets. Overflow-safe: {@code Long.MAX_VALUE} when it overflows.
     */
    public long bytes() {
        long units = 0;
        for (int n : layers) {
            units += n;
        }
        long values = org.gradaudit.bounds.MemoryBudget.plus(org.gradaudit.bounds.MemoryBudget.times(parameters(), 4),
                org.gradaudit.bounds.MemoryBudget.times(batch, units * 6 + layers.get(0) + layers.get(layers.size() - 1)));
        return org.gradaudit.bounds.MemoryBudget.times(values, Double.BYTES);
    }

    /**
     * A network of the same depth, activations and loss with at most {@value #MINIATURE_UNITS} units a
     * layer and {@value #MINIATURE_BATCH} examples: it runs the same code as this one, in a fraction of
     * the time (a cold JVM's warm-up checks it while this network is built).
     */
    public MlpSpec miniature() {
        return new MlpSpec(layers.stream().map(n -> Math.min(n, MINIATURE_UNITS)).toList(), activation, output, loss,
                Math.min(batch, MINIATURE_BATCH));
    }

    private static final int MINIATURE_UNITS = 6;
    private static final int MINIATURE_BATCH = 4;

    /** The number of weight layers (one fewer than the number of sizes). */
    public int depth() {
        return layers.size() - 1;
    }

    /** For example {@code mlp 784-64-10 sigmoid/softmax cross-entropy batch 32}. */
    public String describe() {
        return "mlp " + sizes(layers) + " " + activation + "/" + output + " " + loss + " batch " + batch;
    }

    private static String sizes(List<Integer> layers) {
        return layers.stream().map(String::valueOf).collect(Collectors.joining("-"));
    }
}
