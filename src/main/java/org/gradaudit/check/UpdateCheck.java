package org.gradaudit.check;

import static org.gradaudit.check.tolerance.BoundedAgreement.NEGLIGIBLE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Numbers;
import org.gradaudit.model.Item;
import org.gradaudit.numeric.Evaluator;
import org.gradaudit.numeric.Evaluators;
import org.gradaudit.numeric.BoundedValue;
import org.gradaudit.symbolic.CasException;

/**
 * Judges a gradient-descent update {@code W = W - lr*dW}: a small step in its direction must
 * decrease the loss. To first order the loss changes by {@code dL/dW * step}, so the step descends
 * at a point when that product is negative, climbs when it is positive. The gradients the update
 * reads take their true values (judged locally, as code lines are); when the loss as written has
 * the wrong sign, the step is also taken with the gradients of the loss as written, and a step that
 * then climbs the true loss is said so plainly.
 */
final class UpdateCheck {
    private UpdateCheck() {
    }

    /**
     * @param step the update's step, {@code updated - W}, in the graph's names with true gradients
     * @param gradient the true dL/dW
     * @param writtenStep the step with the gradients of the loss as written, or null when the loss
     *     as written is the true one
     * @param lossLine the loss's line, for the message
     */
    static Finding judge(Item.Update u, String loss, Expr step, Expr gradient, Expr writtenStep, Points points,
                         int lossLine,
                         List<Integer> upstream, Function<Expr, String> printer) {
        var s = u.statement();
        String w = u.parameter();
        Evaluator stepAt = Evaluators.compile(step, points.slots());
        Evaluator gradientAt = Evaluators.compile(gradient, points.slots());
        int descends = 0;
        int moves = 0;
        double[] climb = null;
        for (double[] p : points.all()) {
            double g = gradientAt.eval(p);
            double d = stepAt.eval(p);
            if (Math.abs(d) > NEGLIGIBLE) {
                moves++;
            }
            if (Math.abs(g) <= NEGLIGIBLE || Math.abs(d) <= NEGLIGIBLE || !Double.isFinite(g * d)) {
                continue;
            }
            if (g * d < 0) {
                descends++;
            } else if (climb == null) {
                climb = p;
            }
        }
        String text = s.rhs().text();
        String lhs = s.name() + " " + s.op().symbol();
        int n = points.all().size();
        if (moves == 0) {
            return finding(u, upstream, Verdict.WRONG, Diagnosis.OTHER, null, null, n, 0,
                    lhs + " " + text + " does not move " + w + ": its step is 0 at every point. A gradient-descent "
                            + "step is " + w + " - learning_rate * d" + w + ".");
        }
        if (climb == null && descends == 0) {
            return finding(u, upstream, Verdict.UNVERIFIED, null, null, null, n, 0, "the loss does not depend on " + w
                    + " at any point, so no step of it can descend the loss");
        }
        if (climb != null) {
            double g = gradientAt.eval(climb);
            double d = stepAt.eval(climb);
            String fix = flipped(u, printer);
            boolean sign = descends == 0;
            Map<String, Double> values = new LinkedHashMap<>();
            values.put("d" + loss + "/d" + w, g);
            values.put("step", d);
            return finding(u, upstream, Verdict.WRONG, sign ? Diagnosis.SIGN : Diagnosis.OTHER, sign ? fix : null,
                    new Finding.Counterexample(points.describe(climb), values, g * d, -Math.abs(g * d)), n, descends,
                    "this step climbs the loss: d" + loss + "/d" + w + " is " + number(g) + " and the step is " + number(d)
                            + ", so this step changes the loss by about +" + number(g * d) + " (to first order). "
                            + (sign ? "A descent step goes against the gradient" + (fix == null ? "." : ": " + fix + ".")
                            : "It descends at " + descends + " of " + n + " points only."));
        }
        String how = "A small step descends the loss at every point where " + w + "'s gradient is not 0 ("
                + descends + " of " + n + ").";
        if (writtenStep != null) {
            Evaluator writtenAt = Evaluators.compile(writtenStep, points.slots());
            int climbsAsWritten = 0;
            double[] first = null;
            for (double[] p : points.all()) {
                double g = gradientAt.eval(p);
                double d = writtenAt.eval(p);
                if (Math.abs(g) > NEGLIGIBLE && Math.abs(d) > NEGLIGIBLE && g * d > 0) {
                    climbsAsWritten++;
                    first = first == null ? p : first;
                }
            }
            if (first != null) {
                Finding f = finding(u, upstream, Verdict.CORRECT, null, null, null, n, descends, how + " But with the loss as "
                        + "written (line " + lossLine + "), whose sign is wrong, d" + w + " is the gradient of that loss, "
                        + "and this step climbs the true loss at " + climbsAsWritten + " of " + n + " points: at the "
                        + "first, the step is " + number(writtenAt.eval(first)) + " and changes the true loss by about +"
                        + number(gradientAt.eval(first) * writtenAt.eval(first)) + " (to first order).");
                return withCorrectedLoss(f, lossLine);
            }
        }
        return finding(u, upstream, Verdict.CORRECT, null, null, null, n, descends, how);
    }

