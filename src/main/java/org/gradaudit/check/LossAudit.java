package org.gradaudit.check;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Numbers;
import org.gradaudit.model.Graph;
import org.gradaudit.model.Item;
import org.gradaudit.numeric.Evaluators;

/**
 * Audits the loss itself: a loss must be smallest where the predictions equal their targets.
 * {@link LossProbe} looks for a point where a step away lowers it; when the loss as written is
 * lower away from the targets, and its negative is not, the loss has a sign error and its negative
 * is the corrected loss.
 */
final class LossAudit {
    /** Fewest points at which the loss must be compared before it is called smallest at the target. */
    private static final int MIN_TESTED = 8;

    /** The finding on the loss line and the corrected loss, null when no correction was made. */
    record Result(Finding finding, Expr corrected) {
    }

    private LossAudit() {
    }

    static Result judge(Item.LossItem item, Graph graph, Points points, Expr writtenForm) {
        Expr loss = graph.nodes().get(graph.loss());
        String preds = String.join(", ", graph.predictions());
        String targets = String.join(", ", graph.targets());
        String equal = graph.predictions().size() == 1 ? preds + " = " + targets
                : "(" + preds + ") = (" + targets + ")";
        int line = item.statement().position().line();
        String lhs = graph.loss() + item.statement().arguments();
        String claimed = item.statement().rhs().text();
        Finding.Subject subject = new Finding.Subject(line, item.statement().section(), Finding.Kind.LOSS, lhs, claimed);
        for (String pred : graph.predictions()) {
            if (!graph.dependsOn(graph.loss(), pred)) {
                String msg = "the loss does not depend on its prediction " + pred + ": it is the same whatever the"
                        + " network predicts, so it cannot be smallest where " + equal + " and no gradient of it"
                        + " reaches the network; the loss's formula should use " + pred;
                return new Result(Finding.unverified(subject, Finding.Evidence.NONE, null, List.of(), 0, msg), null);
            }
        }
        LossProbe probe = new LossProbe(graph, points);
        LossProbe.Result search = probe.search(Evaluators.compile(loss, points.slots()));
        LossProbe.Violation v = search.violation();
        int n = search.tested();
        Finding.Evidence evidence = new Finding.Evidence(Finding.Symbolic.UNKNOWN, n, 0);
        String meet = meets(graph);
        String moved = search.throughGraph() ? " (the predictions moved through what they are computed from)" : "";
        if (v == null && n < MIN_TESTED) {
            String msg = "the loss could be evaluated where " + equal + " at only " + n + " of "
                    + points.all().size() + " points, so whether it is smallest there is not established; check the"
                    + " target's range ('input " + graph.target() + " in [low, high]')";
            return new Result(Finding.unverified(subject, evidence, null, List.of(), 0, msg), null);
        }
        if (v == null) {
            String msg = "the loss is smallest where " + equal + " at all " + n + " points tested" + moved;
            return new Result(Finding.correct(subject, evidence, List.of(), 0, msg), null);
        }
        Expr negated = new Expr.Neg(loss);
        boolean signFixes = probe.search(Evaluators.compile(negated, points.slots())).violation() == null;
        Map<String, Double> at = new LinkedHashMap<>(v.atTargets());
        at.putAll(v.moved());
        String where = Numbers.format("at %s the loss as written is %.6g where %s but %.6g at %s", describe(v.atTargets()),
                v.atTarget() + 0.0, equal, v.away() + 0.0, describe(v.moved()));
        Finding.Counterexample cx = new Finding.Counterexample(at, at, v.away() + 0.0, v.atTarget() + 0.0);
        if (signFixes) {
            String fix = Display.print(Rewrites.negate(writtenForm));
            String msg = where + ": it is largest, not smallest, where " + meet + ". "
                    + "Its negative is smallest there, so the loss has the wrong sign: " + graph.loss() + " = " + fix
                    + ". Derivatives of " + graph.loss() + " below are judged against this corrected loss.";
            return new Result(Finding.wrong(subject, evidence, fix, Diagnosis.SIGN, fix, cx, List.of(), 0, msg), negated);
        }
        String msg = where + ": a loss must be smallest where " + meet + ", and neither it "
                + "nor its negative is. Derivatives below are judged against the loss as written.";
        return new Result(Finding.wrong(subject, evidence, null, Diagnosis.OTHER, null, cx, List.of(), 0, msg), null);
    }

    /** The audit's header line on the loss; "" for an unverified loss, whose own line says why. */
    static String note(Result r, Graph graph, int line) {
        if (r.corrected() != null) {
            return "the loss as written (line " + line + ") is not smallest where " + meets(graph) + "; derivatives of "
                    + graph.loss() + " are judged against its corrected form " + r.finding().expected();
        }
        return r.finding().verdict() == Verdict.CORRECT ? "the loss (line " + line + ") is smallest where " + meets(graph)
                : r.finding().verdict() == Verdict.UNVERIFIED ? "" : "the loss (line " + line + ") is judged as written";
    }

    /** "the prediction equals the target", or its plural for a loss of several predictions. */
    static String meets(Graph graph) {
        return graph.predictions().size() == 1 ? "the prediction equals the target"
                : "the predictions equal their targets";
    }

    private static String describe(Map<String, Double> values) {
        return values.entrySet().stream().map(e -> Numbers.format("%s = %.6g", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
