package org.gradaudit.testing;

import static org.gradaudit.testing.SymbolicAssertions.assertDerivative;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.ExprPrinter;
import org.gradaudit.expr.Exprs;
import org.gradaudit.expr.RandomExprs;
import org.gradaudit.symbolic.Cas;
import org.junit.jupiter.api.Test;

/**
 * Symbolic derivatives equal finite differences on random expression graphs: the CAS's derivative
 * of the last node (definitions expanded) is asserted with {@code assertDerivative}, which
 * confirms it against Ridders' differences at seeded points.
 */
class SymbolicDerivativeProperties {
    private static final List<String> VARIABLES = List.of("x", "y", "w");

    /** Definitions n0, n1, ... each over the variables and the earlier nodes; differentiate the last by wrt. */
    record Graph(List<Expr> nodes, String wrt) {
        List<String> definitions() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < nodes.size(); i++) {
                out.add("n" + i + " = " + ExprPrinter.print(nodes.get(i)));
            }
            return out;
        }

        Expr expanded() {
            Map<String, Expr> defs = new LinkedHashMap<>();
            for (int i = 0; i < nodes.size(); i++) {
                defs.put("n" + i, Exprs.substitute(nodes.get(i), defs));
            }
            return defs.get("n" + (nodes.size() - 1));
        }

        @Override
        public String toString() {
            return definitions() + ", d/d" + wrt;
        }
    }

    @Test
    void casDerivativesMatchRidders() {
        Search.forAll(GRAPHS, Shrinker.none(), SearchOptions.defaults().withTries(100).withSeed(20261128), g -> {
            Expr derivative = Cas.get().derivative(g.expanded(), g.wrt());
            assertDerivative(ExprPrinter.print(derivative), "n" + (g.nodes().size() - 1), g.wrt(), g.definitions(), 7);
        });
    }

    private static final Generator<Graph> GRAPHS = r -> new Graph(
            RandomExprs.graphs(VARIABLES, 3, List.of("exp", "log", "sigmoid", "tanh", "sin")).generate(r),
            VARIABLES.get(r.nextInt(VARIABLES.size())));
}
