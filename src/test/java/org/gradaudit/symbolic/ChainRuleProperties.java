package org.gradaudit.symbolic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.gradaudit.derivation.DerivationParser;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.ExprPrinter;
import org.gradaudit.expr.RandomGraphs;
import org.gradaudit.model.Graph;
import org.gradaudit.model.Model;
import org.gradaudit.model.ModelBuilder;
import org.gradaudit.numeric.Estimate;
import org.gradaudit.numeric.Evaluators;
import org.gradaudit.numeric.FiniteDifferences;

/**
 * The law the audit rests on: on random expression graphs built from + - * / ^ exp log sigmoid
 * tanh, the chain-rule derivative dA/dB (summed over every path) equals Ridders differences of the
 * graph, wherever the function is defined and finite.
 */
class ChainRuleProperties {
    private static final List<String> VARIABLES = List.of("x", "y", "w");

    /** A graph as derivation text, the node to differentiate, the name to differentiate by, and a point. */
    record Case(List<Expr> nodes, int of, String wrt, double[] point) {
        String text() {
            StringBuilder s = new StringBuilder("input x, y, w\n");
            for (int i = 0; i < nodes.size(); i++) {
                s.append("n").append(i).append(" = ").append(ExprPrinter.print(nodes.get(i))).append('\n');
            }
            return s.toString();
        }

        @Override
        public String toString() {
            return text() + "d n" + of + " / d " + wrt + " at " + java.util.Arrays.toString(point);
        }
    }

    @Property(tries = 300, seed = "20261127")
    void chainRuleEqualsRidders(@ForAll("cases") Case c) throws Exception {
        Model model = ModelBuilder.build(DerivationParser.parse("random.deriv", c.text()));
        Graph g = model.graph();
        String of = "n" + c.of();
        Assume.that(g.dependsOn(of, c.wrt()));
        List<String> slots = g.names();
        double[] p = forward(g, slots, c.point(), null, 0);
        Assume.that(p != null);
        Expr closed = new ChainRule(g, Cas.get()).derivative(of, c.wrt()).closed();
        double symbolic = Evaluators.compile(closed, slots).eval(p);
        int ofSlot = slots.indexOf(of);
        Estimate fd = FiniteDifferences.ridders(t -> {
            double[] q = forward(g, slots, c.point(), c.wrt(), t);
            return q == null ? Double.NaN : q[ofSlot];
        }, p[slots.indexOf(c.wrt())]);
        Assume.that(Double.isFinite(symbolic) && fd.isFinite() && Math.abs(symbolic) < 1e8);
        double allowed = 1e-6 * Math.max(1, Math.abs(symbolic)) + 10 * fd.error();
        assertTrue(Math.abs(symbolic - fd.value()) <= allowed,
                "chain rule " + symbolic + " (" + ExprPrinter.print(closed) + ") vs Ridders " + fd.value()
                        + " +- " + fd.error());
    }

    /** Variables from the point, nodes computed in order; one name may be held at a value. Null if not finite. */
    private static double[] forward(Graph g, List<String> slots, double[] point, String held, double value) {
        double[] p = new double[slots.size()];
        for (int i = 0; i < VARIABLES.size(); i++) {
            p[slots.indexOf(VARIABLES.get(i))] = point[i];
        }
        if (held != null && g.variables().containsKey(held)) {
            p[slots.indexOf(held)] = value;
        }
        for (Map.Entry<String, Expr> n : g.nodes().entrySet()) {
            int s = slots.indexOf(n.getKey());
            p[s] = n.getKey().equals(held) ? value : Evaluators.compile(n.getValue(), slots).eval(p);
            if (!Double.isFinite(p[s])) {
                return null;
            }
        }
        return p;
    }

    @Provide
    Arbitrary<Case> cases() {
        return RandomGraphs.nodes(VARIABLES, 4, List.of("exp", "log", "sigmoid", "tanh")).flatMap(nodes -> {
            List<String> wrt = new ArrayList<>(VARIABLES);
            for (int j = 0; j < nodes.size() - 1; j++) {
                wrt.add("n" + j);
            }
            Arbitrary<double[]> point = Arbitraries.doubles().between(-1.5, 1.5).array(double[].class).ofSize(3);
            return Combinators.combine(Arbitraries.of(wrt), point)
                    .as((w, pt) -> new Case(nodes, nodes.size() - 1, w, pt));
        });
    }
}
