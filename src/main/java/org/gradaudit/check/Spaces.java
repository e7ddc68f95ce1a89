package org.gradaudit.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Exprs;
import org.gradaudit.model.Graph;
import org.gradaudit.model.Item;
import org.gradaudit.model.ModelBuilder;
import org.gradaudit.numeric.Evaluators;

/**
 * The spaces statements are compared in: the graph's random points (with any {@code where}
 * values held), points of a rule's own variable, or points of a function claim's parameters away
 * from the graph; each with how to expand a formula down to the variables for the CAS.
 */
final class Spaces {
    private final Graph truthGraph;
    private final Points points;
    private final long seed;
    private final int count;
    private final int maxNodes;

    Spaces(Graph truthGraph, Points points, long seed, int count, int maxNodes) {
        this.truthGraph = truthGraph;
        this.points = points;
        this.seed = seed;
        this.count = count;
        this.maxNodes = maxNodes;
    }

    /**
     * Where a statement is compared: the points (with any 'where' values held), how to expand an
     * expression down to the variables, and the names a mistaken formula may have swapped.
     */
    record Space(Points points, List<double[]> at, Function<Expr, Expr> expand, List<String> names,
                         String display) {
    }

    /** Points for formulas of their own variables only, each drawn from [-4, 4], away from the graph. */
    Space freeSpace(List<String> variables, String display) {
        List<Points.Extra> extras = new ArrayList<>();
        variables.forEach(v -> extras.add(new Points.Extra(v, ModelBuilder.FREE_LOW, ModelBuilder.FREE_HIGH)));
        Points free = new Points(Graph.empty(), extras, seed, count);
        return new Space(free, free.all(), Function.identity(), variables, display);
    }

    /**
     * Points for a rule of its own variable, such as {@code d(ln(u))/du = 1/u}: the variable alone
     * when the rule uses nothing else, else the graph's points with the variable added, so that a
     * rule such as {@code d(y*u)/du = y} is judged for every {@code u} and every {@code y} of the graph.
     */
    Space ruleSpace(Item.PartialClaim p) {
        java.util.Set<String> used = new java.util.HashSet<>(Exprs.variables(p.of()));
        used.addAll(Exprs.variables(p.claimed()));
        used.remove(p.wrt());
        if (used.isEmpty()) {
            return freeSpace(List.of(p.wrt()), null);
        }
        Points withVariable = new Points(truthGraph, List.of(new Points.Extra(p.wrt(), ModelBuilder.FREE_LOW,
                ModelBuilder.FREE_HIGH)), seed, count);
        List<String> names = new ArrayList<>(truthGraph.names());
        names.add(p.wrt());
        return new Space(withVariable, withVariable.all(), e -> expandable(e) ? truthGraph.expand(e) : null, names,
                null);
    }

    Space graphSpace(Map<String, Expr> where) {
        return new Space(points, at(where), e -> expandable(e) ? Exprs.substitute(truthGraph.expand(e), where) : null,
                truthGraph.names(), null);
    }

    /** Whether {@code e} expanded down to the variables stays within what the CAS accepts. */
    private boolean expandable(Expr e) {
        return truthGraph.expandedSize(e) <= maxNodes;
    }

    /** The points, with any 'where' variables held at their values. */
    private List<double[]> at(Map<String, Expr> where) {
        if (where.isEmpty()) {
            return points.all();
        }
        Map<String, org.gradaudit.numeric.Evaluator> held = new HashMap<>();
        where.forEach((name, value) -> held.put(name, Evaluators.compile(value, points.slots())));
        List<double[]> out = new ArrayList<>();
        for (double[] p : points.all()) {
            Map<String, Double> values = new HashMap<>();
            held.forEach((name, value) -> values.put(name, value.eval(p)));
            out.add(points.with(p, values));
        }
        return out;
    }
}
