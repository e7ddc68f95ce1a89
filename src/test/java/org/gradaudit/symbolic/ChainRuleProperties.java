package org.gradaudit.symbolic;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gradaudit.derivation.DerivationParser;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.ExprPrinter;
import org.gradaudit.expr.RandomExprs;
import org.gradaudit.model.Graph;
import org.gradaudit.model.Model;
import org.gradaudit.model.ModelBuilder;
import org.gradaudit.numeric.Estimate;
import org.gradaudit.numeric.Evaluators;
import org.gradaudit.numeric.FiniteDifferences;
import org.gradaudit.numeric.Smooth;
import org.gradaudit.testing.Generator;
import org.gradaudit.testing.Search;
import org.gradaudit.testing.SearchOptions;
import org.gradaudit.testing.Box;
import org.junit.jupiter.api.Test;

/**
 * The law the audit rests on: on random expression graphs built from + - * / ^ exp log sigmoid
 * tanh, the chain-rule derivative dA/dB (summed over every path) equals Ridders differences of the
 * graph, wherever the function is defined, finite and smooth over Ridders' first step.
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

    @Test
    void chainRuleEqualsRidders() {
        Search.forAll(CASES, ChainRuleProperties::simpler, SearchOptions.defaults().withTries(200).withSeed(20261127),
                ChainRuleProperties::chainRuleEqualsRidders);
    }

    private static void chainRuleEqualsRidders(Case c) throws Exception {
        Model model = ModelBuilder.build(DerivationParser.parse("random.deriv", c.text()));
        Graph g = model.graph();
        String of = "n" + c.of();
        Search.assume(g.dependsOn(of, c.wrt()));
        List<String> slots = g.names();
        double[] p = forward(g, slots, c.point(), null, 0);
        Search.assume(p != null);
        Expr closed = new ChainRule(g, Cas.get()).derivative(of, c.wrt()).closed();
        double symbolic = Evaluators.compile(closed, slots).eval(p);
        int ofSlot = slots.indexOf(of);
        java.util.function.DoubleUnaryOperator held = t -> {
            double[] q = forward(g, slots, c.point(), c.wrt(), t);
            return q == null ? Double.NaN : q[ofSlot];
        };
        // Where a pole or a steep rise lies within Ridders' first step, its error estimate is not to be trusted.
        Search.assume(Smooth.around(held, p[slots.indexOf(c.wrt())]));
        Estimate fd = FiniteDifferences.ridders(held, p[slots.indexOf(c.wrt())]);
        Search.assume(Double.isFinite(symbolic) && fd.isFinite() && Math.abs(symbolic) < 1e8);
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

    /** The same graph at simpler points: coordinates toward 0 and fewer decimals. */
    private static List<Case> simpler(Case c) {
        return Box.of(3, -1.5, 1.5).shrink(c.point()).stream().map(p -> new Case(c.nodes(), c.of(), c.wrt(), p)).toList();
    }

    /** A graph of up to 4 nodes; the last node, by a variable or an earlier node; a point in [-1.5, 1.5]^3. */
    private static final Generator<Case> CASES = r -> {
        List<Expr> nodes = RandomExprs.graphs(VARIABLES, 4, List.of("exp", "log", "sigmoid", "tanh")).generate(r);
        List<String> wrt = new ArrayList<>(VARIABLES);
        for (int j = 0; j < nodes.size() - 1; j++) {
            wrt.add("n" + j);
        }
        double[] point = r.doubles(3, -1.5, 1.5).toArray();
        return new Case(nodes, nodes.size() - 1, wrt.get(r.nextInt(wrt.size())), point);
    };
}
