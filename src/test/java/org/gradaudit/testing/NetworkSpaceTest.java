package org.gradaudit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NetworkSpaceTest {

    @Test
    void theSameSeedGivesTheSameCase() {
        NetworkSpace s = NetworkSpace.defaults();
        for (long seed = 0; seed < 20; seed++) {
            assertEquals(s.generate(new Random(seed)).toString(), s.generate(new Random(seed)).toString());
        }
    }

    @Test
    void drawnCasesLieInTheSpaceAndCoverIt() {
        NetworkSpace s = NetworkSpace.defaults();
        Set<Network.Activation> acts = EnumSet.noneOf(Network.Activation.class);
        Set<Network.Output> outs = EnumSet.noneOf(Network.Output.class);
        Set<Network.Loss> losses = EnumSet.noneOf(Network.Loss.class);
        Set<Integer> depths = new java.util.HashSet<>();
        for (long seed = 0; seed < 300; seed++) {
            NetworkCase c = s.generate(new Random(seed));
            assertTrue(s.contains(c), c.toString());
            acts.add(c.network().activation());
            outs.add(c.network().output());
            losses.add(c.network().loss());
            depths.add(c.network().hiddenLayers());
        }
        assertEquals(EnumSet.allOf(Network.Activation.class), acts);
        assertEquals(EnumSet.allOf(Network.Output.class), outs);
        assertEquals(EnumSet.allOf(Network.Loss.class), losses);
        assertEquals(Set.of(0, 1, 2), depths);
    }

    @Test
    void activationOutputAndLossCanBeFixed() {
        NetworkSpace s = NetworkSpace.defaults().withActivations(Network.Activation.RELU)
                .withOutputs(Network.Output.SOFTMAX).withLosses(Network.Loss.CROSS_ENTROPY);
        for (long seed = 0; seed < 50; seed++) {
            Network n = s.generate(new Random(seed)).network();
            assertEquals(Network.Activation.RELU, n.activation());
            assertEquals(Network.Output.SOFTMAX, n.output());
            assertEquals(Network.Loss.CROSS_ENTROPY, n.loss());
        }
        assertEquals("NetworkSpace.defaults().withActivations(Network.Activation.RELU)"
                + ".withOutputs(Network.Output.SOFTMAX).withLosses(Network.Loss.CROSS_ENTROPY)", s.toString());
    }

    @Test
    void awayFromKinksHoldsForDrawnAndShrunkCases() {
        NetworkSpace s = NetworkSpace.defaults().withActivations(Network.Activation.RELU).awayFromKinks(0.05);
        for (long seed = 0; seed < 12; seed++) {
            NetworkCase c = s.generate(new Random(seed));
            assertTrue(c.kinkDistance() >= 0.05, c.toString());
            for (NetworkCase smaller : s.shrink(c)) {
                assertTrue(smaller.kinkDistance() >= 0.05, smaller.toString());
            }
        }
    }

    @Test
    void everyShrinkCandidateIsInTheSpaceAndSmallerOrSimpler() {
        NetworkSpace s = NetworkSpace.defaults().withHiddenLayers(1, 2);
        for (long seed = 0; seed < 12; seed++) {
            NetworkCase c = s.generate(new Random(seed));
            List<NetworkCase> candidates = s.shrink(c);
            assertFalse(candidates.isEmpty(), c.toString());
            for (NetworkCase k : candidates) {
                assertTrue(s.contains(k), k.toString());
                assertTrue(size(k) < size(c) || size(k) == size(c) && simplicity(k) < simplicity(c),
                        k + " is not smaller than " + c);
            }
        }
    }

    @Test
    void removingAHiddenUnitKeepsTheOtherUnitsWeights() {
        // 1-2-1 identity/identity mse: dropping hidden unit 1 leaves W1 = [w0], b1 = [c0], W2 = [v0].
        NetworkCase c = new NetworkCase(new Network(List.of(1, 2, 1), Network.Activation.IDENTITY,
                Network.Output.IDENTITY, Network.Loss.MSE, 1), new double[] {0.5, 0.25, 1.5, 1.25, 0.75, 1.75, 0.125},
                new double[] {1}, new double[] {0});
        assertTrue(NetworkSpace.defaults().shrink(c).stream().anyMatch(k -> k.network().layers().equals(List.of(1, 1, 1))
                && java.util.Arrays.equals(k.parameters(), new double[] {0.5, 1.5, 0.75, 0.125})));
    }

    @Test
    void theSimplestCaseHasNoCandidates() {
        NetworkCase c = new NetworkCase(new Network(List.of(1, 1), Network.Activation.SIGMOID,
                Network.Output.SIGMOID, Network.Loss.BCE, 1), new double[] {0, 0}, new double[] {0}, new double[] {0});
        assertEquals(List.of(), NetworkSpace.defaults().shrink(c));
    }

    @Test
    void impossibleSpacesAreRefusedWhereTheyAreMade() {
        assertThrows(IllegalArgumentException.class,
                () -> NetworkSpace.defaults().withOutputs(Network.Output.IDENTITY).withLosses(Network.Loss.BCE));
        assertThrows(IllegalArgumentException.class,
                () -> NetworkSpace.defaults().withOutputs(Network.Output.SOFTMAX).withMaxUnits(1));
        assertThrows(IllegalArgumentException.class, () -> NetworkSpace.defaults().withHiddenLayers(2, 1));
        assertThrows(IllegalArgumentException.class, () -> NetworkSpace.defaults().withActivations());
        assertThrows(IllegalArgumentException.class, () -> NetworkSpace.defaults().withParameters(1, -1));
        assertThrows(IllegalArgumentException.class, () -> NetworkSpace.defaults().awayFromKinks(0));
    }

    private static int size(NetworkCase c) {
        return c.network().layers().stream().mapToInt(Integer::intValue).sum() + c.network().layers().size()
                + c.network().batch();
    }

    /**
     * Values away from the simplest (targets: away from 0, or from class 0 for cross-entropy), then
     * decimals: the measure shrinking decreases on a fixed shape.
     */
    private static double simplicity(NetworkCase c) {
        double notSimplest = 0;
        double decimals = 0;
        for (double[] v : List.of(c.parameters(), c.inputs(), c.targets())) {
            for (double x : v) {
                notSimplest += x == 0 ? 0 : 1;
                decimals += Values.decimals(x);
            }
        }
        if (c.network().loss() == Network.Loss.CROSS_ENTROPY) {
            int out = c.network().layers().get(c.network().layers().size() - 1);
            double[] y = c.targets();
            for (int k = 0; k < y.length; k++) {
                notSimplest += y[k] * (k % out);
            }
        }
        return notSimplest * 1e6 + decimals;
    }
}
