package org.gradaudit.testing;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * What {@link NetworkSpace#generate} draws besides the values: a network's shape within the space
 * (an output and a loss that a built-in network allows together), and targets that suit its loss (0
 * or 1 for bce, one-hot rows for cross-entropy, values in [0, 1] for mse), and the test of that
 * suitability the space's membership uses.
 */
final class NetworkDraws {
    /** An output and a loss that a built-in network allows together. */
    record Pair(Network.Output output, Network.Loss loss) {
    }

    private NetworkDraws() {
    }

    /**
     * The pairs of an allowed output and an allowed loss that go together in enum order: softmax
     * with at least two output units, an identity output with mse only.
     */
    static List<Pair> pairs(Set<Network.Output> outputs, Set<Network.Loss> losses, int maxUnits) {
        List<Pair> out = new ArrayList<>();
        for (Network.Output o : Network.Output.values()) {
            for (Network.Loss l : Network.Loss.values()) {
                boolean compatible = (o != Network.Output.IDENTITY || l == Network.Loss.MSE)
                        && (o != Network.Output.SOFTMAX || maxUnits >= 2);
                if (outputs.contains(o) && losses.contains(l) && compatible) {
                    out.add(new Pair(o, l));
                }
            }
        }
        return List.copyOf(out);
    }

    /** A network shape of the space: an output and loss allowed together, an activation, layers, a batch. */
    static Network network(NetworkSpace s, Random r) {
        Pair pair = s.pairs.get(r.nextInt(s.pairs.size()));
        Network.Output output = pair.output();
        List<Network.Activation> acts = new ArrayList<>(EnumSet.copyOf(s.activations));
        Network.Activation activation = acts.get(r.nextInt(acts.size()));
        int hidden = s.minHidden + r.nextInt(s.maxHidden - s.minHidden + 1);
        List<Integer> layers = new ArrayList<>();
        for (int i = 0; i <= hidden; i++) {
            layers.add(1 + r.nextInt(s.maxUnits));
        }
        layers.add(output == Network.Output.SOFTMAX ? 2 + r.nextInt(s.maxUnits - 1) : 1 + r.nextInt(s.maxUnits));
        return new Network(layers, activation, output, pair.loss(), 1 + r.nextInt(s.maxBatch));
    }

    /** Targets that suit the loss, one row per example. */
    static double[] targets(Random r, Network n) {
        int out = n.layers().get(n.layers().size() - 1);
        double[] y = new double[n.targetCount()];
        for (int e = 0; e < n.batch(); e++) {
            if (n.loss() == Network.Loss.CROSS_ENTROPY) {
                y[e * out + r.nextInt(out)] = 1;
                continue;
            }
            for (int k = 0; k < out; k++) {
                y[e * out + k] = n.loss() == Network.Loss.BCE ? r.nextInt(2) : r.nextDouble();
            }
        }
        return y;
    }

    /** Whether targets suit the loss: 0/1 for bce, one-hot rows for cross-entropy, [0, 1] for mse. */
    static boolean targetsSuit(Network n, double[] y) {
        int out = n.layers().get(n.layers().size() - 1);
        for (int e = 0; e < n.batch(); e++) {
            int ones = 0;
            for (int k = 0; k < out; k++) {
                double v = y[e * out + k];
                boolean ok = n.loss() == Network.Loss.MSE ? v >= 0 && v <= 1 : v == 0 || v == 1;
                if (!ok) {
                    return false;
                }
                ones += v == 1 ? 1 : 0;
            }
            if (n.loss() == Network.Loss.CROSS_ENTROPY && ones != 1) {
                return false;
            }
        }
        return true;
    }
}
