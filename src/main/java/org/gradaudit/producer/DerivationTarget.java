package org.gradaudit.producer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gradaudit.bounds.Deadline;
import org.gradaudit.check.TruthPoint;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Numbers;
import org.gradaudit.gradient.CheckTarget;
import org.gradaudit.gradient.Tensor;
import org.gradaudit.model.Graph;
import org.gradaudit.model.Model;
import org.gradaudit.numeric.code.CodeLines;
import org.gradaudit.numeric.loss.FunctionLoss;

/**
 * A derivation's network as a gradient-check target: its backprop code lines run in file order,
 * as published, at one seeded point ({@link CodeLines}), give the claimed gradient of each
 * parameter; the numeric side probes the derivation's loss. As in the audit, a loss with a sign
 * error is replaced by its corrected form ({@link TruthPoint}), and the description says so.
 */
public final class DerivationTarget {
    private DerivationTarget() {
    }

    /**
     * @throws IllegalArgumentException when the derivation has no loss, no parameters, a code line
     *     that uses a gradient before any line assigns it, or a parameter no code line assigns
     */
    public static CheckTarget of(Model model, long seed) {
        TruthPoint point = TruthPoint.of(model, seed);
        Graph graph = point.graph();
        List<String> params = new ArrayList<>();
        graph.variables().values().stream().filter(Graph.Variable::parameter).forEach(v -> params.add(v.name()));
        if (params.isEmpty()) {
            throw new IllegalArgumentException(model.derivation().file() + ": the derivation declares no 'param'");
        }
        Map<Expr.Deriv, CodeLines.Executed> gradients = CodeLines.execute(model, graph, point.slots(), point.values(),
                Deadline.NONE);
        double[] claimed = new double[params.size()];
        double[] theta = new double[params.size()];
        List<Tensor> tensors = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            String p = params.get(i);
            CodeLines.Executed g = gradients.get(new Expr.Deriv(graph.loss(), p));
            if (g == null) {
                throw new IllegalArgumentException(model.derivation().file() + ": no code line assigns d" + p);
            }
            claimed[i] = g.derivative();
            theta[i] = point.value(p);
            tensors.add(new Tensor(p, new int[] {1}, i));
        }
        FunctionLoss f = new FunctionLoss(t -> {
            Map<String, Double> values = new HashMap<>();
            for (int i = 0; i < t.length; i++) {
                values.put(params.get(i), t[i]);
            }
            return point.lossWith(values);
        }, theta);
        StringBuilder at = new StringBuilder();
        point.describe().forEach((name, v) -> at.append(at.length() == 0 ? "" : ", ").append(name).append(" = ")
                .append(Numbers.six(v)));
        String description = "derivation " + model.derivation().file() + ", code lines run in order at "
                + at + (point.correctedLossLine() != 0
                ? ", against the corrected loss (the loss as written at line " + point.correctedLossLine()
                + " has the wrong sign)" : "");
        return new CheckTarget(description, tensors, claimed, f);
    }
}
