package org.gradaudit.check;

import java.util.ArrayList;
import java.util.List;
import org.gradaudit.expr.Builtin;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Exprs;
import org.gradaudit.model.Graph;
import org.gradaudit.numeric.Evaluator;
import org.gradaudit.numeric.Evaluators;

/**
 * A node of the graph that is one function applied to one name, {@code h2 = tanh(z2)}: what the
 * argument and derivative hypotheses reason about. A built-in written out as a formula of one name,
 * as code writes the sigmoid ({@code f = 1.0/(1 + exp(-dot))}), is that built-in too: its values
 * are the built-in's at a spread of arguments.
 *
 * @param output the node, e.g. h2
 * @param function the function applied, e.g. tanh
 * @param input the name it is applied to, e.g. z2
 */
record Activation(String output, String function, String input) {
    /** Arguments at which a formula of one name is compared with each built-in. */
    private static final double[] PROBES = {-2.3, -1.1, -0.37, 0.21, 0.8, 1.9, 3.1};

    /** Every node of the graph defined as a call of one function on one name, or as such a built-in written out. */
    static List<Activation> of(Graph graph) {
        List<Activation> out = new ArrayList<>();
        graph.nodes().forEach((node, def) -> {
            if (def instanceof Expr.Call c && c.args().size() == 1 && c.args().get(0) instanceof Expr.Var v
                    && graph.isQuantity(v.name())) {
                out.add(new Activation(node, c.fn(), v.name()));
            } else if (Exprs.variables(def).size() == 1 && Exprs.size(def) <= 40) {
                String v = Exprs.variables(def).iterator().next();
                String b = writtenOut(def, v);
                if (graph.isQuantity(v) && b != null) {
                    out.add(new Activation(node, b, v));
                }
            }
        });
        return out;
    }

    /** The built-in whose derivative is often confused that {@code def}, a formula of {@code v} alone, equals; or null. */
    private static String writtenOut(Expr def, String v) {
        Evaluator written;
        try {
            written = Evaluators.compile(def, List.of(v));
        } catch (IllegalArgumentException e) {
            return null;
        }
        for (Builtin b : Builtin.values()) {
            if (!b.derivativeIsConfusable() || b == Builtin.EXP) {
                continue;
            }
            boolean same = true;
            for (double u : PROBES) {
                double w = written.eval(new double[] {u});
                double t = b.apply(u);
                if (!(Double.isFinite(w) && Math.abs(w - t) <= 1e-12 * Math.max(1, Math.abs(t)))) {
                    same = false;
                    break;
                }
            }
            if (same) {
                return b.spelling();
            }
        }
        return null;
    }
}
