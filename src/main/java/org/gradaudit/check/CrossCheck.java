package org.gradaudit.check;

import java.util.Map;
import java.util.Optional;
import org.gradaudit.check.tolerance.NoiseFloor;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Numbers;
import org.gradaudit.numeric.Evaluators;
import org.gradaudit.numeric.FiniteDifferences;

/**
 * The symbolic truth cross-checked against an independent one: Ridders-extrapolated differences
 * of the graph itself, with the variable or node moved and everything after it recomputed. A
 * disagreement ({@link NoiseFloor#CROSS_CHECK_RULE}) is a fault of the tool or of the input's domain,
 * reported, never hidden. This is the one comparison of a symbolic derivative with Ridders'
 * differences: {@code assertDerivative} reaches it through the audit.
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
        for (double[] p : points.all().subList(0, Math.min(POINTS, points.all().size()))) {
            double x = points.value(p, target.wrt());
            var fd = FiniteDifferences.ridders(t -> points.with(p, Map.of(target.wrt(), t))[of], x);
            double symbolic = ev.eval(p);
            if (!NoiseFloor.crossCheckAgrees(symbolic, fd)) {
                return Optional.of(Numbers.format("the symbolic derivative d%s/d%s = %s gives %.17g at %s, but Ridders differences"
                        + " of the graph give %.17g (estimated error %.2g): a fault of the tool or of the input's"
                        + " domain, so this statement is not judged", target.of(), target.wrt(),
                        Display.print(truthExpr), symbolic, points.describe(p), fd.value(), fd.error()));
            }
        }
        return Optional.empty();
    }
}
