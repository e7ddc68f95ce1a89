package org.gradaudit.testing.examples;

import static org.gradaudit.testing.GradientSearch.assertGradientForAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gradaudit.testing.NetworkCase;
import org.gradaudit.testing.NetworkSpace;
import org.gradaudit.testing.PropertyFailure;
import org.gradaudit.testing.SearchOptions;
import org.junit.jupiter.api.Test;

/**
 * Example: a search over random networks for a wrong gradient (the published tutorial's dZ1
 * mistake, {@link NetworkCase#publishedGradient}). The search finds a failing network and shrinks
 * it; this test expects that failure and checks what it says. In your own suite the one call is
 * all you write, with your backprop in place of {@code NetworkCase::publishedGradient}.
 */
class ShrinkingExampleTest {
    /** One to two hidden layers of up to four units, batches up to three. */
    private static final NetworkSpace SPACE = NetworkSpace.defaults().withHiddenLayers(1, 2);
    private static final SearchOptions OPTIONS = SearchOptions.defaults().withSeed(20261127);

    @Test
    void theWrongGradientShrinksToATinyNetworkOfBatchOne() {
        PropertyFailure e = assertThrows(PropertyFailure.class,
                () -> assertGradientForAll(SPACE, NetworkCase::publishedGradient, OPTIONS));
        NetworkCase smallest = (NetworkCase) e.counterexample();
        assertTrue(smallest.network().maxUnits() <= 2, "shrunk only to " + smallest);
        assertEquals(1, smallest.network().batch(), smallest.toString());
        assertEquals(1, smallest.network().hiddenLayers(), smallest.toString());
        assertTrue(SPACE.contains(smallest), smallest.toString());
        if (System.getProperty("gradaudit.showShrunk") != null) {
            System.out.println(e.getMessage());
        }
    }

    @Test
    void theMessageNamesTheSmallestCaseTheSeedAndHowToReproduceIt() {
        PropertyFailure e = assertThrows(PropertyFailure.class,
                () -> assertGradientForAll(SPACE, NetworkCase::publishedGradient, OPTIONS));
        String m = e.getMessage();
        NetworkCase smallest = (NetworkCase) e.counterexample();
        assertTrue(m.contains("smallest case: " + smallest), m);
        assertTrue(m.contains("(seed 20261127)"), m);
        assertTrue(m.contains("rerun:         SearchOptions.defaults().withSeed(20261127)"), m);
        assertTrue(m.contains("reproduce it: NetworkCase c = new NetworkCase(new Network(List.of("), m);
        // The gradient check's own table: the published mistake is in W1 and b1.
        assertTrue(m.contains("failing: W1") || m.contains("failing: b1"), m);
        assertTrue(e.getCause() instanceof AssertionError);
        assertTrue(e.shrinks() > 0, m);
    }
}
