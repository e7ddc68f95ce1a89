package org.gradaudit.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.ExprKey;
import org.gradaudit.expr.Exprs;
import org.gradaudit.numeric.BoundedValue;

/**
 * Two changes at once: when no single change explains a wrong claim, every first change any family
 * proposes is followed by every second change proposed for its result, and the first pair whose
 * result equals the truth is the diagnosis. The search is bounded by the number of formulas tested
 * (per claim, and for the whole audit), never by the clock, so that its answer is reproducible.
 */
final class PairSearch {
    /** Largest claim, in nodes, whose pairs of changes are searched. */
    static final int MAX_SIZE = 80;
    /** Most first changes followed, and most second changes tried after each. */
    static final int MAX_FIRST = 400;
    static final int MAX_SECOND = 600;
    /**
     * Most formulas tested for one claim, and for all claims of one audit together (five claims that
     * no pair explains). A claim no pair explains costs the whole per-claim bound, so it is set from
     * where pairs are found. In two samples of random formulas with two random mistakes each
     * (SeededChangesTest's kinds: 460 formulas searched to 40,000, and 600 at four other seeds searched
     * to 60,000, 490 of them explained by a pair), every pair was found within 18,712 and 23,113
     * formulas (p99 11,474 and 14,619); 20,000 would have lost 2 of the 490. In derivations/ every
     * pair is found within 1,200.
     */
    static final int PER_CLAIM = 25_000;
    static final int PER_AUDIT = 125_000;

    private final Diagnoser diagnoser;
    private int spent;

    PairSearch(Diagnoser diagnoser) {
        this.diagnoser = diagnoser;
    }

    /**
     * The first pair of changes that explains the claim, or null when none does within the bounds.
     *
     * @param families the families whose changes are combined, in the order they are tried
     * @param matches whether a formula equals the truth at the context's points
     * @param pairs whether to search pairs at all; without, only the single changes are tried
     */
    Diagnoser.Hypothesis search(Diagnoser.Context ctx, List<HypothesisFamily> families,
                                BiPredicate<Diagnoser.Context, Expr> matches, boolean pairs) {
        if (Exprs.size(ctx.written()) > MAX_SIZE) {
            return null;
        }
        // Proposed without their sentences, which would cost more than testing them; the one that explains
        // the claim is proposed again with them (see described).
        Diagnoser.Context silent = undescribed(ctx);
        List<Diagnoser.Hypothesis> firsts = proposals(silent, families, ctx.written(), MAX_FIRST);
        // The formulas already tried, by their 64-bit fingerprints: a repeat (two changes in either
        // order) is found without comparing the trees, which costs more than testing them. Two of an
        // audit's 125,000 formulas share a fingerprint with odds under 1e-9, and then one formula is
        // left untried: a diagnosis can be missed that way, never made wrong.
        FingerprintSet seen = new FingerprintSet(4096);
        // A second change that undoes the first gives the claim back, which is wrong: not tested.
        seen.add(ExprKey.fingerprint(ctx.written()));
        int tested = 0;
        // A single change the diagnoser's own order does not try (a divisor missing inside, say) first.
        for (int i = 0; i < firsts.size(); i++) {
            Diagnoser.Hypothesis first = firsts.get(i);
            if (++tested > PER_CLAIM || ++spent > PER_AUDIT) {
                return null;
            }
            if (seen.add(ExprKey.fingerprint(first.fix())) && matches.test(ctx, first.fix())
                    && !Rewrites.degenerate(first.fix(), ctx.written()) && !diagnoser.noOp(ctx, first.fix())
                    && !diagnoser.readsAsWritten(ctx, first.fix())) {
                return described(ctx, families, ctx.written(), first, i, MAX_FIRST);
            }
        }
        if (!pairs) {
            return null;
        }
        List<BoundedValue> claimed = diagnoser.claimedValues(ctx);
        for (int f = 0; f < firsts.size(); f++) {
            Diagnoser.Hypothesis first = firsts.get(f);
            // A first change that leaves the claim's values as they were (a factor 1 dropped, a product
            // regrouped) would make a pair a single change in disguise, which is never the diagnosis.
            if (Exprs.size(first.fix()) > MAX_SIZE + 20 || diagnoser.noOp(ctx, first.fix(), claimed)) {
                continue;
            }
            List<Diagnoser.Hypothesis> seconds = proposals(silent, families, first.fix(), MAX_SECOND);
            for (int i = 0; i < seconds.size(); i++) {
                Diagnoser.Hypothesis second = seconds.get(i);
                if (replacesATerm(first, second) || !seen.add(ExprKey.fingerprint(second.fix()))) {
                    continue;
                }
                if (++tested > PER_CLAIM || ++spent > PER_AUDIT) {
                    return null;
                }
                if (matches.test(ctx, second.fix()) && !Rewrites.degenerate(second.fix(), ctx.written())
                        && !diagnoser.noOp(ctx, second.fix(), claimed)) {
                    first = described(ctx, families, ctx.written(), first, f, MAX_FIRST);
                    second = described(ctx, families, first.fix(), second, i, MAX_SECOND);
                    Diagnoser.Hypothesis both = new Diagnoser.Hypothesis(second.diagnosis(), second.fix(),
                            second.detail(), List.of());
                    return new Diagnoser.Hypothesis(first.diagnosis(), second.fix(), "two changes explain it: "
                            + first.detail() + "; and " + second.detail(), List.of(first, both));
                }
            }
        }
        return null;
    }

