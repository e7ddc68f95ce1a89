package org.gradaudit.check;

import java.util.ArrayList;
import java.util.List;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Expr.Var;
import org.gradaudit.expr.Exprs;

/**
 * A function's input where its output belongs, or the reverse: {@code z*(1 - z)} written with the
 * pre-activation z where the activation {@code s = sigmoid(z)} belongs (every occurrence at once),
 * a derivative applied to a layer's input where its output belongs, and a call {@code sigmoid(z)}
 * written where its argument z belongs.
 */
final class ArgumentHypotheses implements HypothesisFamily {
    private final List<Activation> activations;
    private final List<Expr.Call> calls;

    /**
     * @param calls the calls of a function on one name that the graph's definitions make and that
     *     no node is ({@code tanh(c_next)} in {@code a_next = ot*tanh(c_next)})
     */
    ArgumentHypotheses(List<Activation> activations, List<Expr.Call> calls) {
        this.activations = List.copyOf(activations);
        this.calls = List.copyOf(calls);
    }

    @Override
    public List<Diagnoser.Hypothesis> candidates(Diagnoser.Context ctx, Expr written) {
        List<Diagnoser.Hypothesis> out = new ArrayList<>();
        var names = Exprs.variables(written);
        for (Activation a : activations) {
            String call = a.function() + "(" + ctx.printer().apply(new Var(a.input())) + ")";
            String output = ctx.printer().apply(new Var(a.output()));
            String input = ctx.printer().apply(new Var(a.input()));
            if (names.contains(a.input())) {
                for (Expr c : replacements(written, a.input(), a.output())) {
                    out.add(new Diagnoser.Hypothesis(Diagnosis.WRONG_ARGUMENT, c, input + " stands where " + call
                            + " (" + output + ") belongs"));
                }
            }
            if (names.contains(a.output())) {
                for (Expr c : replacements(written, a.output(), a.input())) {
                    out.add(new Diagnoser.Hypothesis(Diagnosis.WRONG_ARGUMENT, c, output + " = " + call
                            + " stands where its input " + input + " belongs"));
                }
            }
        }
        // A name where a call of it belongs: c_next in 1 - c_next^2 where tanh(c_next) belongs, for each
        // function the graph applies to that name.
        for (Expr.Call call : calls) {
            String v = ((Var) call.args().get(0)).name();
            if (names.contains(v)) {
                for (Expr c : replacements(written, v, call)) {
                    out.add(new Diagnoser.Hypothesis(Diagnosis.WRONG_ARGUMENT, c, v + " stands where "
                            + ctx.printer().apply(call) + " belongs"));
                }
            }
        }
        for (Edits.Edit e : Edits.everywhere(written, x -> x instanceof Expr.Call c && c.args().size() == 1
                && c.args().get(0) instanceof Var ? List.of(c.args().get(0)) : List.of())) {
            out.add(new Diagnoser.Hypothesis(Diagnosis.WRONG_ARGUMENT, e.result(), ctx.printer().apply(e.before())
                    + " stands where its argument " + ctx.printer().apply(e.after()) + " belongs"));
        }
        return out;
    }

    /** Every occurrence of {@code from} replaced by {@code to}, then each single occurrence. */
    private static List<Expr> replacements(Expr written, String from, String to) {
        return replacements(written, from, new Var(to));
    }

    private static List<Expr> replacements(Expr written, String from, Expr to) {
        List<Expr> out = new ArrayList<>();
        Expr all = Exprs.substitute(written, java.util.Map.of(from, to));
        out.add(all);
        for (Edits.Edit e : Edits.everywhere(written, x -> x.equals(new Var(from)) ? List.of(to) : List.of())) {
            if (!e.result().equals(all)) {
                out.add(e.result());
            }
        }
        return out;
    }
}
