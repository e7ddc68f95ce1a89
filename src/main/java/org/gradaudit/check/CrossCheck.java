package org.gradaudit.check;

import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.gradaudit.check.tolerance.NoiseFloor;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Numbers;
import org.gradaudit.numeric.Estimate;
import org.gradaudit.numeric.FiniteDifferences;
import org.gradaudit.numeric.Evaluators;

/**
 * The symbolic truth cross-checked against an independent one: Ridders-extrapolated differences
 * of the graph itself, with the variable or node moved and everything after it recomputed. A
 * disagreement ({@link NoiseFloor#CROSS_CHECK_RULE}) is a fault of the tool or of the input's domain,
 * reported, never hidden. This is the one comparison of a symbolic derivative with Ridders'
 * differences: {@code assertDerivative} reaches it through the audit.
 *
 * <p>Kinks ({@code relu} at 0) are handled as {@code check} handles them: Ridders' first step is
 * {@code 0.1 max(1, |x|)} and may straddle a kink near a random point; where it disagrees, the
 * central difference's small step settles it, and where that disagrees too and the one-sided
 * differences disagree with each other, the point is on a kink, says nothing about the
 * derivative, and the next point is taken instead.
 */
final class CrossCheck {
    /** How many points the truth is cross-checked at. */
    static final int POINTS = 4;

    private CrossCheck() {
    }

    /**
     * Cross-checks a symbolic total derivative against Ridders differences of the graph: empty when
     * they agree, else the message for an unverified finding.
     */
    static Optional<String> against(Expr.Deriv target, Expr truthExpr, Points points) {
        var ev = Evaluators.compile(truthExpr, points.slots());
        int of = points.slot(target.of());
        int checked = 0;
        for (double[] p : points.all()) {
            if (checked == POINTS) {
                break;
            }
            double x = points.value(p, target.wrt());
            DoubleUnaryOperator f = t -> points.with(p, Map.of(target.wrt(), t))[of];
            var fd = FiniteDifferences.ridders(f, x);
            double symbolic = ev.eval(p);
            if (agrees(fd, symbolic)) { // also where either is not finite: nothing to compare there
                checked++;
                continue;
            }
            if (agrees(FiniteDifferences.central(f, x), symbolic)) {
                checked++; // Ridders' long steps crossed a kink that the central step does not reach
                continue;
            }
            if (atKink(f, x)) {
                continue; // the derivative does not exist here: move on to the next point
            }
            return Optional.of(Numbers.format("the symbolic derivative d%s/d%s = %s gives %.17g at %s, but Ridders differences"
                    + " of the graph give %.17g (estimated error %.2g): a fault of the tool or of the input's"
                    + " domain, so this statement is not judged", target.of(), target.wrt(),
                    Display.print(truthExpr), symbolic, points.describe(p), fd.value(), fd.error()));
        }
        return Optional.empty();
    }

    private static boolean agrees(Estimate fd, double symbolic) {
        return NoiseFloor.crossCheckAgrees(symbolic, fd);
    }

    /** Whether the one-sided differences at the central step disagree beyond their errors: a kink. */
    private static boolean atKink(DoubleUnaryOperator f, double x) {
        double h = FiniteDifferences.centralStep(x);
        Estimate left = FiniteDifferences.oneSided(f, x, h, false);
        Estimate right = FiniteDifferences.oneSided(f, x, h, true);
        return left.isFinite() && right.isFinite()
                && Math.abs(left.value() - right.value())
                        > NoiseFloor.CROSS_CHECK_ESTIMATE_MULTIPLE * (left.error() + right.error())
                        + NoiseFloor.CROSS_CHECK_RELATIVE * Math.max(Math.abs(left.value()), Math.abs(right.value()));
    }
}
