package org.gradaudit.check;

import java.util.List;
import java.util.Map;
import org.gradaudit.model.Graph;
import org.gradaudit.model.Item;
import org.gradaudit.model.Model;

/**
 * One seeded random point of a derivation's graph, its loss the one the audit takes for the truth:
 * the loss as written, or its corrected form when the written loss has the wrong sign (judged at
 * 32 seeded points, as the audit judges the loss line). For producers that run a derivation at a
 * point, such as its code lines as a gradient-check target.
 */
public final class TruthPoint {
    private static final int LOSS_POINTS = 32;

    private final Graph graph;
    private final Points points;
    private final double[] base;
    private final int correctedLossLine;

    private TruthPoint(Graph graph, Points points, int correctedLossLine) {
        this.graph = graph;
        this.points = points;
        this.base = points.all().get(0);
        this.correctedLossLine = correctedLossLine;
    }

    /**
     * @throws IllegalArgumentException when the derivation has no loss, or no random point gives
     *     finite values
     */
    public static TruthPoint of(Model model, long seed) {
        Graph written = model.graph();
        Item.LossItem lossItem = model.items().stream().filter(i -> i instanceof Item.LossItem)
                .map(i -> (Item.LossItem) i).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(model.derivation().file()
                        + ": the derivation declares no loss, so there is nothing to check against"));
        LossAudit.Result loss = LossAudit.judge(lossItem, written, new Points(written, List.of(), seed, LOSS_POINTS),
                lossItem.written());
        Graph graph = loss.corrected() != null ? written.withLoss(loss.corrected()) : written;
        Points points = new Points(graph, List.of(), seed, 1);
        if (points.all().isEmpty()) {
            throw new IllegalArgumentException(model.derivation().file() + ": no random point gives finite values");
        }
        return new TruthPoint(graph, points, loss.corrected() != null ? lossItem.statement().position().line() : 0);
    }

    /** The graph, with the corrected loss where the written one was corrected. */
    public Graph graph() {
        return graph;
    }

    /** The line of the loss as written when it was corrected, else 0. */
    public int correctedLossLine() {
        return correctedLossLine;
    }

    /** The names of the point's entries: the variables, then the nodes. */
    public List<String> slots() {
        return points.slots();
    }

    /** The point, every variable and node by slot (a copy). */
    public double[] values() {
        return base.clone();
    }

    /** The value of a variable or node at the point. */
    public double value(String name) {
        return points.value(base, name);
    }

    /** The loss with the given variables moved and every node recomputed. */
    public double lossWith(Map<String, Double> moved) {
        return points.with(base, moved)[points.slot(graph.loss())];
    }

    /** The free variables of the point by name. */
    public Map<String, Double> describe() {
        return points.describe(base);
    }
}
