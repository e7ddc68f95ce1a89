package org.gradaudit.model;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gradaudit.derivation.Derivation;
import org.gradaudit.derivation.Problem;
import org.gradaudit.derivation.Statement;
import org.gradaudit.expr.Expr;

/**
 * The loss of a derivation that receives gradients from outside ({@code upstream da_next =
 * dL/da_next}) instead of declaring one: everything downstream, to first order.
 */
final class UpstreamLoss {
    private UpstreamLoss() {
    }

    /**
     * The loss that upstream gradients define: for {@code upstream da_next = dL/da_next}, L is
     * everything downstream of a_next, and to first order it is {@code da_next * a_next} (summed over
     * every upstream gradient), which has exactly the gradients the code receives. The loss is added
     * to {@code nodes}, and its name returned; null when the derivation declares no upstream gradient
     * or a problem was reported.
     */
    static String define(Derivation derivation, Statement.Loss loss, Map<String, Expr> nodes,
            Set<String> definitions, Set<String> variables, List<Problem> problems) {
        List<Statement.Upstream> ups = derivation.statements().stream().filter(s -> s instanceof Statement.Upstream)
                .map(s -> (Statement.Upstream) s).toList();
        if (ups.isEmpty()) {
            return null;
        }
        String name = ups.get(0).loss();
        Expr sum = null;
        for (Statement.Upstream u : ups) {
            if (loss != null) {
                problems.add(new Problem(u.position(), "an upstream gradient defines the loss " + u.loss()
                        + " as everything downstream, but the derivation also declares 'loss' at line "
                        + loss.position().line() + "; keep one of the two"));
            } else if (!u.loss().equals(name)) {
                problems.add(new Problem(u.position(), "every upstream gradient is of one loss; line "
                        + ups.get(0).position().line() + " says " + name + ", this one " + u.loss()));
            } else if (!nodes.containsKey(u.node()) && !definitions.contains(u.node())) {
                problems.add(new Problem(u.position(), "'upstream " + u.name() + "': '" + u.node()
                        + "' must be a node of the graph (defined with '" + u.node() + " = ...')"));
            } else if (nodes.containsKey(name) || variables.contains(name) && !variables.contains(u.name())) {
                problems.add(new Problem(u.position(), "'" + name + "' is already a quantity of the graph; name the"
                        + " downstream loss otherwise"));
            } else {
                Expr term = Expr.mul(new Expr.Var(u.name()), new Expr.Var(u.node()));
                sum = sum == null ? term : Expr.add(sum, term);
            }
        }
        if (sum != null && loss == null) {
            nodes.put(name, sum);
            return name;
        }
        return null;
    }
}
