package org.gradaudit.matrix.check;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gradaudit.matrix.expr.MExpr;
import org.gradaudit.matrix.expr.Shape;
import org.gradaudit.matrix.grad.Coef;
import org.gradaudit.matrix.grad.ReverseRules;
import org.gradaudit.matrix.model.MatrixModel;
import org.gradaudit.matrix.numeric.Tensor;
import org.gradaudit.matrix.numeric.TensorEval;

/**
 * One random point of a vectorized derivation at one size draw: every input and parameter drawn
 * entry by entry from its range, every node evaluated forward, and every {@code dL/dV} evaluated
 * by the matrix rules in reverse.
 *
 * @param sizes the size of each dimension
 * @param values every quantity's value (free ones drawn, nodes computed)
 * @param adjoints dL/dV for every quantity V
 * @param partials the value of each partial gradient name's part of dL/dV (without its coefficient)
 */
record MPoint(MatrixModel model, Map<String, Integer> sizes, Map<String, Tensor> values, Map<String, Tensor> adjoints,
              Map<String, Tensor> partials) {

    /** Draws a point, or returns null when its loss or a gradient is not finite there. */
    static MPoint draw(MatrixModel model, ReverseRules rules, Map<String, Integer> sizes, Random random) {
        Map<String, Tensor> values = new LinkedHashMap<>();
        TensorEval shapesOnly = new TensorEval(values::get, n -> null, sizes);
        for (MatrixModel.Quantity q : model.free()) {
            Tensor z = shapesOnly.zeros(q.shape());
            double[] v = new double[z.size()];
            for (int k = 0; k < v.length; k++) {
                v[k] = q.low() + (q.high() - q.low()) * random.nextDouble();
            }
            values.put(q.name(), Tensor.exact(z.rank(), z.rows(), z.cols(), v));
        }
        return complete(model, rules, sizes, values);
    }

    /** The point with the given free values: nodes forward, gradients in reverse; null unless all finite. */
    static MPoint complete(MatrixModel model, ReverseRules rules, Map<String, Integer> sizes, Map<String, Tensor> free) {
        Map<String, Tensor> values = forward(model, sizes, free, Map.of());
        if (values == null) {
            return null;
        }
        Map<String, Tensor> adjoints = new HashMap<>();
        TensorEval eval = new TensorEval(values::get, adjoints::get, sizes);
        List<String> order = new java.util.ArrayList<>(model.order());
        java.util.Collections.reverse(order);
        for (MatrixModel.Quantity q : model.free()) {
            order.add(q.name());
        }
        for (String v : order) {
            Tensor t = eval.eval(rules.oneStep(v));
            if (!finite(t)) {
                return null;
            }
            adjoints.put(v, t);
        }
        Map<String, Tensor> partials = new HashMap<>();
        for (MatrixModel.GradName g : model.gradNames().values()) {
            if (g.partial()) {
                Tensor t = eval.eval(rules.partial(g.of(), g.via()));
                if (!finite(t)) {
                    return null;
                }
                partials.put(g.name(), t);
            }
        }
        return new MPoint(model, sizes, values, adjoints, partials);
    }

    /**
     * The forward values with some quantities overridden (for differences with respect to a node);
     * null when a value is not finite.
     */
    static Map<String, Tensor> forward(MatrixModel model, Map<String, Integer> sizes, Map<String, Tensor> free,
                                       Map<String, Tensor> overrides) {
        Map<String, Tensor> values = new LinkedHashMap<>(free);
        TensorEval eval = new TensorEval(values::get, n -> null, sizes);
        for (String node : model.order()) {
            Tensor t = overrides.containsKey(node) ? overrides.get(node) : eval.eval(model.definitions().get(node));
            if (!finite(t)) {
                return null;
            }
            values.put(node, t);
        }
        return values;
    }

    static boolean finite(Tensor t) {
        for (int k = 0; k < t.size(); k++) {
            if (!Double.isFinite(t.value(k)) || !Double.isFinite(t.error(k))) {
                return false;
            }
        }
        return true;
    }

    /** The free values only. */
    Map<String, Tensor> free() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (MatrixModel.Quantity q : model.free()) {
            out.put(q.name(), values.get(q.name()));
        }
        return out;
    }

    /** The true value of a gradient name: its coefficient times dL/dV. */
    Tensor gradName(String name) {
        MatrixModel.GradName g = model.gradNames().get(name);
        double c = Coef.of(g.coefficient()).orElseThrow().at(sizes);
        return new TensorEval(n -> null, n -> null, sizes).evalScaled(c, g.partial() ? partials.get(name)
                : adjoints.get(g.of()));
    }

    /** An evaluator where quantities take this point's values and gradient names their true values, unless overridden. */
    TensorEval evaluator(Map<String, Tensor> overrides) {
        return new TensorEval(n -> overrides.containsKey(n) ? overrides.get(n)
                : values.containsKey(n) ? values.get(n) : gradName(n), adjoints::get, sizes);
    }

    Tensor eval(MExpr e) {
        return evaluator(Map.of()).eval(e);
    }

    /** The concrete shape of a symbolic one at this point's sizes. */
    int[] concrete(Shape s) {
        return new TensorEval(n -> null, n -> null, sizes).zeros(s).shape();
    }
}
