package org.gradaudit.numeric.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link SmallAngles} against {@link Math}, bit for bit, near and far from its limit. */
class SmallAnglesTest {
    private static final double[] EDGES = {
        0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL,
        Math.nextDown(Double.MIN_NORMAL), SmallAngles.LIMIT, -SmallAngles.LIMIT, Math.nextUp(SmallAngles.LIMIT),
        Math.nextDown(SmallAngles.LIMIT), -Math.nextUp(SmallAngles.LIMIT), 0x1p-26, 0x1.6a09e667f3bcdp-27, 1e-20,
        -1e-20, 1e-300, 1.0, Math.PI, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
        Double.NaN,
    };

    private static void assertBitsEqual(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                () -> what + ": " + expected + " expected, " + actual + " computed");
    }

    private static void assertBoth(double x) {
        assertBitsEqual(Math.cos(x), SmallAngles.cos(x), "cos(" + x + ")");
        assertBitsEqual(Math.sin(x), SmallAngles.sin(x), "sin(" + x + ")");
    }

    @Test
    void theShortFormsAreInUseOnThisJvm() {
        // Not vacuous: the tests below compare the short forms with Math, not Math with itself.
        assertTrue(SmallAngles.active(), "Math.cos or Math.sin differ from the short forms at the limit");
    }

    @Test
    void everyBinadeBelowTheLimitBothSignsAndTheSubnormals() {
        Random r = new Random(20261202);
        int lowest = Math.getExponent(Double.MIN_NORMAL) - 1; // the subnormals' binade
        int highest = Math.getExponent(SmallAngles.LIMIT);
        for (int i = 0; i < 3_000_000; i++) {
            int exponent = lowest + r.nextInt(highest - lowest);
            long mantissa = r.nextLong() & 0x000F_FFFF_FFFF_FFFFL;
            double x = Double.longBitsToDouble(((long) (exponent + 1023) << 52) | mantissa);
            assertBoth(r.nextBoolean() ? x : -x);
        }
    }

    @Test
    void nearTheLimitAndFarFromIt() {
        Random r = new Random(20261203);
        double x = SmallAngles.LIMIT;
        double y = SmallAngles.LIMIT;
        for (int i = 0; i < 200_000; i++) {
            assertBoth(x);
            assertBoth(-y);
            x = Math.nextDown(x);
            y = Math.nextUp(y);
        }
        for (int i = 0; i < 300_000; i++) {
            double z = i % 5 == 0 ? Double.longBitsToDouble(r.nextLong()) : Math.scalb(r.nextGaussian(), -r.nextInt(60));
            assertBoth(z);
        }
        for (double e : EDGES) {
            assertBoth(e);
        }
    }
}
