package org.gradaudit.matrix.proof;

import java.util.List;
import java.util.function.Function;
import org.gradaudit.check.Proof;
import org.gradaudit.matrix.expr.MExpr;
import org.gradaudit.matrix.grad.Build;
import org.gradaudit.matrix.grad.Coef;
import org.gradaudit.matrix.grad.ReverseRules;
import org.gradaudit.matrix.model.MatrixModel;

/**
 * Tries to prove that a vectorized statement equals its reverse-rule truth, after the numeric
 * judgement found them equal at every entry. Gradient names stand for what they mean
 * ({@code dZ1} is {@code m * dL/dZ1}), and the truth is the one-step rule in terms of the
 * consumers' {@code dL/dC}; both sides are compared by {@link CanonicalForm}, then again with every
 * {@code dL/dC} replaced by its own one-step rule (as often as the graph is deep), then with the
 * nodes replaced by their definitions. Failing all of those, the entrywise proof at the
 * smallest size draw, when one is given. No CAS is started unless the canonical forms differ.
 */
public final class MatrixProver {
    /** Largest formula (in nodes) the expansions may reach before the prover stops expanding. */
    static final int MAX_NODES = 4000;

    private final MatrixModel model;
    private final ReverseRules rules;
    private final Build build;
    private final CanonicalForm canonical;
    private final Function<MExpr[], Proof> entrywise;

    /**
     * @param rules the reverse rules whose one-step forms use {@code dL/dC} leaves
     * @param entrywise the fallback proof of {claimed, truth} (in dL/dV leaves), or null for none
     */
    public MatrixProver(MatrixModel model, ReverseRules rules, Function<MExpr[], Proof> entrywise) {
        this.model = model;
        this.rules = rules;
        this.build = rules.build();
        this.canonical = new CanonicalForm(model.shapes());
        this.entrywise = entrywise;
    }

    /**
     * @param claimed the statement's formula in the file's names
     * @param coefficient the convention: the statement holds {@code coefficient * dL/d(target)}
     * @param target the quantity whose gradient it states
     * @return which proof holds, or {@link Proof#NONE}
     */
    public Proof prove(MExpr claimed, MExpr coefficient, String target) {
        return prove(claimed, coefficient, target, null);
    }

    /**
     * @param via for a partial gradient name, the consumer its part of dL/d(target) flows through; else null
     */
    public Proof prove(MExpr claimed, MExpr coefficient, String target, String via) {
        MExpr c = replace(claimed, this::meaning);
        MExpr t = build.scale(Coef.of(coefficient).orElseThrow(), via == null ? rules.oneStep(target)
                : rules.partial(target, via));
        if (canonicalEqual(c, t)) {
            return Proof.CANONICAL_FORM;
        }
        return entrywise == null ? Proof.NONE : entrywise.apply(new MExpr[] {c, t});
    }

    private boolean canonicalEqual(MExpr c, MExpr t) {
        for (int depth = 0; depth <= model.quantities().size(); depth++) {
            if (canonical.equal(c, t)) {
                return true;
            }
            String next = farthest(c, t);
            if (next == null) {
                break;
            }
            MExpr c2 = replace(c, leaf -> expandAdjoint(leaf, next));
            MExpr t2 = replace(t, leaf -> expandAdjoint(leaf, next));
            if ((c2.equals(c) && t2.equals(t)) || size(c2) + size(t2) > MAX_NODES) {
                break;
            }
            c = c2;
            t = t2;
        }
        MExpr ci = inline(c);
        MExpr ti = inline(t);
        return ci != null && ti != null && canonical.equal(ci, ti);
    }

    /** A gradient name as what it means, {@code coefficient * dL/dV}; other leaves unchanged. */
    private MExpr meaning(MExpr leaf) {
        // a partial gradient name is only part of dL/dV: it stays a symbol of its own
        if (leaf instanceof MExpr.Ref r && !model.quantities().containsKey(r.name())
                && model.gradNames().containsKey(r.name()) && !model.gradNames().get(r.name()).partial()) {
            MatrixModel.GradName g = model.gradNames().get(r.name());
            return build.scale(Coef.of(g.coefficient()).orElseThrow(), new MExpr.Adjoint(model.loss(), g.of()));
        }
        return leaf;
    }

    private MExpr expandAdjoint(MExpr leaf, String of) {
        return leaf instanceof MExpr.Adjoint a && a.of().equals(of) ? rules.oneStep(of) : leaf;
    }

    /**
     * The quantity farthest from the loss whose {@code dL/dV} either side holds: expanding it brings
     * in only the gradients of its consumers, which are nearer, so both sides meet at the same leaves.
     */
    private String farthest(MExpr c, MExpr t) {
        java.util.Set<String> held = new java.util.HashSet<>();
        adjoints(c, held);
        adjoints(t, held);
        for (MatrixModel.Quantity q : model.free()) {
            if (held.contains(q.name())) {
                return q.name();
            }
        }
        for (String v : model.order()) {
            if (held.contains(v)) {
                return v;
            }
        }
        return null;
    }

    private static void adjoints(MExpr e, java.util.Set<String> out) {
        if (e instanceof MExpr.Adjoint a) {
            out.add(a.of());
        }
        e.children().forEach(k -> adjoints(k, out));
    }

    /** Every node replaced by its definition, down to the inputs and parameters; null when too large. */
    private MExpr inline(MExpr e) {
        MExpr out = e;
        for (int i = 0; i <= model.order().size(); i++) {
            MExpr next = replace(out, leaf -> leaf instanceof MExpr.Ref r && model.definitions().containsKey(r.name())
                    ? model.definitions().get(r.name()) : leaf);
            if (size(next) > MAX_NODES) {
                return null;
            }
            if (next.equals(out)) {
                return out;
            }
            out = next;
        }
        return out;
    }

    /** {@code e} with every leaf replaced by {@code f}'s image. */
    public static MExpr replace(MExpr e, Function<MExpr, MExpr> f) {
        List<MExpr> kids = e.children();
        if (kids.isEmpty()) {
            return f.apply(e);
        }
        List<MExpr> replaced = kids.stream().map(k -> replace(k, f)).toList();
        return replaced.equals(kids) ? e : e.withChildren(replaced);
    }

    static int size(MExpr e) {
        int n = 1;
        for (MExpr k : e.children()) {
            n += size(k);
        }
        return n;
    }
}
