package org.gradaudit.model;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gradaudit.derivation.Problem;
import org.gradaudit.derivation.Statement;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Exprs;

/**
 * What the arguments of a declared loss {@code loss L(p1, p2; y1, y2) = ...} must be: each
 * prediction a node of the graph, each target an input (or, with several predictions, a node
 * computed from inputs alone, {@code y2 = 1 - y1}). Reports each one that is not, with the line
 * that would make it one.
 */
final class LossArguments {
    private LossArguments() {
    }

    /**
     * Each prediction must be a node and each target an input; with several predictions a target may
     * also be a node computed from inputs alone ({@code y2 = 1 - y1}).
     */
    static void check(Statement.Loss loss, Resolver resolver, Map<String, Expr> nodes, Set<String> definitions,
            Map<String, Graph.Variable> variables, List<Problem> problems) {
        for (String written : loss.predictions()) {
            String pred = resolver.canonical(written);
            if (pred == null || !definitions.contains(pred)) {
                problems.add(new Problem(loss.position(), "the loss's prediction '" + written
                        + "' must be a node of the graph (defined with '" + written + " = ...')"));
            }
        }
        for (String written : loss.targets()) {
            String target = resolver.canonical(written);
            boolean fromInputs = loss.targets().size() > 1 && target != null && definitions.contains(target)
                    && readsInputsOnly(target, nodes, variables, new HashSet<>());
            boolean input = target != null && variables.containsKey(target) && !variables.get(target).parameter();
            if (!(input || fromInputs)) {
                problems.add(new Problem(loss.position(), "the loss's target '" + written + "' must be an input"
                        + " (declare it with 'input " + written + "')" + (loss.targets().size() > 1
                        ? " or a node computed from inputs alone ('" + written + " = 1 - y1')" : "")));
            }
        }
    }

    /** Whether a node's definition reads inputs alone, through any nodes between. */
    private static boolean readsInputsOnly(String node, Map<String, Expr> nodes, Map<String, Graph.Variable> variables,
            Set<String> seen) {
        if (!seen.add(node)) {
            return true;
        }
        Expr def = nodes.get(node);
        if (def == null) {
            return false;
        }
        for (String v : Exprs.variables(def)) {
            boolean ok = variables.containsKey(v) ? !variables.get(v).parameter()
                    : nodes.containsKey(v) && readsInputsOnly(v, nodes, variables, seen);
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