    /** The context with a printer that prints nothing, for proposals whose sentences are not read. */
    private static Diagnoser.Context undescribed(Diagnoser.Context ctx) {
        return new Diagnoser.Context(ctx.written(), ctx.toGraph(), ctx.names(), ctx.factors(), ctx.target(),
                Diagnoser.UNDESCRIBED, ctx.points(), ctx.truth(), ctx.slots());
    }

    /**
     * The proposal {@code found} (the {@code index}-th of {@code written}'s, made with the silent
     * printer) as the families describe it with the statement's own printer: the proposals are the
     * same formulas in the same order whatever the printer, so it is the same index.
     */
    private static Diagnoser.Hypothesis described(Diagnoser.Context ctx, List<HypothesisFamily> families, Expr written,
                                                  Diagnoser.Hypothesis found, int index, int limit) {
        List<Diagnoser.Hypothesis> again = proposals(ctx, families, written, limit);
        if (index < again.size() && again.get(index).fix().equals(found.fix())
                && again.get(index).diagnosis() == found.diagnosis()) {
            return again.get(index);
        }
        return again.stream().filter(h -> h.diagnosis() == found.diagnosis() && h.fix().equals(found.fix()))
                .findFirst().orElseThrow(() -> new IllegalStateException(
                        "a family proposed other formulas with the statement's printer than without: " + found.fix()));
    }

    /** A term added and another removed is any formula at all, not an explanation. */
    private static boolean replacesATerm(Diagnoser.Hypothesis first, Diagnoser.Hypothesis second) {
        Diagnosis a = first.diagnosis();
        Diagnosis b = second.diagnosis();
        return a == Diagnosis.MISSING_TERM && b == Diagnosis.EXTRA_TERM || a == Diagnosis.EXTRA_TERM && b == Diagnosis.MISSING_TERM;
    }

    private static List<Diagnoser.Hypothesis> proposals(Diagnoser.Context ctx, List<HypothesisFamily> families,
                                                        Expr written, int limit) {
        List<List<Diagnoser.Hypothesis>> each = new ArrayList<>();
        for (HypothesisFamily f : families) {
            each.add(f.candidates(ctx, written));
        }
        // Round robin over the families, so that a family with many proposals does not crowd out the rest.
        List<Diagnoser.Hypothesis> out = new ArrayList<>();
        for (int i = 0; out.size() < limit; i++) {
            boolean any = false;
            for (List<Diagnoser.Hypothesis> list : each) {
                if (i < list.size()) {
                    any = true;
                    Diagnoser.Hypothesis h = list.get(i);
                    if (h.fix() != null && !h.fix().equals(written) && out.size() < limit) {
                        out.add(h);
                    }
                }
            }
            if (!any) {
                break;
            }
        }
        // Changes that remove or flip come before those that add or rewrite: a pair of small changes
        // is the likelier explanation, and is tried first. A stable sort by rank, in one pass per rank.
        List<Diagnoser.Hypothesis> sorted = new ArrayList<>(out.size());
        for (int r = 0; r <= MAX_RANK; r++) {
            for (Diagnoser.Hypothesis h : out) {
                if (rank(h.diagnosis()) == r) {
                    sorted.add(h);
                }
            }
        }
        return sorted;
    }

    private static final int MAX_RANK = 2;

    private static int rank(Diagnosis d) {
        return switch (d) {
            case MISSING_FACTOR, MISSING_TERM -> 2;
            case PRECEDENCE, WRONG_OPERATOR -> 1;
            default -> 0;
        };
    }
}