    /** {@code W - X} for {@code W + X} and the reverse, in the statement's terms; null for other forms. */
    private static String flipped(Item.Update u, Function<Expr, String> printer) {
        Expr e = u.updated();
        if (e instanceof Expr.Bin b && (b.op() == Expr.Op.ADD || b.op() == Expr.Op.SUB)
                && b.left() instanceof Expr.Var v && v.name().equals(u.parameter())) {
            Expr.Op op = b.op() == Expr.Op.ADD ? Expr.Op.SUB : Expr.Op.ADD;
            return printer.apply(new Expr.Bin(op, b.left(), b.right()));
        }
        return null;
    }

    private static Finding finding(Item.Update u, List<Integer> upstream, Verdict verdict, Diagnosis diagnosis, String fix,
                                   Finding.Counterexample counterexample, int points, int descends, String message) {
        var s = u.statement();
        Finding.Subject subject = new Finding.Subject(s.position().line(), s.section(), Finding.Kind.UPDATE, s.name(),
                StatementText.assigned(s.name(), s.op(), s.rhs().text()));
        Finding.Evidence evidence = new Finding.Evidence(Finding.Symbolic.UNKNOWN, descends, 0);
        return switch (verdict) {
            case WRONG -> Finding.wrong(subject, evidence, "a step against the gradient", diagnosis, fix, counterexample,
                    upstream, 0, u.statement().name() + " is wrong: " + message);
            case CORRECT -> Finding.correct(subject, evidence, upstream, 0, message + consumed(upstream));
            case UNVERIFIED -> Finding.unverified(subject, evidence, null, upstream, 0, message + consumed(upstream));
        };
    }

    private static String consumed(List<Integer> upstream) {
        List<Integer> lines = upstream.stream().filter(l -> l > 0).toList();
        return lines.isEmpty() ? "" : " It consumes the wrong value of line" + (lines.size() > 1 ? "s " : " ")
                + lines.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")
                + ", so the published code takes a different step until that is fixed.";
    }

    private static Finding withCorrectedLoss(Finding f, int lossLine) {
        return f.withCorrectedLossLine(lossLine);
    }

    private static String number(double v) {
        return Numbers.six(v);
    }

    /**
     * A code line that reads a parameter after an update changed it, and would be right with the
     * parameter before the update (backprop must read the weights of the forward pass); else null.
     */
    static Diagnoser.Hypothesis readsUpdated(Item item, List<double[]> at, List<BoundedValue> truthValues,
                                             List<String> slots, Judge judge, GraphForm graphForm) throws CasException {
        if (!(item instanceof Item.CodeLine c) || c.updatesRead().isEmpty()
                || !judge.matches(graphForm.toGraph(c.beforeUpdates()), at, truthValues, slots)) {
            return null;
        }
        String read = c.updatesRead().entrySet().stream().map(e -> e.getKey() + " as updated at line " + e.getValue())
                .reduce((a, b) -> a + ", " + b).orElse("");
        return new Diagnoser.Hypothesis(Diagnosis.UPDATED_PARAMETER, null, "it reads " + read
                + "; backprop needs the values of the forward pass, so take every gradient before updating"
                + " (move the update after this line)");
    }
}
