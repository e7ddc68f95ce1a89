package org.gradaudit.check;

import java.util.ArrayList;
import java.util.List;
import org.gradaudit.expr.Expr;
import org.gradaudit.model.Graph;

/**
 * A node of the graph that is one function applied to one name, {@code h2 = tanh(z2)}: what the
 * argument and derivative hypotheses reason about.
 *
 * @param output the node, e.g. h2
 * @param function the function applied, e.g. tanh
 * @param input the name it is applied to, e.g. z2
 */
record Activation(String output, String function, String input) {
    /** Every node of the graph defined as a call of one function on one name. */
    static List<Activation> of(Graph graph) {
        List<Activation> out = new ArrayList<>();
        graph.nodes().forEach((node, def) -> {
            if (def instanceof Expr.Call c && c.args().size() == 1 && c.args().get(0) instanceof Expr.Var v
                    && graph.isQuantity(v.name())) {
                out.add(new Activation(node, c.fn(), v.name()));
            }
        });
        return out;
    }

    // equals and hashCode written out, as a record's would be: the generated ones are linked at their
    // first use, which a cold audit pays for (an activation is a key of the diagnoser's tables).
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Activation a && output.equals(a.output) && function.equals(a.function)
                && input.equals(a.input);
    }

    @Override
    public int hashCode() {
        return (output.hashCode() * 31 + function.hashCode()) * 31 + input.hashCode();
    }
}
