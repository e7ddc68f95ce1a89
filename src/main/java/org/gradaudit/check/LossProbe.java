package org.gradaudit.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.gradaudit.check.tolerance.BoundedAgreement;
import org.gradaudit.model.Graph;
import org.gradaudit.numeric.Evaluator;

/**
 * Looks for a point where a loss is lower away from its targets than at them. Two ways, chosen by
 * the graph:
 * <ul>
 *   <li><b>directly</b>, for one prediction: the prediction is set
 *       to the target and moved a step to either side, everything else held;
 *   <li><b>through the graph</b>, for several predictions, or a loss that also reads another node
 *       computed from what the prediction is (p2 beside p1 in a softmax): predictions cannot be
 *       moved one at a time there (p1 + p2 = 1), so each target that is an input is set to its
 *       prediction's value, and what the predictions are computed from (their parents in the graph)
 *       is moved, one at a time and all together, with every node after it recomputed.
 * </ul>
 * A step away must never lower the loss by more than rounding.
 */
final class LossProbe {
    /** Steps away from the target at which the loss must not be lower, relative to max(1, |value|). */
    private static final double[] STEPS = {1e-2, 5e-2, 2e-1};
    /** How many random directions, all sources moved at once, are tried at each step. */
    private static final int DIRECTIONS = 2;
    /** How close a target must come to its prediction for a point to test the loss at all. */
    private static final double MATCH = 1e-9;

    /** Where the loss failed to be smallest: the values at the targets and at the moved point. */
    record Violation(Map<String, Double> atTargets, Map<String, Double> moved, double atTarget, double away) {
    }

    /**
     * The first violation, or null, at how many points the loss could be compared at all, and
     * whether the predictions were moved through the graph.
     */
    record Result(Violation violation, int tested, boolean throughGraph) {
    }

    private final Graph graph;
    private final Points points;
    private final boolean several;
    private final boolean coupled;
    private final List<String> sources;

    LossProbe(Graph graph, Points points) {
        this.graph = graph;
        this.points = points;
        this.several = graph.predictions().size() > 1;
        this.coupled = !several && readsCoupledNode(graph);
        this.sources = several || coupled ? sources(graph) : List.of();
    }

