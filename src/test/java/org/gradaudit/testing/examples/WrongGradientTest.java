package org.gradaudit.testing.examples;

import static org.gradaudit.testing.GradientAssertions.assertGradient;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gradaudit.testing.GradientOptions;
import org.junit.jupiter.api.Test;

/**
 * Example: a deliberately wrong gradient, and what its failure says. f(x, y) = x^2 y + sin(y); the
 * hand-written df/dy writes -cos(y) where cos(y) belongs.
 */
class WrongGradientTest {

    static double f(double[] v) {
        return v[0] * v[0] * v[1] + Math.sin(v[1]);
    }

    /** df/dx right; df/dy with the wrong sign on the cosine. */
    static double[] wrongGradient(double[] v) {
        return new double[] {2 * v[0] * v[1], v[0] * v[0] - Math.cos(v[1])};
    }

    @Test
    void theMessageNamesTheElementBothValuesAndTheSeed() {
        double[] at = {1.5, 0.0};
        AssertionError e = assertThrows(AssertionError.class,
                () -> assertGradient(WrongGradientTest::f, WrongGradientTest::wrongGradient, at,
                        GradientOptions.defaults().withSeed(42)));
        String m = e.getMessage();
        // x[1]: claimed 1.5^2 - cos(0) = 1.25, true 1.5^2 + cos(0) = 3.25.
        assertTrue(m.contains("1 of 2 elements differ"), m);
        assertTrue(m.matches("(?s).*\\n  x\\[1\\]\\s+1\\.25\\s+3\\.25\\s.*"), m);
        assertTrue(!m.contains("x[0] "), m);
        assertTrue(m.contains("method: Ridders"), m);
        assertTrue(m.contains("seed: 42 (reproduce with GradientOptions.defaults().withSeed(42))"), m);
    }
}
