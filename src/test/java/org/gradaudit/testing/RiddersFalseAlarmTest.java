package org.gradaudit.testing;

import static org.gradaudit.testing.SymbolicAssertions.assertDerivative;

import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * A false alarm of {@code assertDerivative} found by {@code SymbolicDerivativeProperties} with
 * seed 20261127 on the new search engine: the derivative is proven symbolically, but Ridders'
 * differences from a first step of {@code 0.1 max(1, |x|)} converge on 0.82126 (error estimate
 * 2.8e-7) at x = 1.672 where the derivative is 0.821045 ({@code FiniteDifferences.ridders} alone,
 * on the same function, gives the same wrong estimate). The property runs with seed 20261128
 * until this passes; {@code DerivativeCheck} is being rewritten on another branch.
 */
class RiddersFalseAlarmTest {

    @Test
    @Disabled("known false alarm: Ridders' tableau stops early on sin(x^2) at x = 1.672; enable when DerivativeCheck is fixed")
    void aProvenDerivativeIsNotRefutedByRidders() {
        assertDerivative("1 + 2*x*cos(x^2) - 2*x*cos(x^2)*cos(sin(x^2))", "n2", "x",
                List.of("n0 = sin(x^2)", "n1 = -(-(n0 + y))", "n2 = n1 + x - sin(n0) - exp(y^2)"), 7);
    }
}
