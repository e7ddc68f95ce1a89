package org.gradaudit.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gradaudit.expr.Builtin;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.ExprKey;
import org.gradaudit.expr.Expr.Var;
import org.gradaudit.expr.Exprs;
import org.gradaudit.numeric.BoundedValue;
import org.gradaudit.symbolic.CasException;
import org.gradaudit.symbolic.ChainRule;

/**
 * A factor that should be an activation's derivative and is something else: the function itself,
 * another function's derivative (sigmoid's {@code h*(1 - h)} where tanh's {@code 1 - h^2}
 * belongs), or the derivative applied to the already activated value. Each part of the claim is
 * replaced in turn by the true derivative of each activation of the graph, written in its output
 * ({@code 1 - h2^2}); the description says what the replaced part was, found by comparing its
 * values with those of each of these forms.
 */
final class DerivativeHypotheses implements HypothesisFamily {
    /** Functions whose derivatives a mistaken factor is compared with. */
    /** The functions whose derivatives are tried in place of one another ({@link Builtin#derivativeIsConfusable}). */
    private static final List<String> KNOWN = java.util.Arrays.stream(Builtin.values())
            .filter(Builtin::derivativeIsConfusable).map(Builtin::spelling).toList();

    private final List<Activation> activations;
    private final ChainRule truth;
    private final Judge judge;
    /**
     * What {@link #describe} said of each part and activation, for the statement being diagnosed: the
     * search for two changes asks again for every part of every first change, and the answer (which
     * evaluates the part) depends only on the part, the activation and the context.
     */
    private final Map<Described, java.util.Optional<String>> described = new HashMap<>();
    private Diagnoser.Context describedFor;
    /** The forms of each activation at {@link #describedFor}'s points (see {@link #forms}). */
    private final Map<Activation, List<Form>> forms = new HashMap<>();

    private record Described(ExprKey part, Activation activation) {
    }

    DerivativeHypotheses(List<Activation> activations, ChainRule truth, Judge judge) {
        this.activations = activations.stream().filter(a -> KNOWN.contains(a.function())).toList();
        this.truth = truth;
        this.judge = judge;
    }

    @Override
    public List<Diagnoser.Hypothesis> candidates(Diagnoser.Context ctx, Expr written) {
        List<Diagnoser.Hypothesis> out = new ArrayList<>();
        List<Expr[]> runs = activations.isEmpty() ? List.of() : runs(written);
        for (Activation a : activations) {
            Expr right;
            try {
                right = truth.local(a.output(), a.input());
            } catch (CasException e) {
                continue;
            }
            Expr fixed = right;
            // A number, 1/4 or 1/2, is a worked value, not a mistaken derivative (a 'where' claim at 0).
            // A bare name is never described as a mistaken derivative (see describe): not proposed.
            for (Edits.Edit e : Edits.everywhere(written, x -> x instanceof Var || Exprs.isConstant(x)
                    || x.equals(fixed) ? List.of() : List.of(fixed))) {
                String what = described(ctx, e.before(), a, fixed);
                if (what != null) {
                    out.add(new Diagnoser.Hypothesis(Diagnosis.WRONG_DERIVATIVE, e.result(), what));
                }
            }
            for (Expr[] run : runs) {
                String what = described(ctx, run[1], a, fixed);
                if (what != null) {
                    out.add(new Diagnoser.Hypothesis(Diagnosis.WRONG_DERIVATIVE,
                            Exprs.variants(written, x -> x == run[0] ? List.of(replaceRun(run, fixed)) : List.of()).get(0),
                            what));
                }
            }
        }
        return out;
    }

    /**
     * Runs of two or more consecutive factors of a product chain that are not a subtree of it
     * ({@code h*(1 - h)} in {@code g*V*h*(1 - h)}, which parses as {@code ((g*V)*h)*(1 - h)}): each
     * as {chain, run, factors before, factors after} with the two lists as products (or null).
     */
    private static List<Expr[]> runs(Expr e) {
        List<Expr[]> out = new ArrayList<>();
        for (Expr x : Exprs.subtrees(e)) {
            if (!(x instanceof Expr.Bin b && b.op() == Expr.Op.MUL)) {
                continue;
            }
            List<Expr> f = Exprs.productFactors(x);
            for (int i = 1; i < f.size(); i++) {
                for (int j = i + 2; j <= f.size(); j++) {
                    if (j - i < f.size()) {
                        out.add(new Expr[] {x, Exprs.product(f.subList(i, j)), Exprs.product(f.subList(0, i)),
                            Exprs.product(f.subList(j, f.size()))});
                    }
                }
            }
        }
        return out;
    }

    private static Expr replaceRun(Expr[] run, Expr by) {
        Expr p = run[2] == null ? by : Expr.mul(run[2], by);
        return run[3] == null ? p : Expr.mul(p, run[3]);
    }

