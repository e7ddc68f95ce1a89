package org.gradaudit.symbolic;

import java.time.Duration;
import org.gradaudit.bounds.Deadline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gradaudit.expr.Expr;
import org.gradaudit.model.Graph;

/**
 * Every derivative {@code derive} shows, as a value a renderer can print without calling the CAS:
 * each node's definition and local derivatives, then each total derivative of {@code top} with
 * its one-step, along-every-path and simplified forms.
 *
 * @param top the node differentiated
 * @param locals each node with its local derivatives, in graph order; empty when not asked for
 * @param derivatives the total derivatives reached, in the order asked
 * @param stopped whether the time limit ran out before every derivative was reached
 * @param timeLimit the time the derivatives had
 */
public record DeriveSteps(String top, List<Local> locals, List<ChainRule.Derivative> derivatives, boolean stopped,
                          Duration timeLimit) {
    public DeriveSteps {
        locals = List.copyOf(locals);
        derivatives = List.copyOf(derivatives);
    }

    /** A node, its definition, and its derivative with respect to each name the definition uses. */
    public record Local(String node, Expr definition, List<Partial> partials) {
        public Local {
            partials = List.copyOf(partials);
        }
    }

    /** {@code d node / d wrt = value}. */
    public record Partial(String wrt, Expr value) {
    }

    /**
     * Computes the steps.
     *
     * @param names the names to differentiate {@code top} with respect to, in order
     * @param withLocals whether to list every node's local derivatives first
     * @param deadline the command's time limit; what is not reached by then is left out, and
     *     {@code stopped} says so
     * @throws CasException when the CAS hits its time or size bound before the deadline
     */
    public static DeriveSteps of(ChainRule rule, String top, List<String> names, boolean withLocals,
                                 Deadline deadline) throws CasException {
        Graph graph = rule.graph();
        List<Local> locals = new ArrayList<>();
        List<ChainRule.Derivative> derivatives = new ArrayList<>();
        boolean stopped = false;
        try {
            if (withLocals) {
                for (Map.Entry<String, Expr> node : graph.nodes().entrySet()) {
                    List<Partial> partials = new ArrayList<>();
                    for (String p : graph.names()) {
                        if (graph.parents(node.getKey()).contains(p)) {
                            partials.add(new Partial(p, rule.local(node.getKey(), p)));
                        }
                    }
                    locals.add(new Local(node.getKey(), node.getValue(), partials));
                }
            }
            for (String n : names) {
                if (deadline.passed()) {
                    stopped = true;
                    break;
                }
                derivatives.add(rule.derivative(top, n));
            }
        } catch (CasException e) {
            if (!deadline.passed()) {
                throw e;
            }
            stopped = true; // the chain rule's CAS calls end by the same deadline
        }
        return new DeriveSteps(top, locals, derivatives, stopped, deadline.limit());
    }
}
