package org.gradaudit.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BoxTest {

    @Test
    void pointsLieInTheBoxAndMeetItsCondition() {
        Box box = Box.of(new double[] {0.5, -3}, new double[] {1, 3}).where(x -> x[1] > 0);
        for (long seed = 0; seed < 100; seed++) {
            double[] x = box.generate(new Random(seed));
            assertTrue(x[0] >= 0.5 && x[0] <= 1 && x[1] > 0 && x[1] <= 3, java.util.Arrays.toString(x));
            assertArrayEquals(x, box.generate(new Random(seed)));
            for (double[] s : box.shrink(x)) {
                assertTrue(s[0] >= 0.5 && s[0] <= 1 && s[1] > 0 && s[1] <= 3, java.util.Arrays.toString(s));
            }
        }
    }

    @Test
    void shrinkingGoesTowardZeroOrTheNearestBoundThenFewerDecimals() {
        Box box = Box.of(new double[] {0.5, -3}, new double[] {1, 3});
        List<double[]> c = box.shrink(new double[] {0.8125, 1.37});
        assertArrayEquals(new double[] {0.5, 0}, c.get(0));
        assertTrue(c.stream().anyMatch(x -> x[0] == 0.8125 && x[1] == 1.0));
        assertTrue(c.stream().anyMatch(x -> x[0] == 0.8 && x[1] == 1.4));
        assertEquals(List.of(), box.shrink(new double[] {0.5, 0}));
    }

    @Test
    void badBoxesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Box.of(0, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> Box.of(2, 1, -1));
        assertThrows(IllegalArgumentException.class, () -> Box.of(new double[] {0}, new double[] {1, 2}));
        assertThrows(IllegalStateException.class, () -> Box.of(1, -1, 1).where(x -> false).generate(new Random(1)));
        assertThrows(IllegalArgumentException.class, () -> Box.of(1, -1, 1).shrink(new double[2]));
    }
}
