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
import org.gradaudit.numeric.Evaluator;
import org.gradaudit.numeric.Evaluators;
import org.gradaudit.symbolic.Cas;
import org.junit.jupiter.api.Test;

/**
 * Symbolic derivatives equal finite differences on random expression graphs: the CAS's derivative
 * of the last node (definitions expanded) is asserted with {@code assertDerivative}, whose audit
 * judges it at seeded points and cross-checks the symbolic truth against Ridders' differences.
 * Graphs finite almost nowhere are set aside.
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
            return expandedNodes().get(nodes.size() - 1);
        }

        List<Expr> expandedNodes() {
            Map<String, Expr> defs = new LinkedHashMap<>();
            for (int i = 0; i < nodes.size(); i++) {
                defs.put("n" + i, Exprs.substitute(nodes.get(i), defs));
            }
            return new ArrayList<>(defs.values());
        }

        /**
         * Whether every node is finite at several of 64 points in [-2, 2]^3: on a graph that is
         * finite almost nowhere (log(1) in a denominator) there is no difference to confirm a
         * derivative with, and the audit rightly leaves the claim unverified.
         */
        boolean finiteSomewhere() {
            List<Evaluator> evs = expandedNodes().stream().map(e -> Evaluators.compile(e, VARIABLES)).toList();
            java.util.SplittableRandom r = new java.util.SplittableRandom(1);
            int finite = 0;
            for (int i = 0; i < 64; i++) {
                double[] p = {r.nextDouble(-2, 2), r.nextDouble(-2, 2), r.nextDouble(-2, 2)};
                if (evs.stream().allMatch(ev -> Double.isFinite(ev.eval(p)))) {
                    finite++;
                }
            }
            return finite >= 4;
        }

        @Override
        public String toString() {
            return definitions() + ", d/d" + wrt;
        }
    }

    @Test
    void casDerivativesMatchRidders() {
        Search.forAll(GRAPHS, Shrinker.none(), SearchOptions.defaults().withTries(100).withSeed(20261127), g -> {
            Search.assume(g.finiteSomewhere());
            Expr derivative = Cas.get().derivative(g.expanded(), g.wrt());
            assertDerivative(ExprPrinter.print(derivative), "n" + (g.nodes().size() - 1), g.wrt(), g.definitions(), 7);
        });
    }

    private static final Generator<Graph> GRAPHS = r -> new Graph(
            RandomExprs.graphs(VARIABLES, 3, List.of("exp", "log", "sigmoid", "tanh", "sin")).generate(r),
            VARIABLES.get(r.nextInt(VARIABLES.size())));
}
