package org.gradaudit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.gradaudit.expr.Expr;
import org.gradaudit.model.Model;
import org.junit.jupiter.api.Test;

/**
 * relu's kink in the audit's cross-check: at a random point whose pre-activation is close to 0,
 * Ridders' long steps straddle the kink and disagree with the (right) symbolic derivative. Such a
 * point says nothing about the derivative; it must not leave a right line unverified.
 */
class KinkCrossCheckTest {
    private static final Path RELU = Path.of("derivations/relu-mse.deriv");

    /** Seeds of the relu derivation whose first cross-check points include one a Ridders step away from the kink. */
    private static List<Long> seedsNearTheKink(Model m, int seeds) {
        List<Long> out = new ArrayList<>();
        for (long seed = 1; seed <= seeds; seed++) {
            Points points = new Points(m.graph(), List.of(), seed, 64);
            int near = 0;
            for (double[] p : points.all().subList(0, CrossCheck.POINTS)) {
                double z = points.value(p, "z");
                double x = points.value(p, "x");
                // Ridders' first step is 0.1 max(1, |w|) in w, which moves z by that times |x|.
                if (Math.abs(z) < 0.1 * Math.max(1, Math.abs(points.value(p, "w"))) * Math.abs(x)) {
                    near++;
                }
            }
            if (near > 0) {
                out.add(seed);
            }
        }
        return out;
    }

    @Test
    void noRightLineOfTheReluDerivationIsUnverifiedAtAnySeed() {
        Model m = TutorialAudit.model(RELU);
        List<Long> near = seedsNearTheKink(m, 200);
        assertTrue(near.size() >= 5, "the search finds seeds with a point near the kink: " + near);
        for (long seed : near) {
            Points points = new Points(m.graph(), List.of(), seed, 64);
            Expr right = Expr.mul(Expr.mul(Expr.sub(Expr.var("h"), Expr.var("y")), new Expr.Call("step",
                    List.of(Expr.var("z")))), Expr.var("x"));
            assertEquals(Optional.empty(), CrossCheck.against(new Expr.Deriv("L", "w"), right, points),
                    "seed " + seed);
        }
    }

    @Test
    void aWrongDerivativeIsStillCaughtNearTheKink() {
        Model m = TutorialAudit.model(RELU);
        for (long seed : seedsNearTheKink(m, 200)) {
            Points points = new Points(m.graph(), List.of(), seed, 64);
            Expr wrong = Expr.mul(Expr.sub(Expr.var("h"), Expr.var("y")), Expr.var("x")); // step(z) left out
            boolean negativeZ = points.all().subList(0, CrossCheck.POINTS).stream()
                    .anyMatch(p -> points.value(p, "z") < -0.5);
            if (negativeZ) {
                assertTrue(CrossCheck.against(new Expr.Deriv("L", "w"), wrong, points).isPresent(), "seed " + seed);
            }
        }
    }

    @Test
    void theAuditOfTheReluDerivationHasNoUnverifiedLineAtSeedsNearTheKink() {
        Model m = TutorialAudit.model(RELU);
        for (long seed : seedsNearTheKink(m, 60)) {
            AuditResult r = TutorialAudit.audit(RELU, seed);
            for (Finding f : r.findings()) {
                assertEquals(Verdict.CORRECT, f.verdict(), "seed " + seed + ", line " + f.line() + ": " + f.message());
            }
        }
    }
}
