package org.gradaudit.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.gradaudit.bounds.TimeLimitException;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Expr.Deriv;
import org.gradaudit.expr.Expr.Var;
import org.gradaudit.expr.Exprs;
import org.gradaudit.numeric.BoundedValue;

/**
 * Finds what kind of mistake a wrong formula is, by testing hypotheses against the true values at
 * the audit's points: is claimed/true a constant? does replacing one name by another make them
 * equal? flipping the sign of one term? removing or adding one factor? regrouping one operator?
 * A hypothesis counts only when the changed formula equals the truth at every point. Nothing here
 * looks at the source's text; the hypotheses are tried in a fixed order, most specific first.
 */
final class Diagnoser {
    /**
     * A hypothesis that explains the mistake.
     *
     * @param changes when two changes together explain it, each of them in order (the fix of each is
     *     the formula after it and the ones before it); empty for a single change
     */
    record Hypothesis(Diagnosis diagnosis, Expr fix, String detail, List<Hypothesis> changes) {
        Hypothesis {
            changes = List.copyOf(changes);
        }

        Hypothesis(Diagnosis diagnosis, Expr fix, String detail) {
            this(diagnosis, fix, detail, List.of());
        }

        /** The changes of a hypothesis made of several, in the statement's own spelling; empty for one change. */
        List<Finding.Change> changes(Function<Expr, String> printer) {
            return changes.stream().map(c -> new Finding.Change(c.diagnosis(), c.detail(),
                    c.fix() == null ? null : printer.apply(c.fix()))).toList();
        }
    }

    /** What the diagnoser needs to know about the statement. */
    record Context(
            Expr written,
            Function<Expr, Expr> toGraph,
            List<String> names,
            List<Expr> factors,
            Deriv target,
            Function<Expr, String> printer,
            List<double[]> points,
            List<BoundedValue> truth,
            List<String> slots) {
        /**
         * Whether the hypotheses' sentences are read: false under {@link #UNDESCRIBED}'s printer, where
         * a family may leave them empty instead of building sentences of empty names.
         */
        boolean describes() {
            return printer != UNDESCRIBED;
        }
    }

    /** The printer of a context whose hypotheses' sentences are never read (the search for two changes). */
    static final Function<Expr, String> UNDESCRIBED = e -> "";

    /** Largest claim, in nodes, that hypotheses are tried on; past it the diagnosis is 'other'. */
    static final int MAX_SIZE = 400;
    /** Most changed formulas one hypothesis tries. */
    static final int MAX_CANDIDATES = 4_000;

    private final Judge judge;
    private final PairSearch pairs;

    Diagnoser(Judge judge) {
        this.judge = judge;
        this.pairs = new PairSearch(this);
    }

    /**
     * The hypothesis that explains the mistake, or null when none does (or the claim is too large to try).
     *
     * @throws org.gradaudit.bounds.TimeLimitException when the command's time limit runs out first
     */
    Hypothesis diagnose(Context ctx) {
        return diagnose(ctx, Hypotheses.Plan.generic());
    }

    /**
     * The hypothesis that explains the mistake, trying the plan's families around the built-in ones
     * and, when no single change explains it, pairs of changes; null when nothing does.
     */
    Hypothesis diagnose(Context ctx, Hypotheses.Plan plan) {
        return diagnose(ctx, plan, true);
    }

    /**
     * {@link #diagnose(Context, Hypotheses.Plan)}, with the search for two changes left out when
     * {@code pairs} is false (the caller has a better explanation than two changes): the single
     * changes that search would also try are still tried.
     */
    Hypothesis diagnose(Context ctx, Hypotheses.Plan plan, boolean pairs) {
        Expr w = ctx.written();
        if (Exprs.size(w) > MAX_SIZE) {
            return null;
        }
        if (matches(ctx, new Expr.Neg(w))) {
            return new Hypothesis(Diagnosis.SIGN, Rewrites.negate(w), "it is the negative of the true value");
        }
        Hypothesis h = firstOf(ctx, plan.early());
        if (h == null) {
            h = FactorHypothesis.of(this, ctx);
        }
        if (h == null) {
            h = ChainHypothesis.of(ctx, this::matches);
        }
        if (h == null) {
            h = replaced(ctx, true);
        }
        if (h == null) {
            h = replaced(ctx, false);
        }
        if (h == null) {
            h = first(ctx, Diagnosis.TERM_SIGN, Rewrites.termSigns(w), "one term has the wrong sign");
        }
        if (h == null) {
            h = first(ctx, Diagnosis.EXTRA_FACTOR, Rewrites.withoutOneFactor(w), c -> Rewrites.extraFactor(w, c, ctx.printer()));
        }
        if (h == null) {
            h = missingFactor(ctx);
        }
        if (h == null) {
            h = first(ctx, Diagnosis.PRECEDENCE, Rewrites.regroupings(w), "its operators are grouped wrongly");
        }
        if (h == null) {
            h = firstOf(ctx, plan.late());
        }
        if (h == null) {
            h = this.pairs.search(ctx, plan.all(), this::matches, pairs);
        }
        return h;
    }

