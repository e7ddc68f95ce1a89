package org.gradaudit.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * The shrinking steps of {@link NetworkSpace#shrink}, on a case taken apart into its layers: the
 * weight matrices and biases, and the inputs and targets as rows of the batch. A smaller network
 * keeps the weights of the units that remain, so that it computes much what the larger one did
 * and a mistake that showed there usually still shows.
 */
final class NetworkShrinking {
    private final Network network;
    private final List<Integer> n;
    /** w[l][i][k]: weight from unit k of layer l-1 to unit i of layer l, for l = 1..L; w[0] unused. */
    private final double[][][] w;
    private final double[][] b;
    private final double[][] x;
    private final double[][] y;

    private NetworkShrinking(Network network, List<Integer> n, double[][][] w, double[][] b, double[][] x,
            double[][] y) {
        this.network = network;
        this.n = n;
        this.w = w;
        this.b = b;
        this.x = x;
        this.y = y;
    }

    /** The candidates, most aggressive first; some may fall outside the space and are filtered by it. */
    static List<NetworkCase> candidates(NetworkCase c, NetworkSpace space) {
        NetworkShrinking p = of(c);
        int depth = p.n.size() - 1;
        List<NetworkShrinking> smaller = new ArrayList<>();
        if (p.x.length > 1) {
            smaller.add(p.examples(0, 1));
        }
        for (int l = 1; l < depth; l++) {
            smaller.add(p.withoutLayer(l));
        }
        for (int l = 0; l <= depth; l++) {
            for (int j = p.n.get(l) - 1; p.n.get(l) > 1 && j >= 0; j--) {
                smaller.add(p.withoutUnit(l, j));
            }
        }
        for (int e = 0; p.x.length > 2 && e < p.x.length; e++) {
            smaller.add(p.withoutExample(e));
        }
        List<NetworkCase> out = new ArrayList<>();
        for (NetworkShrinking s : smaller) {
            NetworkCase built = s.build();
            if (built != null) {
                out.add(built);
            }
        }
        Network net = c.network();
        for (double[] theta : Values.simpler(c.parameters(), space.parameterLow, space.parameterHigh)) {
            out.add(new NetworkCase(net, theta, c.inputs(), c.targets()));
        }
        for (double[] in : Values.simpler(c.inputs(), space.inputLow, space.inputHigh)) {
            out.add(new NetworkCase(net, c.parameters(), in, c.targets()));
        }
        for (double[] t : simplerTargets(net, c.targets())) {
            out.add(new NetworkCase(net, c.parameters(), c.inputs(), t));
        }
        return out;
    }

    private static NetworkShrinking of(NetworkCase c) {
        Network net = c.network();
        List<Integer> n = net.layers();
        int depth = n.size() - 1;
        double[] theta = c.parameters();
        double[][][] w = new double[depth + 1][][];
        double[][] b = new double[depth + 1][];
        int off = 0;
        for (int l = 1; l <= depth; l++) {
            w[l] = new double[n.get(l)][n.get(l - 1)];
            for (int i = 0; i < n.get(l); i++) {
                for (int k = 0; k < n.get(l - 1); k++) {
                    w[l][i][k] = theta[off++];
                }
            }
            b[l] = new double[n.get(l)];
            for (int i = 0; i < n.get(l); i++) {
                b[l][i] = theta[off++];
            }
        }
        return new NetworkShrinking(net, n, w, b, rows(c.inputs(), net.batch()), rows(c.targets(), net.batch()));
    }

    /** The examples [from, to) of the batch. */
    private NetworkShrinking examples(int from, int to) {
        return new NetworkShrinking(network, n, w, b, java.util.Arrays.copyOfRange(x, from, to),
                java.util.Arrays.copyOfRange(y, from, to));
    }

    private NetworkShrinking withoutExample(int e) {
        return new NetworkShrinking(network, n, w, b, drop(x, e), drop(y, e));
    }

    /** Hidden layer l removed: layer l-1 feeds layer l+1 through W[l+1]'s first columns (zeros where it had too few). */
    private NetworkShrinking withoutLayer(int l) {
        List<Integer> sizes = new ArrayList<>(n);
        sizes.remove(l);
        double[][][] w2 = new double[w.length - 1][][];
        double[][] b2 = new double[b.length - 1][];
        for (int k = 1, src = 1; k < w2.length; k++, src++) {
            if (src == l) {
                double[][] joined = new double[n.get(l + 1)][n.get(l - 1)];
                for (int i = 0; i < joined.length; i++) {
                    for (int j = 0; j < joined[i].length && j < n.get(l); j++) {
                        joined[i][j] = w[l + 1][i][j];
                    }
                }
                w2[k] = joined;
                b2[k] = b[l + 1];
                src++;
            } else {
                w2[k] = w[src];
                b2[k] = b[src];
            }
        }
        return new NetworkShrinking(network, sizes, w2, b2, x, y);
    }

    /** Unit j of layer l removed, with its row of W[l], its bias and its column of W[l+1] (its inputs or targets). */
    private NetworkShrinking withoutUnit(int l, int j) {
        int depth = n.size() - 1;
        List<Integer> sizes = new ArrayList<>(n);
        sizes.set(l, n.get(l) - 1);
        double[][][] w2 = w.clone();
        double[][] b2 = b.clone();
        double[][] x2 = x;
        double[][] y2 = y;
        if (l == 0) {
            x2 = dropColumn(x, j);
        } else {
            w2[l] = drop(w[l], j);
            b2[l] = dropAt(b[l], j);
        }
        if (l < depth) {
            w2[l + 1] = dropColumn(w[l + 1], j);
        } else {
            y2 = dropColumn(y, j);
            if (network.loss() == Network.Loss.CROSS_ENTROPY) {
                for (double[] row : y2) {
                    if (java.util.Arrays.stream(row).sum() == 0) {
                        row[0] = 1; // the dropped unit was the class: class 0 stands in for it
                    }
                }
            }
        }
        return new NetworkShrinking(network, sizes, w2, b2, x2, y2);
    }

    /** The case, or null where the shape is not a network (softmax left with one output). */
    private NetworkCase build() {
        Network shape;
        try {
            shape = new Network(n, network.activation(), network.output(), network.loss(), x.length);
        } catch (IllegalArgumentException e) {
            return null;
        }
        List<Double> theta = new ArrayList<>();
        for (int l = 1; l < n.size(); l++) {
            for (double[] row : w[l]) {
                for (double v : row) {
                    theta.add(v);
                }
            }
            for (double v : b[l]) {
                theta.add(v);
            }
        }
        return new NetworkCase(shape, theta.stream().mapToDouble(Double::doubleValue).toArray(), flat(x), flat(y));
    }

    /** Targets toward 0 (bce, mse) or toward class 0 (cross-entropy): all at once, then one example at a time. */
    private static List<double[]> simplerTargets(Network net, double[] targets) {
        if (net.loss() != Network.Loss.CROSS_ENTROPY) {
            return Values.simpler(targets, 0, 1);
        }
        int out = net.layers().get(net.layers().size() - 1);
        List<double[]> result = new ArrayList<>();
        double[] all = new double[targets.length];
        int moved = 0;
        for (int e = 0; e < net.batch(); e++) {
            all[e * out] = 1;
            if (targets[e * out] != 1) {
                moved++;
                double[] one = targets.clone();
                java.util.Arrays.fill(one, e * out, (e + 1) * out, 0);
                one[e * out] = 1;
                result.add(one);
            }
        }
        if (moved > 1) {
            result.add(0, all);
        }
        return result;
    }

    private static double[][] rows(double[] flat, int batch) {
        int width = flat.length / batch;
        double[][] r = new double[batch][];
        for (int e = 0; e < batch; e++) {
            r[e] = java.util.Arrays.copyOfRange(flat, e * width, (e + 1) * width);
        }
        return r;
    }

    private static double[] flat(double[][] rows) {
        return java.util.Arrays.stream(rows).flatMapToDouble(java.util.Arrays::stream).toArray();
    }

    private static double[][] drop(double[][] m, int i) {
        double[][] r = new double[m.length - 1][];
        for (int k = 0, d = 0; k < m.length; k++) {
            if (k != i) {
                r[d++] = m[k];
            }
        }
        return r;
    }

    private static double[][] dropColumn(double[][] m, int j) {
        double[][] r = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            r[i] = dropAt(m[i], j);
        }
        return r;
    }

    private static double[] dropAt(double[] v, int j) {
        double[] r = new double[v.length - 1];
        System.arraycopy(v, 0, r, 0, j);
        System.arraycopy(v, j + 1, r, j, v.length - j - 1);
        return r;
    }
}
