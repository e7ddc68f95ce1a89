package org.gradaudit.matrix.grad;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gradaudit.matrix.expr.MExpr;
import org.gradaudit.matrix.model.MatrixModel;
import org.gradaudit.matrix.model.Shapes;

/**
 * Reverse-mode matrix rules: for every quantity V, {@code dL/dV} as the sum over V's consumers C
 * of C's local rule ({@link LocalRules}, MATRIX.md's table) applied to {@code G = dL/dC}, written
 * in the file's gradient names where asked. The chain rule lives here, once; each operation only
 * knows its own local rule.
 */
public final class ReverseRules {
    private final MatrixModel model;
    private final Build build;
    private final LocalRules local;
    private final Map<String, MExpr> oneStep = new HashMap<>();
    private final Map<List<String>, MExpr> partial = new HashMap<>();
    private final java.util.function.Function<String, MExpr> consumerGradient;
    private final boolean named;

    /** Rules whose one-step forms use {@code dL/dC} leaves for the consumers' gradients (for evaluation). */
    public ReverseRules(MatrixModel model) {
        this(model, false);
    }

    /**
     * @param named whether the consumers' gradients are written in the file's gradient names
     *     ({@code 1/m * dZ1} for {@code grad dZ1 = m * dL/dZ1}), for readable expected values
     */
    public ReverseRules(MatrixModel model, boolean named) {
        this.model = model;
        this.named = named;
        this.consumerGradient = named ? this::named
                : c -> c.equals(model.loss()) ? new MExpr.Num(1) : new MExpr.Adjoint(model.loss(), c);
        Shapes shapes = model.shapes();
        Map<MExpr, String> byDefinition = new HashMap<>();
        model.definitions().forEach((name, f) -> byDefinition.putIfAbsent(f, name));
        this.build = new Build(shapes, byDefinition);
        this.local = new LocalRules(shapes, build);
    }

    public Build build() {
        return build;
    }

    /** The nodes whose definitions use {@code v}, in dependency order. */
    public List<String> consumers(String v) {
        List<String> out = new ArrayList<>();
        for (String c : model.order()) {
            if (LocalRules.uses(model.definitions().get(c), v)) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * {@code dL/dv} in one chain-rule step: in terms of the consumers' gradients ({@link MExpr.Adjoint}
     * leaves) and forward quantities.
     */
    public MExpr oneStep(String v) {
        MExpr known = oneStep.get(v);
        if (known == null) {
            known = derive(v); // not computeIfAbsent: a named upstream gradient derives another one first
            oneStep.put(v, known);
        }
        return known;
    }

    private MExpr derive(String v) {
        if (v.equals(model.loss())) {
            return new MExpr.Num(1);
        }
        if (named) {
            MExpr parts = partialNames(v);
            if (parts != null) {
                return parts;
            }
        }
        MExpr total = null;
        for (String c : consumers(v)) {
            MExpr part = through(v, c);
            total = total == null ? part : build.add(total, part);
        }
        return total == null ? new MExpr.Zeros(model.shape(v)) : total;
    }

    /**
     * The part of {@code dL/dv} that flows through the consumer {@code via}: via's gradient pushed back
     * through via's own rule to v only (a partial gradient, {@code grad dxmu1 = dL/dxmu via xhat}).
     * The sum of these parts over every consumer is {@link #oneStep}.
     */
    public MExpr partial(String v, String via) {
        MExpr known = partial.get(List.of(v, via));
        if (known == null) {
            known = through(v, via);
            partial.put(List.of(v, via), known);
        }
        return known;
    }

    private MExpr through(String v, String c) {
        List<MExpr> parts = new ArrayList<>();
        local.back(model.definitions().get(c), consumerGradient.apply(c), v, parts);
        MExpr total = null;
        for (MExpr p : parts) {
            total = total == null ? p : build.add(total, p);
        }
        return total == null ? new MExpr.Zeros(model.shape(v)) : total;
    }

    /**
     * dL/dC in the file's gradient names: the first one declared with {@code grad}, else the
     * default {@code dC} if a code line assigns it, else {@code dL/dC}.
     */
    private MExpr named(String c) {
        if (c.equals(model.loss())) {
            return new MExpr.Num(1);
        }
        MatrixModel.GradName best = null;
        for (MatrixModel.GradName g : model.gradNames().values()) {
            if (g.of().equals(c) && !g.partial() && (best == null || best.line() == 0 && g.line() > 0)) {
                best = g;
            }
        }
        if (best != null && best.line() == 0 && !assigned(best.name())) {
            best = null;
        }
        if (best == null && partialNames(c) != null) {
            return partialNames(c);
        }
        if (best == null) {
            // a node whose gradient arrives from outside: dL/dout is the upstream input dout (plus any other consumer's part)
            return model.upstreams().containsKey(c) ? oneStep(c) : new MExpr.Adjoint(model.loss(), c);
        }
        Coef k = Coef.of(best.coefficient()).orElseThrow();
        return build.unscale(k, new MExpr.Ref(best.name()));
    }

    /**
     * dL/dv as the sum of the file's partial gradient names of v, when code lines assign one for every
     * consumer of v ({@code dxmu1 + dxmu2}); else null.
     */
    private MExpr partialNames(String v) {
        Map<String, MatrixModel.GradName> byConsumer = new java.util.LinkedHashMap<>();
        for (MatrixModel.GradName g : model.gradNames().values()) {
            if (g.partial() && g.of().equals(v) && assigned(g.name())) {
                byConsumer.putIfAbsent(g.via(), g);
            }
        }
        List<String> consumers = consumers(v);
        if (consumers.isEmpty() || !byConsumer.keySet().containsAll(consumers)) {
            return null;
        }
        MExpr total = null;
        for (MatrixModel.GradName g : byConsumer.values()) { // in the file's order
            MExpr part = build.unscale(Coef.of(g.coefficient()).orElseThrow(), new MExpr.Ref(g.name()));
            total = total == null ? part : build.add(total, part);
        }
        return total;
    }

    private boolean assigned(String name) {
        return model.judged().stream().anyMatch(s -> s instanceof org.gradaudit.matrix.parse.MStatement.Code code
                && code.name().equals(name));
    }
}
