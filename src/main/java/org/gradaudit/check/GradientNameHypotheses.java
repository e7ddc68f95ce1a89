package org.gradaudit.check;

import java.util.ArrayList;
import java.util.List;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Expr.Deriv;

/**
 * In a code line, one gradient name where another belongs: {@code db2 = dZ1} where {@code dZ2}
 * belongs, or a quantity where its gradient belongs ({@code w0*dot} for {@code w0*ddot}). The
 * Leibniz form of the same slip ({@code dL/dZ1} for {@code dL/dZ2} in a chain) is a
 * wrong chain, found by the chain hypothesis; a code line's gradients are plain names, so swapping
 * one is a substituted symbol.
 */
final class GradientNameHypotheses implements HypothesisFamily {
    private final String loss;
    private final List<String> gradients;

    /** @param gradients the names whose gradients a code line may use, dL/dX for each X */
    GradientNameHypotheses(String loss, List<String> gradients) {
        this.loss = loss;
        this.gradients = List.copyOf(gradients);
    }

    @Override
    public List<Diagnoser.Hypothesis> candidates(Diagnoser.Context ctx, Expr written) {
        List<Diagnoser.Hypothesis> out = new ArrayList<>();
        for (String g : gradients) {
            Deriv to = new Deriv(loss, g);
            for (Edits.Edit e : Edits.everywhere(written, x -> x instanceof Deriv d && d.of().equals(loss)
                    && !d.equals(to) ? List.of(to) : List.of())) {
                out.add(new Diagnoser.Hypothesis(Diagnosis.SUBSTITUTED_SYMBOL, e.result(),
                        ctx.printer().apply(e.before()) + " stands where " + ctx.printer().apply(to) + " belongs"));
            }
        }
        // A quantity where its gradient belongs: 'dot' for 'ddot', the d left off.
        for (String g : gradients) {
            Deriv to = new Deriv(loss, g);
            for (Edits.Edit e : Edits.everywhere(written, x -> x instanceof Expr.Var v && v.name().equals(g)
                    ? List.of(to) : List.of())) {
                out.add(new Diagnoser.Hypothesis(Diagnosis.SUBSTITUTED_SYMBOL, e.result(),
                        ctx.printer().apply(e.before()) + " stands where its gradient " + ctx.printer().apply(to)
                        + " belongs"));
            }
        }
        return out;
    }
}
