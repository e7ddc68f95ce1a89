package org.gradaudit.check;

import java.util.ArrayList;
import java.util.List;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Expr.Bin;
import org.gradaudit.expr.Expr.Op;

/**
 * An additive term missing or extra: a constant dropped from {@code 1 - ...}, the contribution of a
 * second path through the graph left out (a recurrent or skip connection), or a term that does not
 * belong. Missing terms are looked for among the statement's candidate terms (the truth's own terms,
 * the chain rule's one-step terms, the constant 1), added at any place in the claim.
 */
final class TermHypotheses implements HypothesisFamily {
    /** A term that may be missing, and why it would belong (e.g. "the path through z2"), or "". */
    record Term(Expr term, String why) {
    }

    private final List<Term> terms;

    TermHypotheses(List<Term> terms) {
        this.terms = List.copyOf(terms);
    }

    @Override
    public List<Diagnoser.Hypothesis> candidates(Diagnoser.Context ctx, Expr written) {
        List<Diagnoser.Hypothesis> out = new ArrayList<>();
        for (Edits.Edit e : Edits.everywhere(written, TermHypotheses::withoutOneTerm)) {
            Bin sum = (Bin) e.before();
            Expr removed = e.after() == sum.left() ? sum.right() : sum.left();
            out.add(new Diagnoser.Hypothesis(Diagnosis.EXTRA_TERM, e.result(), "the term "
                    + ctx.printer().apply(removed) + " does not belong"));
        }
        for (Term t : terms) {
            String what = "it lacks the term " + ctx.printer().apply(FixForm.tidy(t.term())) + (t.why().isEmpty() ? "" : ", " + t.why());
            out.add(new Diagnoser.Hypothesis(Diagnosis.MISSING_TERM, plusTerm(written, t.term(), false), what));
            out.add(new Diagnoser.Hypothesis(Diagnosis.MISSING_TERM, plusTerm(written, t.term(), true), what));
            for (Edits.Edit e : Edits.everywhere(written, x -> x == written ? List.of()
                    : List.of(plusTerm(x, t.term(), false), plusTerm(x, t.term(), true)))) {
                out.add(new Diagnoser.Hypothesis(Diagnosis.MISSING_TERM, e.result(), what + " in "
                        + ctx.printer().apply(e.after())));
            }
        }
        return out;
    }

    /** {@code x + t}, or with {@code subtract} {@code t - x}; a negation {@code -a} becomes {@code t - a}. */
    private static Expr plusTerm(Expr x, Expr t, boolean subtract) {
        if (x instanceof Expr.Neg n) {
            return subtract ? Expr.sub(Expr.neg(t), n.arg()) : Expr.sub(t, n.arg());
        }
        return subtract ? Expr.sub(t, x) : Expr.add(x, t);
    }

    /** A sum or difference with one of its two sides left out. */
    private static List<Expr> withoutOneTerm(Expr x) {
        if (x instanceof Bin b && b.op() == Op.ADD) {
            return List.of(b.left(), b.right());
        }
        if (x instanceof Bin b && b.op() == Op.SUB) {
            return List.of(b.left(), Rewrites.negate(b.right()));
        }
        return List.of();
    }
}
