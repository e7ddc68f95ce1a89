package org.gradaudit.numeric.mlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A built-in multilayer perceptron with its batch of inputs and targets: the forward pass, the
 * loss (the mean of the per-example losses) and hand-written backpropagation.
 *
 * <p>Layer {@code l} (1-based) computes {@code Z[l] = W[l] A[l-1] + b[l]} with {@code A[0]} the
 * input; hidden layers apply the spec's activation, the last layer's output activation and loss
 * are applied together by the head. Parameters are one flat vector in the order
 * {@code W1, b1, W2, b2, ...}, each {@code W[l]} row-major with shape {@code [n_l, n_(l-1)]}.
 * Activations are stored example-major: {@code Z[l][e * n_l + j]}.
 *
 * <p>Immutable after construction and safe to share between threads.
 */
public final class Mlp {
    final MlpSpec spec;
    final int depth;
    /** Layer sizes, {@code n[0]} the input. */
    final int[] n;
    final int m;
    final Activation act;
    final Head head;
    /** Inputs, {@code m x n[0]}, and targets, {@code m x n[depth]}, example-major. */
    final double[] x;
    final double[] y;
    /** Offsets of {@code W[l]} and {@code b[l]} in the flat vector, index 1..depth. */
    final int[] wOff;
    final int[] bOff;
    private final int size;
    private final double[] initial;

    /**
     * A network of the given shape with parameters, inputs and targets drawn from {@code seed}:
     * weights {@code N(0, 1/n_in)}, biases {@code N(0, 0.01)}, inputs {@code N(0, 1)}; targets 0/1
     * for bce, one-hot for cross-entropy, uniform in [0, 1) for mse (standard normal with an
     * identity output).
     */
    public Mlp(MlpSpec spec, long seed) {
        this(spec, seed, null, null);
    }

    /**
     * A network of the given shape on a given batch, its parameters drawn from {@code seed} as by
     * {@link #Mlp(MlpSpec, long)}.
     *
     * @param inputs {@code [batch, n0]}, example-major; copied
     * @param targets {@code [batch, n_out]}, example-major; copied
     * @throws IllegalArgumentException if inputs or targets do not have the spec's sizes
     */
    public static Mlp withData(MlpSpec spec, long seed, double[] inputs, double[] targets) {
        return new Mlp(spec, seed, Objects.requireNonNull(inputs, "inputs").clone(),
                Objects.requireNonNull(targets, "targets").clone());
    }

    private Mlp(MlpSpec spec, long seed, double[] givenX, double[] givenY) {
        this.spec = Objects.requireNonNull(spec, "spec");
        depth = spec.depth();
        n = spec.layers().stream().mapToInt(Integer::intValue).toArray();
        m = spec.batch();
        act = spec.activation();
        head = new Head(spec.output(), spec.loss(), n[depth]);
        wOff = new int[depth + 1];
        bOff = new int[depth + 1];
        int off = 0;
        for (int l = 1; l <= depth; l++) {
            wOff[l] = off;
            off += n[l] * n[l - 1];
            bOff[l] = off;
            off += n[l];
        }
        size = off;
        initial = MlpDraws.parameters(n, wOff, bOff, size, seed);
        int out = n[depth];
        if (givenX != null) {
            if (givenX.length != m * n[0] || givenY.length != m * out) {
                throw new IllegalArgumentException("a batch of " + m + " needs " + m * n[0] + " inputs and "
                        + m * out + " targets, got " + givenX.length + " and " + givenY.length);
            }
            x = givenX;
            y = givenY;
            return;
        }
        MlpDraws.Batch batch = MlpDraws.batch(spec, n, seed);
        x = batch.inputs();
        y = batch.targets();
    }

    public MlpSpec spec() {
        return spec;
    }

    /** The number of parameters. */
    public int size() {
        return size;
    }

    /** The parameters drawn from the seed; a fresh copy. */
    public double[] initialParameters() {
        return initial.clone();
    }

    /** The input batch, {@code [batch, n0]} example-major; a fresh copy. */
    public double[] inputs() {
        return x.clone();
    }

    /** The targets, {@code [batch, n_out]} example-major; a fresh copy. */
    public double[] targets() {
        return y.clone();
    }

    /**
     * The smallest |Z| over the hidden layers' pre-activations at {@code theta}: how far the point
     * is from a kink of relu. Positive infinity when the hidden activation is smooth or there is
     * no hidden layer.
     */
    public double kinkDistance(double[] theta) {
        if (act.smooth()) {
            return Double.POSITIVE_INFINITY;
        }
        Forward f = forward(theta);
        double d = Double.POSITIVE_INFINITY;
        for (int l = 1; l < depth; l++) {
            for (double z : f.z()[l]) {
                d = Math.min(d, Math.abs(z));
            }
        }
        return d;
    }

