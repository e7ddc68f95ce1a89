package org.gradaudit.check;

import org.gradaudit.check.tolerance.BoundedAgreement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradaudit.bounds.Deadline;
import org.gradaudit.bounds.TimeLimitException;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Exprs;
import org.gradaudit.expr.Numbers;
import org.gradaudit.gradient.CheckTarget;
import org.gradaudit.gradient.Tensor;
import org.gradaudit.model.Graph;
import org.gradaudit.model.Item;
import org.gradaudit.model.Model;
import org.gradaudit.numeric.Evaluators;
import org.gradaudit.numeric.loss.FunctionLoss;
import org.gradaudit.symbolic.CasException;
import org.gradaudit.symbolic.ChainRule;

/**
 * A derivation's network as a gradient-check target: its backprop code lines run in file order,
 * as published, at one seeded point, give the claimed gradient of each parameter; the numeric side
 * probes the derivation's loss. As in the audit, a loss with a sign error is replaced by its
 * corrected form, and the description says so.
 */
public final class CodeRun {
    private CodeRun() {
    }

    /**
     * @throws IllegalArgumentException when the derivation has no loss, no parameters, a code line
     *     that uses a gradient before any line assigns it, or a parameter no code line assigns
     */
    public static CheckTarget target(Model model, long seed) {
        Graph written = model.graph();
        Item.LossItem lossItem = model.items().stream().filter(i -> i instanceof Item.LossItem)
                .map(i -> (Item.LossItem) i).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(model.derivation().file()
                        + ": the derivation declares no loss, so there is nothing to check against"));
        LossAudit.Result loss = LossAudit.judge(lossItem, written, new Points(written, List.of(), seed, 32),
                lossItem.written());
        Graph graph = loss.corrected() != null ? written.withLoss(loss.corrected()) : written;
        Points points = new Points(graph, List.of(), seed, 1);
        if (points.all().isEmpty()) {
            throw new IllegalArgumentException(model.derivation().file() + ": no random point gives finite values");
        }
        double[] base = points.all().get(0);
        List<String> params = new ArrayList<>();
        graph.variables().values().stream().filter(Graph.Variable::parameter).forEach(v -> params.add(v.name()));
        if (params.isEmpty()) {
            throw new IllegalArgumentException(model.derivation().file() + ": the derivation declares no 'param'");
        }
        Map<Expr.Deriv, Executed> gradients = execute(model, graph, points, base);
        double[] claimed = new double[params.size()];
        double[] theta = new double[params.size()];
        List<Tensor> tensors = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            String p = params.get(i);
            Executed g = gradients.get(new Expr.Deriv(graph.loss(), p));
            if (g == null) {
                throw new IllegalArgumentException(model.derivation().file() + ": no code line assigns d" + p);
            }
            claimed[i] = g.derivative();
            theta[i] = points.value(base, p);
            tensors.add(new Tensor(p, new int[] {1}, i));
        }
        int lossSlot = points.slot(graph.loss());
        FunctionLoss f = new FunctionLoss(t -> {
            Map<String, Double> values = new HashMap<>();
            for (int i = 0; i < t.length; i++) {
                values.put(params.get(i), t[i]);
            }
            return points.with(base, values)[lossSlot];
        }, theta);
        StringBuilder at = new StringBuilder();
        points.describe(base).forEach((name, v) -> at.append(at.length() == 0 ? "" : ", ").append(name).append(" = ")
                .append(Numbers.six(v)));
        String description = "derivation " + model.derivation().file() + ", code lines run in order at "
                + at + (loss.corrected() != null
                ? ", against the corrected loss (the loss as written at line " + lossItem.statement().position().line()
                + " has the wrong sign)" : "");
        return new CheckTarget(description, tensors, claimed, f);
    }

    /**
     * The code lines run in order, as published, at the first point, against the true gradients;
     * null when the derivation has no code lines. When {@code deadline} passes part-way, the result
     * says the lines were not run.
     */
    static AuditResult.CodeRunResult against(Model model, Graph truthGraph, ChainRule truth, Points points,
                                             Deadline deadline) {
        if (model.items().stream().noneMatch(i -> i instanceof Item.CodeLine)) {
            return null;
        }
        double[] base = points.all().get(0);
        Map<Expr.Deriv, Executed> executed;
        try {
            executed = execute(model, truthGraph, points, base, deadline);
        } catch (IllegalArgumentException e) {
            return new AuditResult.CodeRunResult(points.describe(base), List.of(), e.getMessage());
        } catch (TimeLimitException e) {
            return new AuditResult.CodeRunResult(points.describe(base), List.of(), "not run: " + e.getMessage());
        }
        List<AuditResult.Gradient> gradients = new ArrayList<>();
        for (Graph.Variable v : truthGraph.variables().values()) {
            Expr.Deriv target = new Expr.Deriv(truthGraph.loss(), v.name());
            Executed e = executed.get(target);
            if (!v.parameter() || e == null) {
                continue;
            }
            double t;
            try {
                t = e.factor() * Evaluators.compile(truth.derivative(target.of(), v.name()).closed(), points.slots())
                        .eval(base);
            } catch (CasException failed) {
                return new AuditResult.CodeRunResult(points.describe(base), gradients,
                        "the true gradient of " + v.name() + " could not be computed: " + failed.getMessage());
            }
            gradients.add(new AuditResult.Gradient(e.name(), e.line(), e.value(), t,
                    BoundedAgreement.codeRunAgrees(e.value(), t)));
        }
        return new AuditResult.CodeRunResult(points.describe(base), gradients, "");
    }

    /**
     * A gradient as the published code computes it: the name the code gives it, its value, the
     * value at that point of the factor its name carries ({@code grad dZ2 = m * dL/dZ2}), and the
     * line that last assigned it.
     */
    record Executed(String name, double value, double factor, int line) {
        /** The derivative the value stands for: the value without its name's factor. */
        double derivative() {
            return value / factor;
        }
    }

    /**
     * Runs the code lines in file order at one point, each reading the values earlier lines gave
     * (updates of parameters included: a line after one reads the updated value).
     *
     * @return each derivative the code assigns, by the derivative its name stands for
     * @throws IllegalArgumentException if a line uses a gradient no earlier line assigned
     */
    static Map<Expr.Deriv, Executed> execute(Model model, Graph graph, Points points, double[] base) {
        return execute(model, graph, points, base, Deadline.NONE);
    }

    /**
     * {@link #execute(Model, Graph, Points, double[])}, checking {@code deadline} before each line.
     *
     * @throws TimeLimitException when the deadline passes before the last line has run
     */
    static Map<Expr.Deriv, Executed> execute(Model model, Graph graph, Points points, double[] base, Deadline deadline) {
        Map<Expr.Deriv, Executed> executed = new LinkedHashMap<>();
        for (Item item : model.items()) {
            if (!(item instanceof Item.CodeLine c) || c.partial()) {
                continue;
            }
            deadline.check("running the code lines (line " + c.statement().position().line() + ")");
            Map<Expr.Deriv, Expr> values = new HashMap<>();
            for (Expr.Deriv d : Exprs.derivatives(c.claimed())) {
                Executed v = executed.get(d);
                if (v == null) {
                    throw new IllegalArgumentException(c.statement().position() + ": this code line uses "
                            + (d.of().equals(graph.loss()) ? "d" + d.wrt() : d) + " before any code line assigns it");
                }
                values.put(d, Expr.num(v.derivative()));
            }
            Expr e = model.functions().inline(Exprs.substituteDerivatives(c.claimed(), values));
            double factor = Evaluators.compile(model.functions().inline(c.factor()), points.slots()).eval(base);
            if (factor == 0 || !Double.isFinite(factor)) {
                throw new IllegalArgumentException(c.statement().position() + ": the factor of " + c.statement().name()
                        + "'s meaning is " + factor + " here, so its value says nothing about " + c.target());
            }
            executed.put(c.target(), new Executed(c.statement().name(), Evaluators.compile(e, points.slots()).eval(base),
                    factor, c.statement().position().line()));
        }
        return executed;
    }
}
