package org.gradaudit.numeric.mlp;

import java.util.SplittableRandom;

/**
 * What a built-in network draws from its seed: parameters from one stream, then the batch of
 * inputs and targets from a second stream derived from the same seed, so that a network of given
 * data ({@link Mlp#withData}) has the same parameters as the one that draws its own.
 */
final class MlpDraws {
    /** Mixes the seed into the data stream's, so that parameters and data are independent. */
    private static final long DATA_STREAM = 0x9E3779B97F4A7C15L;

    private MlpDraws() {
    }

    /** A batch: inputs {@code m x n[0]} and targets {@code m x n[depth]}, example-major. */
    record Batch(double[] inputs, double[] targets) {
    }

    /**
     * Weights {@code N(0, 1/n_in)} and biases {@code N(0, 0.01)}, layer by layer in the flat order
     * {@code W1, b1, W2, b2, ...}.
     */
    static double[] parameters(int[] n, int[] wOff, int[] bOff, int size, long seed) {
        SplittableRandom params = new SplittableRandom(seed);
        double[] initial = new double[size];
        for (int l = 1; l < n.length; l++) {
            double sd = 1 / Math.sqrt(n[l - 1]);
            for (int k = wOff[l]; k < bOff[l]; k++) {
                initial[k] = sd * params.nextGaussian();
            }
            for (int k = bOff[l]; k < bOff[l] + n[l]; k++) {
                initial[k] = 0.1 * params.nextGaussian();
            }
        }
        return initial;
    }

    /**
     * Inputs {@code N(0, 1)}; targets 0/1 for bce, one-hot for cross-entropy, uniform in [0, 1) for
     * mse (standard normal with an identity output).
     */
    static Batch batch(MlpSpec spec, int[] n, long seed) {
        int m = spec.batch();
        int out = n[n.length - 1];
        SplittableRandom data = new SplittableRandom(seed ^ DATA_STREAM);
        double[] x = new double[m * n[0]];
        for (int k = 0; k < x.length; k++) {
            x[k] = data.nextGaussian();
        }
        double[] y = new double[m * out];
        for (int e = 0; e < m; e++) {
            if (spec.loss() == Loss.CROSS_ENTROPY) {
                y[e * out + data.nextInt(out)] = 1;
            } else {
                for (int k = 0; k < out; k++) {
                    y[e * out + k] = spec.loss() == Loss.BCE ? (data.nextBoolean() ? 1 : 0)
                            : spec.output() == Output.IDENTITY ? data.nextGaussian() : data.nextDouble();
                }
            }
        }
        return new Batch(x, y);
    }
}