    /** Tensor names in flat-vector order: W1, b1, W2, b2, ... */
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            names.add("W" + l);
            names.add("b" + l);
        }
        return names;
    }

    /** Tensor shapes in flat-vector order: {@code [n_l, n_(l-1)]} and {@code [n_l]}. */
    public List<int[]> parameterShapes() {
        List<int[]> shapes = new ArrayList<>();
        for (int l = 1; l <= depth; l++) {
            shapes.add(new int[] {n[l], n[l - 1]});
            shapes.add(new int[] {n[l]});
        }
        return shapes;
    }

    /** The forward pass at {@code theta}, with every layer's Z and A kept. */
    Forward forward(double[] theta) {
        checkLength(theta);
        double[][] z = new double[depth + 1][];
        double[][] a = new double[depth + 1][];
        a[0] = x;
        for (int l = 1; l <= depth; l++) {
            z[l] = new double[m * n[l]];
            affine(theta, l, a[l - 1], z[l]);
            if (l < depth) {
                a[l] = new double[m * n[l]];
                for (int k = 0; k < z[l].length; k++) {
                    a[l][k] = act.apply(z[l][k]);
                }
            }
        }
        double[] ell = new double[m];
        double sum = 0;
        for (int e = 0; e < m; e++) {
            ell[e] = head.loss(z[depth], e * n[depth], y, e * n[depth]);
            sum += ell[e];
        }
        return new Forward(z, a, ell, sum / m);
    }

    /** {@code out = W[l] in + b[l]} for every example; the bias is added after the dot product. */
    void affine(double[] theta, int l, double[] in, double[] out) {
        int nin = n[l - 1];
        int nout = n[l];
        for (int e = 0; e < m; e++) {
            for (int j = 0; j < nout; j++) {
                double s = 0;
                int w = wOff[l] + j * nin;
                int xi = e * nin;
                for (int i = 0; i < nin; i++) {
                    s += theta[w + i] * in[xi + i];
                }
                out[e * nout + j] = s + theta[bOff[l] + j];
            }
        }
    }

    /** The loss at {@code theta}: the mean over the batch of the per-example losses. */
    public double loss(double[] theta) {
        return forward(theta).loss();
    }

    /**
     * The gradient of the loss at {@code theta} by hand-written backpropagation.
     *
     * @throws IllegalArgumentException if {@code variant} is {@link Backprop#PUBLISHED_DZ1} and the
     *     network has no hidden layer, or {@code theta} has the wrong length
     */
    public double[] gradient(double[] theta, Backprop variant) {
        if (variant == Backprop.PUBLISHED_DZ1 && depth < 2) {
            throw new IllegalArgumentException("--backprop published-dz1 rewrites dZ1 = (W2^T dZ2) * act'(Z1),"
                    + " so it needs a hidden layer: give --layers at least three sizes, e.g. 2,3,1");
        }
        Forward f = forward(theta);
        double[] grad = new double[size];
        int out = n[depth];
        double[] dz = new double[m * out];
        for (int e = 0; e < m; e++) {
            head.gradient(f.z()[depth], e * out, y, e * out, dz, e * out);
        }
        for (int k = 0; k < dz.length; k++) {
            dz[k] /= m;
        }
        for (int l = depth; l >= 1; l--) {
            int nin = n[l - 1];
            int nout = n[l];
            double[] in = f.a()[l - 1];
            for (int e = 0; e < m; e++) {
                for (int j = 0; j < nout; j++) {
                    double d = dz[e * nout + j];
                    int w = wOff[l] + j * nin;
                    for (int i = 0; i < nin; i++) {
                        grad[w + i] += d * in[e * nin + i];
                    }
                    grad[bOff[l] + j] += d;
                }
            }
            if (l == 1) {
                break;
            }
            // The published mistake: dW2 where W2 belongs, in the line for dZ1 only.
            double[] through = variant == Backprop.PUBLISHED_DZ1 && l == 2 ? grad : theta;
            double[] prev = new double[m * nin];
            double[] zPrev = f.z()[l - 1];
            double[] aPrev = f.a()[l - 1];
            for (int e = 0; e < m; e++) {
                for (int j = 0; j < nout; j++) {
                    double d = dz[e * nout + j];
                    int w = wOff[l] + j * nin;
                    for (int i = 0; i < nin; i++) {
                        prev[e * nin + i] += through[w + i] * d;
                    }
                }
                for (int i = 0; i < nin; i++) {
                    int k = e * nin + i;
                    prev[k] *= act.derivative(zPrev[k], aPrev[k]);
                }
            }
            dz = prev;
        }
        return grad;
    }

    void checkLength(double[] theta) {
        if (theta.length != size) {
            throw new IllegalArgumentException("expected " + size + " parameters, got " + theta.length);
        }
    }

    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /** A cached forward pass: pre-activations, activations ({@code a[0]} the input), per-example losses. */
    record Forward(double[][] z, double[][] a, double[] ell, double loss) {
    }
}