    /** The first candidate of the families that equals the truth and is not the claim itself. */
    private Hypothesis firstOf(Context ctx, List<HypothesisFamily> families) {
        int tried = 0;
        for (HypothesisFamily family : families) {
            for (Hypothesis c : family.candidates(ctx, ctx.written())) {
                if (++tried > MAX_CANDIDATES) {
                    return null;
                }
                if (matches(ctx, c.fix()) && !noOp(ctx, c.fix()) && !Rewrites.degenerate(c.fix(), ctx.written())
                        && !readsAsWritten(ctx, c.fix())) {
                    return c;
                }
            }
        }
        return null;
    }

    /** Whether a fix gives the claim's own values: a change that changes nothing is no diagnosis. */
    boolean noOp(Context ctx, Expr fix) {
        return noOp(ctx, fix, claimedValues(ctx));
    }

    /** {@link #noOp(Context, Expr)} with the claim's values at the points, {@link #claimedValues}, given. */
    boolean noOp(Context ctx, Expr fix, List<BoundedValue> claimed) {
        try {
            return claimed != null && judge.matches(ctx.toGraph().apply(fix), ctx.points(), claimed, ctx.slots());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The claim's values at the context's points, or null when they cannot be computed. */
    List<BoundedValue> claimedValues(Context ctx) {
        try {
            return Judge.values(ctx.toGraph().apply(ctx.written()), ctx.points(), ctx.slots());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Whether a fix prints as the claim does: a gradient name of one quantity that is spelled like
     * another's ('dot' for dL/dzo and for dL/dot) makes a change that a reader cannot see.
     */
    boolean readsAsWritten(Context ctx, Expr fix) {
        return ctx.printer().apply(fix).equals(ctx.printer().apply(ctx.written()));
    }

    /**
     * @throws TimeLimitException when the judge's deadline passes: hypotheses are many, each cheap,
     *     so the time limit is checked before every one
     */
    boolean matches(Context ctx, Expr candidate) {
        judge.deadline().check("diagnosing a wrong statement");
        Expr graphForm;
        try {
            graphForm = ctx.toGraph().apply(candidate);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return judge.matches(graphForm, ctx.points(), ctx.truth(), ctx.slots());
    }

    private Hypothesis first(Context ctx, Diagnosis d, List<Expr> candidates, String detail) {
        return first(ctx, d, candidates, c -> detail);
    }

    /** The first candidate that equals the truth, with the sentence {@code detail} makes of it. */
    private Hypothesis first(Context ctx, Diagnosis d, List<Expr> candidates, Function<Expr, String> detail) {
        for (Expr c : candidates.subList(0, Math.min(MAX_CANDIDATES, candidates.size()))) {
            if (matches(ctx, c)) {
                return new Hypothesis(d, c, detail.apply(c));
            }
        }
        return null;
    }

    /**
     * One name replaced by another: as a function's argument (wrong argument) or anywhere
     * (substituted symbol). A replaced gradient or Leibniz atom is a wrong chain.
     */
    private Hypothesis replaced(Context ctx, boolean argumentsOnly) {
        List<Expr> names = new ArrayList<>();
        ctx.names().forEach(n -> names.add(new Var(n)));
        int tried = 0;
        for (Expr original : Exprs.subtrees(ctx.written())) {
            if (!(original instanceof Var || original instanceof Deriv)) {
                continue;
            }
            for (Expr replacement : names) {
                if (replacement.equals(original)) {
                    continue;
                }
                for (Expr candidate : Rewrites.replaceOne(ctx.written(), original, replacement, argumentsOnly)) {
                    if (++tried > MAX_CANDIDATES) {
                        return null;
                    }
                    if (matches(ctx, candidate) && !Rewrites.degenerate(candidate, ctx.written())) {
                        boolean chain = original instanceof Deriv;
                        Diagnosis d = chain ? Diagnosis.WRONG_CHAIN
                                : argumentsOnly ? Diagnosis.WRONG_ARGUMENT : Diagnosis.SUBSTITUTED_SYMBOL;
                        return new Hypothesis(d, candidate, ctx.printer().apply(original) + " stands where "
                                + ctx.printer().apply(replacement) + " belongs");
                    }
                }
            }
        }
        return null;
    }

    /**
     * Multiplying by one candidate factor F makes it right: the whole claim first (true = claimed * F),
     * then any part of it (sigmoid(x) where sigmoid(W*x) belongs). Candidates are the names, the
     * local derivatives and the factors of the truth's products.
     */
    private Hypothesis missingFactor(Context ctx) {
        for (Expr f : ctx.factors()) {
            if (matches(ctx, Expr.mul(ctx.written(), f)) && !noOp(ctx, Expr.mul(ctx.written(), f))) {
                return new Hypothesis(Diagnosis.MISSING_FACTOR, Expr.mul(ctx.written(), f),
                        "it lacks the factor " + ctx.printer().apply(f));
            }
        }
        int tried = 0;
        for (Expr f : ctx.factors()) {
            for (Expr candidate : Exprs.variants(ctx.written(), x -> x == ctx.written() ? List.of() : List.of(Expr.mul(x, f)))) {
                if (++tried > MAX_CANDIDATES) {
                    return null;
                }
                if (matches(ctx, candidate) && !noOp(ctx, candidate)) {
                    return new Hypothesis(Diagnosis.MISSING_FACTOR, candidate,
                            "it lacks the factor " + ctx.printer().apply(f) + " inside");
                }
            }
        }
        return null;
    }

}
