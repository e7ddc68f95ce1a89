package org.gradaudit.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RiddersFirstStepTest {

    @Test
    void theDefaultIsAFirstStepOfATenthOfMaxOneAndX() {
        assertEquals(FiniteDifferences.ridders(Math::sin, 2.0), FiniteDifferences.ridders(Math::sin, 2.0, 0.2));
    }

    @Test
    void aSmallerFirstStepSuitsAFunctionThatVariesOnASmallScale() {
        // sigmoid(30 x) at 0.01: its poles are at distance pi/30 from the real axis.
        java.util.function.DoubleUnaryOperator f = x -> 1 / (1 + Math.exp(-30 * x));
        double x = 0.01;
        double s = f.applyAsDouble(x);
        double exact = 30 * s * (1 - s);
        Estimate e = FiniteDifferences.ridders(f, x, 0.01);
        assertEquals(exact, e.value(), 1e-12 * exact);
        assertTrue(Math.abs(e.value() - exact) <= e.error() * 4);
    }

    @Test
    void aFirstStepMustBePositiveAndFinite() {
        assertThrows(IllegalArgumentException.class, () -> FiniteDifferences.ridders(Math::sin, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> FiniteDifferences.ridders(Math::sin, 1, Double.NaN));
    }
}
