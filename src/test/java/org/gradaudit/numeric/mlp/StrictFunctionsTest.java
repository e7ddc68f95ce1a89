package org.gradaudit.numeric.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link StrictFunctions} against {@link StrictMath}, bit for bit. */
class StrictFunctionsTest {
    private static final double[] EDGES = {
        0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL, Double.MAX_VALUE,
        -Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, 1.0, -1.0,
        Math.nextUp(-1.0), Math.nextDown(-1.0), 0x1p-29, 0x1p-54, 0x1p-20, 0.41422, 0.41421356237309503,
        -0.2929, -0.29289321881345254, 0x1p53, 0x1p54, 2.0, 0.5, 1e-300, 1e300, 3.0, 7.0, 0.125, 1e-5, -1e-5,
    };

    private static void assertBitsEqual(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual),
                () -> what + ": " + expected + " expected, " + actual + " computed");
    }

    @Test
    void atan2AndHypotAreStrictMathsNearAndFarFromTheirShortForms() {
        Random r = new Random(20261202);
        for (int i = 0; i < 300_000; i++) {
            double x = i % 7 == 0 ? Double.longBitsToDouble(r.nextLong()) : Math.scalb(r.nextGaussian(), r.nextInt(9) - 4);
            // Ratios of y to x from 2^-90 to 2^10: the short forms' border at 2^-62 and fdlibm's own ones.
            double y = i % 11 == 0 ? Double.longBitsToDouble(r.nextLong()) : x * Math.scalb(r.nextGaussian(), -r.nextInt(100) + 10);
            assertBitsEqual(StrictMath.atan2(y, x), StrictFunctions.atan2(y, x), "atan2(" + y + ", " + x + ")");
            assertBitsEqual(StrictMath.hypot(x, y), StrictFunctions.hypot(x, y), "hypot(" + x + ", " + y + ")");
        }
        for (double x : EDGES) {
            for (double y : EDGES) {
                assertBitsEqual(StrictMath.atan2(y, x), StrictFunctions.atan2(y, x), "atan2(" + y + ", " + x + ")");
                assertBitsEqual(StrictMath.hypot(x, y), StrictFunctions.hypot(x, y), "hypot(" + x + ", " + y + ")");
            }
        }
    }
}
