package org.gradaudit.check.tolerance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The matrix rules' agreement with Richardson's extrapolation, at its boundary and as its sentence says. */
class NoiseFloorTest {
    @Test
    void matrixRulesAgreeUpToTheRelativeEstimateAndAbsoluteTermsAndNoFurther() {
        Random random = new Random(20261201);
        for (int i = 0; i < 200; i++) {
            double scale = Math.pow(10, random.nextInt(9) - 4);
            double estimate = random.nextDouble() * 1e-7;
            double rules = (random.nextDouble() - 0.5) * scale;
            double allowed = 1e-6 * scale + 4 * estimate + 1e-10;
            assertTrue(NoiseFloor.matrixRulesAgree(rules, rules + 0.5 * allowed, estimate, scale));
            assertTrue(NoiseFloor.matrixRulesAgree(rules, rules - 0.99 * allowed, estimate, scale));
            assertFalse(NoiseFloor.matrixRulesAgree(rules, rules + 1.01 * allowed, estimate, scale));
            assertFalse(NoiseFloor.matrixRulesAgree(rules, rules - 1.01 * allowed, estimate, scale));
        }
        // a true 0 against differences' rounding of it: the absolute term, not the relative one
        assertTrue(NoiseFloor.matrixRulesAgree(0, 9e-11, 0, 0));
        assertFalse(NoiseFloor.matrixRulesAgree(0, 2e-10, 0, 0));
    }

    @Test
    void theSentencesNameTheConstants() {
        String rule = NoiseFloor.MATRIX_RULES_RULE;
        assertTrue(NoiseFloor.MATRIX_RULES_RELATIVE == 1e-6 && rule.contains("1e-6 x the largest"), rule);
        assertTrue(NoiseFloor.MATRIX_RULES_ESTIMATE_MULTIPLE == 4 && rule.contains("4 x the extrapolation's error"), rule);
        assertTrue(NoiseFloor.MATRIX_RULES_ABSOLUTE == 1e-10 && rule.endsWith("+ 1e-10"), rule);
        String cross = NoiseFloor.CROSS_CHECK_RULE;
        assertTrue(NoiseFloor.CROSS_CHECK_RELATIVE == 1e-7 && NoiseFloor.CROSS_CHECK_SMALLEST_SCALE == 1e-3
                && cross.contains("1e-7 x max(1e-3, |symbolic|)"), cross);
        assertTrue(NoiseFloor.CROSS_CHECK_ESTIMATE_MULTIPLE == 10 && cross.contains("10 x Ridders' own error"), cross);
    }
}
