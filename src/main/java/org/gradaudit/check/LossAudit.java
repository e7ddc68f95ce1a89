package org.gradaudit.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradaudit.expr.Expr;
import org.gradaudit.model.Graph;
import org.gradaudit.model.Item;
import org.gradaudit.numeric.Evaluator;
import org.gradaudit.numeric.Evaluators;

/**
 * Audits the loss itself: a loss must be smallest where the prediction equals the target. At each
 * point the loss is compared at prediction = target and at predictions a step to either side;
 * when the loss as written is lower away from the target, and its negative is not, the loss has a
 * sign error and its negative is the corrected loss.
 */
final class LossAudit {
    /** Fewest points at which the loss must be compared before it is called smallest at the target. */
    private static final int MIN_TESTED = 8;
    /** Steps away from the target at which the loss must not be lower. */
    private static final double[] STEPS = {1e-2, 5e-2, 2e-1};

    /** The finding on the loss line and the corrected loss, null when no correction was made. */
    record Result(Finding finding, Expr corrected) {
    }

    /** Where the loss failed to be smallest. */
    private record Violation(double target, double prediction, double atTarget, double atPrediction) {
    }

    /** The first violation, or null, and at how many points the loss could be compared at all. */
    private record Search(Violation violation, int tested) {
    }

    private LossAudit() {
    }

    static Result judge(Item.LossItem item, Graph graph, Points points, Expr writtenForm) {
        Expr loss = graph.nodes().get(graph.loss());
        String pred = graph.prediction();
        String target = graph.target();
        List<String> slots = points.slots();
        if (!graph.dependsOn(graph.loss(), pred)) {
            String msg = "the loss does not depend on its prediction " + pred + ": it is the same whatever the network"
                    + " predicts, so it cannot be smallest where " + pred + " = " + target + " and no gradient of it"
                    + " reaches the network; the loss's formula should use " + pred;
            return new Result(new Finding(item.statement().position().line(), item.statement().section(), "loss",
                    graph.loss() + "(" + pred + ", " + target + ")", item.statement().rhs().text(), Verdict.UNVERIFIED,
                    null, null, null, List.of(), null, "unknown", 0, 0, 0, msg), null);
        }
        Search search = search(Evaluators.compile(loss, slots), points, pred, target);
        Violation v = search.violation();
        int line = item.statement().position().line();
        String lhs = graph.loss() + "(" + pred + ", " + target + ")";
        String claimed = item.statement().rhs().text();
        int n = search.tested();
        if (v == null && n < MIN_TESTED) {
            String msg = "the loss could be evaluated where " + pred + " = " + target + " at only " + n + " of "
                    + points.all().size() + " points, so whether it is smallest there is not established; check the"
                    + " target's range ('input " + target + " in [low, high]')";
            return new Result(new Finding(line, item.statement().section(), "loss", lhs, claimed, Verdict.UNVERIFIED,
                    null, null, null, List.of(), null, "unknown", n, 0, 0, msg), null);
        }
        if (v == null) {
            String msg = "the loss is smallest where " + pred + " = " + target + " at all " + n + " points tested";
            return new Result(new Finding(line, item.statement().section(), "loss", lhs, claimed, Verdict.CORRECT, null,
                    null, null, List.of(), null, "unknown", n, 0, 0, msg), null);
        }
        Expr negated = new Expr.Neg(loss);
        boolean signFixes = search(Evaluators.compile(negated, slots), points, pred, target).violation() == null;
        Map<String, Double> at = new LinkedHashMap<>();
        at.put(target, v.target());
        at.put(pred, v.prediction());
        String where = String.format("at %s = %.6g the loss as written is %.6g where %s = %s but %.6g at %s = %.6g",
                target, v.target(), v.atTarget() + 0.0, pred, target, v.atPrediction() + 0.0, pred, v.prediction());
        Finding.Counterexample cx = new Finding.Counterexample(at, at, v.atPrediction() + 0.0, v.atTarget() + 0.0);
        if (signFixes) {
            String fix = Display.print(Diagnoser.negate(writtenForm));
            String msg = where + ": it is largest, not smallest, where the prediction equals the target. "
                    + "Its negative is smallest there, so the loss has the wrong sign: " + graph.loss() + " = " + fix
                    + ". Derivatives of " + graph.loss() + " below are judged against this corrected loss.";
            return new Result(new Finding(line, item.statement().section(), "loss", lhs, claimed, Verdict.WRONG, fix,
                    Diagnosis.SIGN, fix, List.of(), cx, "unknown", n, 0, 0, msg), negated);
        }
        String msg = where + ": a loss must be smallest where the prediction equals the target, and neither it "
                + "nor its negative is. Derivatives below are judged against the loss as written.";
        return new Result(new Finding(line, item.statement().section(), "loss", lhs, claimed, Verdict.WRONG, null,
                Diagnosis.OTHER, null, List.of(), cx, "unknown", n, 0, 0, msg), null);
    }

    private static Search search(Evaluator loss, Points points, String pred, String target) {
        int p = points.slot(pred);
        int t = points.slot(target);
        int tested = 0;
        for (double[] point : points.all()) {
            double[] q = point.clone();
            double y = q[t];
            q[p] = y;
            double atTarget = loss.eval(q);
            if (!Double.isFinite(atTarget)) {
                continue;
            }
            boolean compared = false;
            for (double step : STEPS) {
                for (double sign : new double[] {-1, 1}) {
                    q[p] = y + sign * step * Math.max(1, Math.abs(y));
                    double away = loss.eval(q);
                    double slack = 1e-12 * Math.max(1, Math.max(Math.abs(away), Math.abs(atTarget)));
                    compared |= Double.isFinite(away);
                    if (Double.isFinite(away) && away < atTarget - slack) {
                        return new Search(new Violation(y, q[p], atTarget, away), tested + 1);
                    }
                }
            }
            tested += compared ? 1 : 0;
        }
        return new Search(null, tested);
    }
}
