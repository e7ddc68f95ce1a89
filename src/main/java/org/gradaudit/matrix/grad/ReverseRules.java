package org.gradaudit.matrix.grad;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gradaudit.matrix.expr.Dim;
import org.gradaudit.matrix.expr.MExpr;
import org.gradaudit.matrix.expr.MExpr.BinOp;
import org.gradaudit.matrix.expr.Shape;
import org.gradaudit.matrix.model.MatrixModel;
import org.gradaudit.matrix.model.Shapes;

/**
 * Reverse-mode matrix rules: for every quantity V, {@code dL/dV} as the sum over V's consumers C
 * of one rule per operation applied to {@code G = dL/dC} (MATRIX.md's table; {@code unb_S(G)} sums
 * G over the axes that shape S was broadcast along). The chain rule lives here, once; each
 * operation only knows its own local rule.
 */
public final class ReverseRules {
    private final MatrixModel model;
    private final Shapes shapes;
    private final Build build;
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
        this.shapes = model.shapes();
        Map<MExpr, String> byDefinition = new HashMap<>();
        model.definitions().forEach((name, f) -> byDefinition.putIfAbsent(f, name));
        this.build = new Build(shapes, byDefinition);
    }

    public Build build() {
        return build;
    }

    /** The nodes whose definitions use {@code v}, in dependency order. */
    public List<String> consumers(String v) {
        List<String> out = new ArrayList<>();
        for (String c : model.order()) {
            if (uses(model.definitions().get(c), v)) {
                out.add(c);
            }
        }
        return out;
    }

    private static boolean uses(MExpr e, String v) {
        if (e instanceof MExpr.Ref r) {
            return r.name().equals(v);
        }
        return e.children().stream().anyMatch(c -> uses(c, v));
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
        back(model.definitions().get(c), consumerGradient.apply(c), v, parts);
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

    /** Pushes the gradient {@code g} of {@code node} down to the occurrences of {@code v} in it. */
    private void back(MExpr node, MExpr g, String v, List<MExpr> out) {
        if (!uses(node, v)) {
            return;
        }
        if (node instanceof MExpr.Ref) {
            out.add(g);
        } else if (node instanceof MExpr.Neg n) {
            back(n.a(), build.neg(g), v, out);
        } else if (node instanceof MExpr.Bin b) {
            MExpr a = b.a();
            MExpr c = b.b();
            switch (b.op()) {
                case ADD -> {
                    back(a, unbroadcast(a, g), v, out);
                    back(c, unbroadcast(c, g), v, out);
                }
                case SUB -> {
                    back(a, unbroadcast(a, g), v, out);
                    back(c, unbroadcast(c, build.neg(g)), v, out);
                }
                case MUL -> {
                    back(a, unbroadcast(a, build.mul(g, c)), v, out);
                    back(c, unbroadcast(c, build.mul(g, a)), v, out);
                }
                case DIV -> {
                    back(a, unbroadcast(a, build.div(g, c)), v, out);
                    back(c, unbroadcast(c, build.neg(build.div(build.mul(g, a), new MExpr.Pow(c, 2)))), v, out);
                }
                default -> throw new AssertionError(b.op());
            }
        } else if (node instanceof MExpr.MatMul m) {
            matmul(m, g, v, out);
        } else if (node instanceof MExpr.Transpose t) {
            back(t.a(), build.transpose(g), v, out);
        } else if (node instanceof MExpr.Pow p) {
            MExpr local = p.exponent() == 2 ? build.scale(new Coef(2, Map.of()), p.a())
                    : build.scale(new Coef(p.exponent(), Map.of()), new MExpr.Pow(p.a(), p.exponent() - 1));
            back(p.a(), build.mul(g, local), v, out);
        } else if (node instanceof MExpr.Apply a) {
            back(a.a(), elementwise(a, g), v, out);
        } else if (node instanceof MExpr.Reduce r) {
            reduce(r, g, v, out);
        } else if (node instanceof MExpr.Softmax s) {
            MExpr y = build.fold(new MExpr.Softmax(s.a(), s.axis(), false));
            MExpr local = s.log()
                    ? build.add(g, build.neg(build.mul(y, build.reduce(MExpr.ReduceOp.SUM, g, s.axis(), true))))
                    : build.mul(y, build.add(g, build.neg(build.reduce(MExpr.ReduceOp.SUM, build.mul(g, y), s.axis(), true))));
            back(s.a(), local, v, out);
        } else if (node instanceof MExpr.Compare) {
            return; // a mask is constant almost everywhere
        } else {
            throw new IllegalArgumentException("no reverse rule for " + node.getClass().getSimpleName()
                    + " in a definition");
        }
    }

    private MExpr elementwise(MExpr.Apply a, MExpr g) {
        MExpr self = build.fold(a);
        return switch (a.fn()) {
            case EXP -> build.mul(g, self);
            case LOG -> build.div(g, a.a());
            case TANH -> build.mul(g, new MExpr.Bin(BinOp.SUB, new MExpr.Num(1), new MExpr.Pow(self, 2)));
            case SIGMOID -> build.mul(g, new MExpr.Bin(BinOp.MUL, self, new MExpr.Bin(BinOp.SUB, new MExpr.Num(1), self)));
            case SQRT -> build.div(g, build.scale(new Coef(2, Map.of()), self));
            case RELU -> build.mul(g, new MExpr.Compare(MExpr.CmpOp.GT, a.a(), new MExpr.Num(0)));
        };
    }

    private void matmul(MExpr.MatMul m, MExpr g, String v, List<MExpr> out) {
        Shape a = shapes.tryInfer(m.a());
        Shape b = shapes.tryInfer(m.b());
        if (a.rank() == 2 && b.rank() == 2) {
            back(m.a(), build.matmul(g, build.transpose(m.b())), v, out);
            back(m.b(), build.matmul(build.transpose(m.a()), g), v, out);
        } else if (a.rank() == 1 && b.rank() == 2) {
            back(m.a(), build.matmul(m.b(), g), v, out);
            back(m.b(), build.matmul(new MExpr.Expand(m.a(), 1), new MExpr.Expand(g, 0)), v, out);
        } else if (a.rank() == 2) {
            back(m.a(), build.matmul(new MExpr.Expand(g, 1), new MExpr.Expand(m.b(), 0)), v, out);
            back(m.b(), build.matmul(build.transpose(m.a()), g), v, out);
        } else {
            back(m.a(), build.mul(g, m.b()), v, out);
            back(m.b(), build.mul(g, m.a()), v, out);
        }
    }

    private void reduce(MExpr.Reduce r, MExpr g, String v, List<MExpr> out) {
        Shape a = shapes.tryInfer(r.a());
        MExpr spread;
        Coef divide = Coef.ONE;
        if (r.axis() == MExpr.Reduce.ALL) {
            spread = build.broadcast(g, a);
            for (Dim d : a.dims()) {
                divide = divide.times(count(d));
            }
        } else {
            int axis = r.axis() < 0 ? r.axis() + a.rank() : r.axis();
            // a rank-1 result of a sum over axis 0 broadcasts back as a row without being expanded
            spread = build.broadcast(r.keepdims() || a.rank() == 1 || axis == 0 ? g : new MExpr.Expand(g, axis), a);
            divide = count(a.dim(axis));
        }
        back(r.a(), r.op() == MExpr.ReduceOp.MEAN ? build.scale(divide.inverse(), spread) : spread, v, out);
    }

    private static Coef count(Dim d) {
        return d instanceof Dim.Fixed f ? new Coef(f.size(), Map.of()) : new Coef(1, Map.of(((Dim.Sym) d).name(), 1));
    }

    /** {@code unb_S(g)}: g summed over the axes that operand's shape S was broadcast along. */
    public MExpr unbroadcast(MExpr operand, MExpr g) {
        Shape s = shapes.tryInfer(operand);
        Shape r = shapes.tryInfer(g);
        if (s == null || r == null || s.equals(r)) {
            return g;
        }
        if (s.isScalar()) {
            return build.reduce(MExpr.ReduceOp.SUM, g, MExpr.Reduce.ALL, false);
        }
        MExpr out = g;
        int extra = r.rank() - s.rank();
        for (int i = 0; i < extra; i++) {
            out = build.reduce(MExpr.ReduceOp.SUM, out, 0, false);
        }
        for (int i = 0; i < s.rank(); i++) {
            if (s.dim(i).isOne() && !r.dim(i + extra).isOne()) {
                out = build.reduce(MExpr.ReduceOp.SUM, out, i, true);
            }
        }
        return out;
    }
}
