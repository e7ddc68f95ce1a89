package org.gradaudit.check;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gradaudit.expr.Expr;
import org.gradaudit.model.Graph;
import org.gradaudit.numeric.Evaluator;
import org.gradaudit.numeric.Evaluators;

/**
 * Seeded random points of a graph: each point gives every slot a value, the free variables drawn
 * uniformly from their ranges and every node computed from them by a forward pass. Points where a
 * node is not finite are drawn again. Extra slots (such as z in {@code sigmoid(z) = ...}) are drawn
 * from their own ranges.
 */
final class Points {
    /** A name outside the graph with the range its values are drawn from. */
    record Extra(String name, double low, double high) {
    }

    private final Graph graph;
    private final List<String> slots = new ArrayList<>();
    private final List<Evaluator> nodeEvaluators = new ArrayList<>();
    private final int firstNode;
    private final List<double[]> points = new ArrayList<>();
    /** How many points were drawn to find the finite ones. */
    private int drawn;

    Points(Graph graph, List<Extra> extras, long seed, int count) {
        this.graph = graph;
        slots.addAll(graph.variables().keySet());
        extras.forEach(e -> slots.add(e.name()));
        firstNode = slots.size();
        slots.addAll(graph.nodes().keySet());
        for (Expr def : graph.nodes().values()) {
            nodeEvaluators.add(Evaluators.compile(def, slots));
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (; points.size() < count && drawn < count * 20; drawn++) {
            double[] p = new double[slots.size()];
            int i = 0;
            for (Graph.Variable v : graph.variables().values()) {
                p[i++] = draw(random, v.low(), v.high());
            }
            for (Extra e : extras) {
                p[i++] = draw(random, e.low(), e.high());
            }
            if (forward(p, -1)) {
                points.add(p);
            }
        }
    }

    /** Values away from the ends of the range, where a formula is least likely to be at an edge. */
    private static double draw(SplittableRandom random, double low, double high) {
        double margin = (high - low) * 0.02;
        return low + margin + random.nextDouble() * (high - low - 2 * margin);
    }

    List<String> slots() {
        return slots;
    }

    List<double[]> all() {
        return points;
    }

    /** How many points were drawn, the ones with a node that is not finite included. */
    int drawn() {
        return drawn;
    }

    int slot(String name) {
        return slots.indexOf(name);
    }

    /**
     * Recomputes the nodes of {@code p} in place, keeping the node at slot {@code held} as it is (or
     * none, with -1). Returns whether every node is finite.
     */
    boolean forward(double[] p, int held) {
        for (int n = 0; n < nodeEvaluators.size(); n++) {
            int s = firstNode + n;
            if (s != held) {
                p[s] = nodeEvaluators.get(n).eval(p);
            }
            if (!Double.isFinite(p[s])) {
                return false;
            }
        }
        return true;
    }

    /** A copy of {@code p} with the given variables or nodes set, and the nodes recomputed around them. */
    double[] with(double[] p, Map<String, Double> values) {
        double[] q = Arrays.copyOf(p, p.length);
        int held = -1;
        for (Map.Entry<String, Double> v : values.entrySet()) {
            int s = slot(v.getKey());
            q[s] = v.getValue();
            if (s >= firstNode) {
                held = s;
            }
        }
        forward(q, held);
        return q;
    }

    /**
     * A copy of {@code p} with the given variables or nodes set, every node among them held at its
     * new value and the other nodes recomputed around them.
     */
    double[] withHeld(double[] p, Map<String, Double> values) {
        double[] q = Arrays.copyOf(p, p.length);
        boolean[] held = new boolean[p.length];
        for (Map.Entry<String, Double> v : values.entrySet()) {
            int s = slot(v.getKey());
            q[s] = v.getValue();
            held[s] = true;
        }
        for (int n = 0; n < nodeEvaluators.size(); n++) {
            int s = firstNode + n;
            if (!held[s]) {
                q[s] = nodeEvaluators.get(n).eval(q);
            }
        }
        return q;
    }

    /** The free variables of a point by name (what a reader needs to reproduce it). */
    Map<String, Double> describe(double[] p) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < firstNode; i++) {
            out.put(slots.get(i), p[i]);
        }
        return out;
    }

    /** The value of a node or variable at a point. */
    double value(double[] p, String name) {
        return p[slot(name)];
    }

    Graph graph() {
        return graph;
    }
}
