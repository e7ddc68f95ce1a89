package org.gradaudit.testing;

import static org.gradaudit.testing.SymbolicAssertions.assertDerivative;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A false alarm of {@code assertDerivative} found by {@code SymbolicDerivativeProperties} with
 * seed 20261127, when {@code assertDerivative} was a judge of its own: the derivative is proven
 * symbolically, but Ridders' differences from a first step of {@code 0.1 max(1, |x|)} converge on
 * 0.82126 (error estimate 2.8e-7) at x = 1.672 where the derivative is 0.821045, and that judge
 * failed the claim on them. The assertion is now the audit of a one-statement derivation: the
 * claim is judged against the symbolic truth, and Ridders' differences only cross-check that truth.
 */
class RiddersFalseAlarmTest {

    @Test
    void aProvenDerivativeIsNotRefutedByRidders() {
        assertDerivative("1 + 2*x*cos(x^2) - 2*x*cos(x^2)*cos(sin(x^2))", "n2", "x",
                List.of("n0 = sin(x^2)", "n1 = -(-(n0 + y))", "n2 = n1 + x - sin(n0) - exp(y^2)"), 7);
    }
}