    /**
     * Whether the loss reads a node besides its prediction and targets that moves with the
     * prediction: one that depends on it or shares a parameter with it.
     */
    private static boolean readsCoupledNode(Graph graph) {
        String pred = graph.prediction();
        for (String parent : graph.parents(graph.loss())) {
            if (parent.equals(pred) || graph.targets().contains(parent) || !graph.isNode(parent)) {
                continue;
            }
            if (graph.dependsOn(parent, pred)) {
                return true;
            }
            for (Graph.Variable v : graph.variables().values()) {
                if (v.parameter() && graph.dependsOn(parent, v.name()) && graph.dependsOn(pred, v.name())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What the predictions are computed from, minus the targets and what they are computed from. */
    private static List<String> sources(Graph graph) {
        Set<String> out = new LinkedHashSet<>();
        for (String pred : graph.predictions()) {
            for (String parent : graph.parents(pred)) {
                boolean feedsTarget = graph.targets().stream().anyMatch(t -> graph.dependsOn(t, parent));
                boolean readsTarget = graph.targets().stream().anyMatch(t -> graph.dependsOn(parent, t));
                if (!feedsTarget && !readsTarget && !graph.predictions().contains(parent)) {
                    out.add(parent);
                }
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * Searches every point for a violation of {@code loss} (the loss's formula, or its negative).
     * One prediction beside a node that moves with it is first moved on its own, the other node
     * held (two samples' predictions, each with its own target), and where that is not smallest,
     * through the graph (a softmax's p1 beside p2, with y2 = 1 - y1): the loss is smallest at its
     * target when either way says so.
     */
    Result search(Evaluator loss) {
        if (several) {
            return searchThroughGraph(loss);
        }
        Result direct = searchDirectly(loss);
        if (!coupled || direct.violation() == null) {
            return direct;
        }
        Result through = searchThroughGraph(loss);
        return through.violation() == null && through.tested() >= direct.tested() / 2 ? through : direct;
    }

    private Result searchDirectly(Evaluator loss) {
        int p = points.slot(graph.prediction());
        int t = points.slot(graph.target());
        int tested = 0;
        for (double[] point : points.all()) {
            double[] q = point.clone();
            double y = q[t];
            q[p] = y;
            double atTarget = loss.eval(q);
            if (!Double.isFinite(atTarget)) {
                continue;
            }
            boolean compared = false;
            for (double step : STEPS) {
                for (double sign : new double[] {-1, 1}) {
                    q[p] = y + sign * step * Math.max(1, Math.abs(y));
                    double away = loss.eval(q);
                    compared |= Double.isFinite(away);
                    if (BoundedAgreement.lowerBeyondRounding(away, atTarget)) {
                        return new Result(new Violation(Map.of(graph.target(), y), Map.of(graph.prediction(), q[p]),
                                atTarget, away), tested + 1, false);
                    }
                }
            }
            tested += compared ? 1 : 0;
        }
        return new Result(null, tested, false);
    }

    private Result searchThroughGraph(Evaluator loss) {
        int tested = 0;
        SplittableRandom random = new SplittableRandom(sources.size());
        for (double[] point : points.all()) {
            double[] q = atTargets(point);
            double atTarget = q == null ? Double.NaN : loss.eval(q);
            if (!Double.isFinite(atTarget)) {
                continue;
            }
            boolean compared = false;
            for (double step : STEPS) {
                for (double[] direction : directions(random)) {
                    Map<String, Double> moved = new LinkedHashMap<>();
                    for (int i = 0; i < sources.size(); i++) {
                        double v = points.value(q, sources.get(i));
                        if (direction[i] != 0) {
                            moved.put(sources.get(i), v + direction[i] * step * Math.max(1, Math.abs(v)));
                        }
                    }
                    double[] r = points.withHeld(q, moved);
                    double away = loss.eval(r);
                    compared |= Double.isFinite(away);
                    if (BoundedAgreement.lowerBeyondRounding(away, atTarget)) {
                        return new Result(new Violation(values(q), values(r), atTarget, away), tested + 1, true);
                    }
                }
            }
            tested += compared ? 1 : 0;
        }
        return new Result(null, tested, true);
    }

    /** The point with each input target set to its prediction, or null where the targets cannot all be met. */
    private double[] atTargets(double[] point) {
        Map<String, Double> set = new LinkedHashMap<>();
        for (int i = 0; i < graph.targets().size(); i++) {
            String t = graph.targets().get(i);
            if (!graph.isNode(t)) {
                set.put(t, points.value(point, graph.predictions().get(i)));
            }
        }
        double[] q = points.with(point, set);
        for (int i = 0; i < graph.targets().size(); i++) {
            double y = points.value(q, graph.targets().get(i));
            double p = points.value(q, graph.predictions().get(i));
            if (!(Math.abs(y - p) <= MATCH * Math.max(1, Math.abs(p)))) {
                return null; // a target computed from others (y2 = 1 - y1) that the predictions do not meet here
            }
        }
        return q;
    }

    /** Each source moved alone, either way, then a few random combinations of all of them. */
    private List<double[]> directions(SplittableRandom random) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            for (double sign : new double[] {-1, 1}) {
                double[] d = new double[sources.size()];
                d[i] = sign;
                out.add(d);
            }
        }
        for (int k = 0; k < DIRECTIONS && sources.size() > 1; k++) {
            double[] d = new double[sources.size()];
            for (int i = 0; i < d.length; i++) {
                d[i] = random.nextBoolean() ? 1 : -1;
            }
            out.add(d);
        }
        return out;
    }

    private Map<String, Double> values(double[] q) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < graph.targets().size(); i++) {
            out.put(graph.targets().get(i), points.value(q, graph.targets().get(i)));
        }
        for (String p : graph.predictions()) {
            out.put(p, points.value(q, p));
        }
        return out;
    }
}
