package org.gradaudit.matrix.grad;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.gradaudit.matrix.expr.MPrinter;
import org.gradaudit.matrix.model.MatrixModel;

/**
 * Every gradient of a vectorized derivation as a rule step, for teaching ({@code gradaudit derive}):
 * dL/dV from the gradients of V's consumers, once with {@code dL/dC} and once in the file's gradient
 * names, in reverse order (the loss's inputs first, the parameters last).
 */
public final class Steps {
    private Steps() {
    }

    /**
     * One step: {@code dL/d(of) = rule}.
     *
     * @param consumers the quantities whose gradients the rule uses
     * @param rule the one-step form with {@code dL/dC} for each consumer C
     * @param named the same with the file's gradient names ({@code 1/m * np.dot(dZ1, X.T)})
     */
    public record Step(String of, String shape, List<String> consumers, String rule, String named) {
        public Step {
            consumers = List.copyOf(consumers);
        }
    }

    /** Every non-loss quantity's step, or only {@code wrt}'s when it is not null. */
    public static List<Step> of(MatrixModel model, String wrt) {
        ReverseRules rules = new ReverseRules(model);
        ReverseRules named = new ReverseRules(model, true);
        List<String> order = new ArrayList<>(model.order());
        Collections.reverse(order);
        model.free().forEach(q -> order.add(q.name()));
        List<Step> out = new ArrayList<>();
        for (String v : order) {
            if (v.equals(model.loss()) || (wrt != null && !wrt.equals(v))) {
                continue;
            }
            out.add(new Step(v, model.shape(v).toString(), rules.consumers(v), MPrinter.print(rules.oneStep(v)),
                    MPrinter.print(named.oneStep(v))));
        }
        return out;
    }
}
