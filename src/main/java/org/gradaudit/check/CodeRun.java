package org.gradaudit.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gradaudit.bounds.Deadline;
import org.gradaudit.bounds.TimeLimitException;
import org.gradaudit.check.tolerance.BoundedAgreement;
import org.gradaudit.expr.Expr;
import org.gradaudit.model.Graph;
import org.gradaudit.model.Item;
import org.gradaudit.model.Model;
import org.gradaudit.numeric.Evaluators;
import org.gradaudit.numeric.code.CodeLines;
import org.gradaudit.symbolic.CasException;
import org.gradaudit.symbolic.ChainRule;

/**
 * The audit's code run: what the derivation's code lines compute at the first point
 * ({@link CodeLines}, the producer) against the true gradients, under
 * {@link BoundedAgreement#CODE_RUN_RELATIVE}. It compares; the lines are run by the producer.
 */
final class CodeRun {
    private CodeRun() {
    }

    /**
     * The code lines run in order, as published, at the first point, against the true gradients;
     * null when the derivation has no code lines. When {@code deadline} passes part-way, the result
     * says the lines were not run.
     */
    static AuditResult.CodeRunResult against(Model model, Graph truthGraph, ChainRule truth, Points points,
                                             Deadline deadline) {
        if (model.items().stream().noneMatch(i -> i instanceof Item.CodeLine)) {
            return null;
        }
        double[] base = points.all().get(0);
        Map<Expr.Deriv, CodeLines.Executed> executed;
        try {
            executed = CodeLines.execute(model, truthGraph, points.slots(), base, deadline);
        } catch (IllegalArgumentException e) {
            return new AuditResult.CodeRunResult(points.describe(base), List.of(), e.getMessage());
        } catch (TimeLimitException e) {
            return new AuditResult.CodeRunResult(points.describe(base), List.of(), "not run: " + e.getMessage());
        }
        List<AuditResult.Gradient> gradients = new ArrayList<>();
        for (Graph.Variable v : truthGraph.variables().values()) {
            // Without a loss (a circuit whose code's gradients are of its output, 'grad dx = df/dx'),
            // a parameter's gradient is whatever derivative of it the code computes.
            Expr.Deriv target = truthGraph.loss() != null ? new Expr.Deriv(truthGraph.loss(), v.name())
                    : executed.keySet().stream().filter(d -> d.wrt().equals(v.name())).findFirst().orElse(null);
            CodeLines.Executed e = target == null ? null : executed.get(target);
            if (!v.parameter() || e == null) {
                continue;
            }
            double t;
            try {
                t = e.factor() * Evaluators.compile(truth.derivative(target.of(), v.name()).closed(), points.slots())
                        .eval(base);
            } catch (CasException failed) {
                return new AuditResult.CodeRunResult(points.describe(base), gradients,
                        "the true gradient of " + v.name() + " could not be computed: " + failed.getMessage());
            }
            gradients.add(new AuditResult.Gradient(e.name(), e.line(), e.value(), t,
                    BoundedAgreement.codeRunAgrees(e.value(), t)));
        }
        return new AuditResult.CodeRunResult(points.describe(base), gradients, "");
    }
}
