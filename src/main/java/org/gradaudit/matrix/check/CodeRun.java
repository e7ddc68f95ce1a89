package org.gradaudit.matrix.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradaudit.check.AuditResult;
import org.gradaudit.check.tolerance.BoundedAgreement;
import org.gradaudit.matrix.grad.Coef;
import org.gradaudit.matrix.model.MatrixModel;
import org.gradaudit.matrix.numeric.Tensor;
import org.gradaudit.matrix.parse.MStatement;

/**
 * The code lines of a vectorized file run in file order, as published, at one point: each
 * parameter's gradient as the code computes it against the truth, at its worst entry. A name the
 * code uses before assigning it takes its true value.
 */
final class CodeRun {
    private CodeRun() {
    }

    static AuditResult.CodeRunResult run(MatrixModel model, MPoint p, BoundedAgreement tolerance) {
        Map<String, Tensor> executed = new HashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        boolean any = false;
        for (MStatement s : model.judged()) {
            if (!(s instanceof MStatement.Code c)) {
                continue;
            }
            any = true;
            if (model.shapes().tryInfer(Unit.combine(c, new org.gradaudit.matrix.expr.MExpr.Ref(c.name()))) == null) {
                Map<String, Double> at = new LinkedHashMap<>();
                p.sizes().forEach((k, v) -> at.put(k, (double) v));
                return new AuditResult.CodeRunResult(at, List.of(), "the code cannot run: line " + c.position().line()
                        + " does not type-check (numpy would raise an error there)");
            }
            Tensor previous = executed.containsKey(c.name()) ? executed.get(c.name()) : p.gradName(c.name());
            Map<String, Tensor> env = new HashMap<>(executed);
            env.put(c.name(), previous);
            Tensor value;
            try {
                value = p.evaluator(env).eval(Unit.combine(c, new org.gradaudit.matrix.expr.MExpr.Ref(c.name())));
            } catch (IllegalArgumentException shapes) {
                Map<String, Double> at = new LinkedHashMap<>();
                p.sizes().forEach((k, v) -> at.put(k, (double) v));
                return new AuditResult.CodeRunResult(at, List.of(), "the code cannot run: at line " + c.position().line()
                        + " the values computed so far do not fit (" + shapes.getMessage() + ")");
            }
            executed.put(c.name(), value);
            lines.put(c.name(), c.position().line());
        }
        if (!any) {
            return null;
        }
        List<AuditResult.Gradient> gradients = new ArrayList<>();
        for (Map.Entry<String, Integer> e : lines.entrySet()) {
            MatrixModel.GradName g = model.gradNames().get(e.getKey());
            if (!model.quantities().get(g.of()).free()) {
                continue;
            }
            Tensor truth = p.gradName(e.getKey());
            Tensor code = executed.get(e.getKey());
            if (!code.sameShape(truth)) {
                gradients.add(new AuditResult.Gradient(e.getKey(), e.getValue(), Double.NaN, truth.value(0), false));
                continue;
            }
            EntryComparison cmp = EntryComparison.of(code, truth, tolerance);
            gradients.add(new AuditResult.Gradient(e.getKey(), e.getValue(),
                    cmp.claimed(), cmp.expected(), cmp.agrees()));
        }
        Map<String, Double> at = new LinkedHashMap<>();
        p.sizes().forEach((k, v) -> at.put(k, (double) v));
        return new AuditResult.CodeRunResult(at, gradients, "each gradient at its worst entry; inputs and parameters"
                + " drawn at random (seed) at these sizes");
    }

    static double coefficient(MatrixModel.GradName g, Map<String, Integer> sizes) {
        return Coef.of(g.coefficient()).orElseThrow().at(sizes);
    }
}