    /** {@link #describe}, remembered while the context stays the same. */
    private String described(Diagnoser.Context ctx, Expr part, Activation a, Expr right) {
        if (ctx != describedFor || sameNode.size() > MAX_REMEMBERED) {
            if (ctx != describedFor) {
                forms.clear();
            }
            described.clear();
            sameNode.clear();
            describedFor = ctx;
        }
        // The parts of one claim's changed formulas are mostly the same nodes: found by identity
        // first, by value (hashing the part) only for a node not seen before.
        Map<Activation, java.util.Optional<String>> known = sameNode.computeIfAbsent(part, p -> new HashMap<>(2));
        java.util.Optional<String> said = known.get(a);
        if (said == null) {
            said = described.computeIfAbsent(new Described(ExprKey.of(part), a),
                    k -> java.util.Optional.ofNullable(describe(ctx, part, a, right)));
            known.put(a, said);
        }
        return said.orElse(null);
    }

    /**
     * Most parts remembered by identity; past it they are forgotten. Small for the reason
     * {@code SharedErrorCompiler}'s table is: one search's first changes share their trees.
     */
    private static final int MAX_REMEMBERED = 2_000;
    private final Map<Expr, Map<Activation, java.util.Optional<String>>> sameNode = new java.util.IdentityHashMap<>();

    /**
     * "h2*(1 - h2) is sigmoid' of z2; tanh' of z2 is 1 - h2^2", or the like; null when the part is none
     * of the forms a mistaken derivative takes (then it is not this kind of mistake).
     */
    private String describe(Diagnoser.Context ctx, Expr part, Activation a, Expr right) {
        if (part instanceof Var) {
            return null; // a bare h2 where its derivative belongs reads as a factor left out, named so elsewhere
        }
        java.util.function.IntFunction<BoundedValue> values;
        try {
            values = Judge.lazyValues(ctx.toGraph().apply(part), ctx.points(), ctx.slots());
        } catch (IllegalArgumentException e) {
            return null;
        }
        // What the part is decides whether it is proposed at all; the part and the names are printed only
        // when it is one of these (most parts are none: printing them would cost more than testing them,
        // and most are told from every form at the first point, so the rest are not evaluated).
        for (Form f : forms(ctx, a)) {
            if (f.values() != null && judge.agree(f.values()::get, values, ctx.points().size())) {
                String in = ctx.printer().apply(new Var(a.input()));
                return said(ctx, part, a, right, switch (f.kind()) {
                    case ITSELF -> a.function() + "(" + in + ") itself, not its derivative";
                    case ACTIVATED -> a.function() + "' of " + ctx.printer().apply(new Var(a.output()))
                            + ", the already activated value";
                    case OTHER -> f.function() + "' of " + in;
                });
            }
        }
        return null;
    }

    /** What a part taken for an activation's derivative may be instead. */
    private enum FormKind { ITSELF, ACTIVATED, OTHER }

    /** One such form of an activation, for {@link FormKind#OTHER} the function whose derivative it is, and its values. */
    private record Form(FormKind kind, String function, List<BoundedValue> values) {
    }

    /**
     * The forms a part is tested against for activation {@code a}, in the order tried, with their values
     * at the context's points (null where a form cannot be evaluated): the activation's output itself,
     * its derivative applied to the output, and every other known function's derivative of the input,
     * also written in the output. They depend on the activation and the points alone, so they are
     * evaluated once per context, not once per part.
     */
    private List<Form> forms(Diagnoser.Context ctx, Activation a) {
        return forms.computeIfAbsent(a, k -> {
            List<Form> out = new ArrayList<>();
            out.add(form(ctx, FormKind.ITSELF, a.function(), new Var(a.output())));
            out.add(form(ctx, FormKind.ACTIVATED, a.function(), derivative(a.function(), new Var(a.output()))));
            for (String g : KNOWN) {
                if (!g.equals(a.function())) {
                    Expr other = derivative(g, new Var(a.input()));
                    out.add(form(ctx, FormKind.OTHER, g, other));
                    Expr call = new Expr.Call(g, List.of(new Var(a.input())));
                    out.add(form(ctx, FormKind.OTHER, g, Exprs.map(other, x -> x.equals(call) ? new Var(a.output()) : x)));
                }
            }
            return out;
        });
    }

    private static Form form(Diagnoser.Context ctx, FormKind kind, String function, Expr e) {
        try {
            return new Form(kind, function, Judge.values(e, ctx.points(), ctx.slots()));
        } catch (IllegalArgumentException notEvaluated) {
            return new Form(kind, function, null);
        }
    }

    /** "PART is WHAT; f' of IN is RIGHT". */
    private static String said(Diagnoser.Context ctx, Expr part, Activation a, Expr right, String what) {
        return ctx.printer().apply(part) + " is " + what + "; " + a.function() + "' of "
                + ctx.printer().apply(new Var(a.input())) + " is " + ctx.printer().apply(right);
    }

    /**
     * g'(arg), from the table the CAS itself is given ({@link Builtin#derivative}): for these functions
     * the CAS answers with exactly that formula (CasTest.theConfusableFunctionsDerivativesAreTheTables),
     * and asking it would cost a round trip to its thread per function, in the first wrong line of
     * every audit.
     */
    private static Expr derivative(String g, Expr arg) {
        return Builtin.named(g).derivative(arg);
    }
}
