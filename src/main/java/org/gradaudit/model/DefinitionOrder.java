package org.gradaudit.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gradaudit.derivation.Problem;
import org.gradaudit.derivation.Statement;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Exprs;

/**
 * The graph's nodes in dependency order (each after every node its formula uses), as a depth-first
 * topological sort; a cyclic definition is reported with its cycle, {@code a -> b -> a}.
 */
final class DefinitionOrder {
    private DefinitionOrder() {
    }

    /** The nodes in dependency order; a cycle is reported at the definition of its first node. */
    static Map<String, Expr> of(Map<String, Expr> nodes, Map<String, Statement> definedAt, List<Problem> problems) {
        Map<String, Expr> ordered = new LinkedHashMap<>();
        Set<String> visiting = new HashSet<>();
        for (String n : nodes.keySet()) {
            List<String> cycle = visit(n, nodes, ordered, visiting, new ArrayList<>());
            if (cycle != null) {
                Statement at = definedAt.get(cycle.get(0));
                problems.add(new Problem(at.position(), "cyclic definition: " + String.join(" -> ", cycle)));
                return ordered;
            }
        }
        return ordered;
    }

    private static List<String> visit(String n, Map<String, Expr> nodes, Map<String, Expr> ordered, Set<String> visiting,
                               List<String> stack) {
        if (ordered.containsKey(n) || !nodes.containsKey(n)) {
            return null;
        }
        stack.add(n);
        if (!visiting.add(n)) {
            return new ArrayList<>(stack.subList(stack.indexOf(n), stack.size()));
        }
        for (String p : Exprs.variables(nodes.get(n))) {
            List<String> cycle = visit(p, nodes, ordered, visiting, stack);
            if (cycle != null) {
                return cycle;
            }
        }
        visiting.remove(n);
        stack.remove(stack.size() - 1);
        ordered.put(n, nodes.get(n));
        return null;
    }
}
