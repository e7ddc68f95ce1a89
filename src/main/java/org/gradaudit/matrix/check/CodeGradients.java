package org.gradaudit.matrix.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradaudit.gradient.Tensor;
import org.gradaudit.matrix.expr.MExpr;
import org.gradaudit.matrix.grad.Coef;
import org.gradaudit.matrix.model.MatrixModel;
import org.gradaudit.matrix.numeric.TensorEval;
import org.gradaudit.matrix.parse.MStatement;

/**
 * The gradient of each parameter as a vectorized file's code lines compute it, run in file order,
 * as published, at one point: each line reads the values earlier lines gave it (in-place updates
 * such as {@code dW += reg * W} and {@code dZ[Z <= 0] = 0} included), and a gradient name's value is
 * divided by its convention's coefficient ({@code grad dZ2 = m * dL/dZ2}) to give {@code dL/dV}. A
 * line that numpy could not run (its shapes do not fit) leaves its name without a value, and every
 * line that uses it too; a parameter whose last value is missing or of another shape is unclaimed.
 *
 * @param tensors the parameters, laid out in declaration order
 * @param claimed the gradient the code gives, 0 for unclaimed parameters
 * @param unclaimed for each parameter without a usable gradient, why
 */
record CodeGradients(List<Tensor> tensors, double[] claimed, Map<String, String> unclaimed) {

    /**
     * @param values every input, parameter and node at the point
     * @throws IllegalArgumentException if a code line uses a gradient name before any line assigns
     *     it, or the true gradient {@code dL/dV} (the check has only what the code computes)
     */
    static CodeGradients run(MatrixModel model, Map<String, Integer> sizes, Map<String, org.gradaudit.matrix.numeric.Tensor> values) {
        Map<String, org.gradaudit.matrix.numeric.Tensor> executed = new HashMap<>();
        Map<String, String> broken = new HashMap<>();
        Map<String, Integer> lastLine = new HashMap<>();
        Map<String, String> lastReason = new HashMap<>();
        String file = model.derivation().source().file();
        for (MStatement s : model.judged()) {
            if (!(s instanceof MStatement.Code c)) {
                continue;
            }
            MExpr formula = Unit.combine(c, new MExpr.Ref(c.name()));
            String where = file + ":" + c.position().line() + ":" + c.position().column();
            String reason = null;
            String root = null;
            for (String n : formula.names()) {
                if (broken.containsKey(n) && root == null) {
                    root = broken.get(n);
                    reason = "line " + c.position().line() + " uses " + n + ", and " + root;
                } else if (!executed.containsKey(n) && !values.containsKey(n)) {
                    throw new IllegalArgumentException(where + ": this code line uses " + n
                            + " before any code line assigns it");
                }
            }
            if (reason == null && model.shapes().tryInfer(formula) == null) {
                reason = "line " + c.position().line() + " could not run: its shapes do not fit (numpy would raise an"
                        + " error there; 'gradaudit audit' names the repair)";
            }
            lastLine.put(c.name(), c.position().line());
            if (reason != null) {
                broken.put(c.name(), root != null ? root : reason);
                lastReason.put(c.name(), reason);
                executed.remove(c.name());
                continue;
            }
            TensorEval eval = new TensorEval(n -> executed.containsKey(n) ? executed.get(n) : values.get(n), n -> {
                throw new IllegalArgumentException(where + ": this code line uses the true gradient dL/d" + n
                        + ", which a gradient check does not have; write the code that computes it");
            }, sizes);
            executed.put(c.name(), eval.eval(formula));
            broken.remove(c.name());
            lastReason.remove(c.name());
        }
        return collect(model, sizes, values, executed, lastReason, lastLine);
    }

    private static CodeGradients collect(MatrixModel model, Map<String, Integer> sizes,
            Map<String, org.gradaudit.matrix.numeric.Tensor> values, Map<String, org.gradaudit.matrix.numeric.Tensor> executed,
            Map<String, String> broken, Map<String, Integer> lastLine) {
        List<String> names = new ArrayList<>();
        List<int[]> shapes = new ArrayList<>();
        for (String p : CheckTargets.params(model)) {
            names.add(p);
            shapes.add(values.get(p).shape());
        }
        List<Tensor> tensors = Tensor.layout(names, shapes);
        int total = tensors.isEmpty() ? 0 : tensors.get(tensors.size() - 1).offset() + tensors.get(tensors.size() - 1).size();
        double[] claimed = new double[total];
        Map<String, String> unclaimed = new LinkedHashMap<>();
        for (Tensor t : tensors) {
            String gradient = null;
            for (MatrixModel.GradName g : model.gradNames().values()) {
                if (g.of().equals(t.name()) && lastLine.containsKey(g.name())
                        && (gradient == null || lastLine.get(g.name()) > lastLine.get(gradient))) {
                    gradient = g.name();
                }
            }
            if (gradient == null) {
                unclaimed.put(t.name(), "no code line assigns the gradient of " + t.name());
            } else if (broken.containsKey(gradient)) {
                unclaimed.put(t.name(), broken.get(gradient));
            } else {
                org.gradaudit.matrix.numeric.Tensor v = executed.get(gradient);
                if (!Arrays.equals(v.shape(), t.shape())) {
                    unclaimed.put(t.name(), "line " + lastLine.get(gradient) + " computes " + gradient + " of shape "
                            + Arrays.toString(v.shape()) + ", but " + t.name() + " has shape " + Arrays.toString(t.shape())
                            + " (" + model.shape(t.name()) + " in the file's dimensions)");
                    continue;
                }
                double c = Coef.of(model.gradNames().get(gradient).coefficient()).orElseThrow().at(sizes);
                for (int k = 0; k < t.size(); k++) {
                    claimed[t.offset() + k] = v.value(k) / c;
                }
            }
        }
        return new CodeGradients(tensors, claimed, unclaimed);
    }

}
