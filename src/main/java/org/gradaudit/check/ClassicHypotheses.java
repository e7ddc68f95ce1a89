package org.gradaudit.check;

import java.util.ArrayList;
import java.util.List;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Expr.Var;
import org.gradaudit.expr.Exprs;

/**
 * The diagnoser's own single changes (a sign, a term's sign, a factor too many or too few, a name
 * swapped, a regrouping) as a family, so that the search for two changes can combine them with
 * each other and with the other families. The single-change diagnosis tries them itself, in its
 * own order; this family only proposes them.
 */
final class ClassicHypotheses implements HypothesisFamily {
    @Override
    public List<Diagnoser.Hypothesis> candidates(Diagnoser.Context ctx, Expr written) {
        List<Diagnoser.Hypothesis> out = new ArrayList<>();
        out.add(new Diagnoser.Hypothesis(Diagnosis.SIGN, Rewrites.negate(written), "it has the wrong sign"));
        // A factor too many before the names swapped, which are many: the search for two changes follows
        // first changes in this order, and would spend its bound on the swaps before it reached these
        // (a factor written twice where another product belongs is two changes: one out, one in).
        for (Expr c : Rewrites.withoutOneFactor(written)) {
            out.add(new Diagnoser.Hypothesis(Diagnosis.EXTRA_FACTOR, c, !ctx.describes() ? ""
                    : Rewrites.extraFactor(written, c, ctx.printer())));
        }
        for (Expr c : Rewrites.termSigns(written)) {
            out.add(new Diagnoser.Hypothesis(Diagnosis.TERM_SIGN, c, "one term has the wrong sign"));
        }
        List<Expr> names = new ArrayList<>(ctx.names().size());
        ctx.names().forEach(n -> names.add(new Var(n)));
        for (Edits.Edit e : Edits.everywhere(written, x -> x instanceof Var ? others(names, x) : List.of())) {
            out.add(new Diagnoser.Hypothesis(Diagnosis.SUBSTITUTED_SYMBOL, e.result(), !ctx.describes() ? ""
                    : ctx.printer().apply(e.before()) + " stands where " + ctx.printer().apply(e.after()) + " belongs"));
        }
        for (Expr f : ctx.factors()) {
            if (!trivial(f)) {
                out.add(new Diagnoser.Hypothesis(Diagnosis.MISSING_FACTOR, Expr.mul(written, f),
                        !ctx.describes() ? "" : "it lacks the factor " + ctx.printer().apply(f)));
            }
        }
        for (Expr f : ctx.factors()) {
            if (!trivial(f)) {
                out.add(new Diagnoser.Hypothesis(Diagnosis.MISSING_FACTOR, Expr.div(written, f),
                        !ctx.describes() ? "" : "it lacks the divisor " + ctx.printer().apply(f)));
                for (Edits.Edit e : Edits.everywhere(written, x -> x == written ? List.of()
                        : List.of(Expr.mul(x, f), Expr.div(x, f)))) {
                    out.add(new Diagnoser.Hypothesis(Diagnosis.MISSING_FACTOR, e.result(), !ctx.describes() ? ""
                            : "it lacks the " + (e.after() instanceof Expr.Bin b && b.op() == Expr.Op.DIV ? "divisor " : "factor ")
                            + ctx.printer().apply(f) + " in " + ctx.printer().apply(e.after())));
                }
            }
        }
        for (Expr c : Rewrites.regroupings(written)) {
            out.add(new Diagnoser.Hypothesis(Diagnosis.PRECEDENCE, c, "its operators are grouped wrongly"));
        }
        if (Exprs.size(written) > 1) {
            out.add(new Diagnoser.Hypothesis(Diagnosis.FACTOR, Expr.mul(Expr.num(2), written),
                    "it is 1/2 times the true value"));
            out.add(new Diagnoser.Hypothesis(Diagnosis.FACTOR, Expr.div(written, Expr.num(2)),
                    "it is 2 times the true value"));
        }
        return out;
    }

    /** The names other than {@code name}, in order. */
    private static List<Expr> others(List<Expr> names, Expr name) {
        List<Expr> out = new ArrayList<>(names.size());
        for (Expr n : names) {
            if (!n.equals(name)) {
                out.add(n);
            }
        }
        return out;
    }

    /** 0, 1 and -1: factors whose change is no change, or removes everything. */
    private static boolean trivial(Expr f) {
        return f instanceof Expr.Num n && (n.value() == 0 || Math.abs(n.value()) == 1);
    }
}
