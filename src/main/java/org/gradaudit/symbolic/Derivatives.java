package org.gradaudit.symbolic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gradaudit.expr.Expr;
import org.gradaudit.model.Graph;

/**
 * Every derivative of a graph that {@code derive} shows, computed: each node's local derivatives
 * by the names its definition uses, then the chain-rule forms of {@code d top / d name} for each
 * name asked for, in order, until a time limit. Renderers print this value; they call no CAS.
 *
 * @param top the node differentiated
 * @param locals each node's local derivatives, or empty when they were not asked for
 * @param totals the derivatives of {@code top} reached within the time limit, in the order asked
 * @param stopped whether the time limit ran out before every name asked for was reached
 * @param timeLimit the time limit
 */
public record Derivatives(String top, List<Local> locals, List<Total> totals, boolean stopped, Duration timeLimit) {
    public Derivatives {
        locals = List.copyOf(locals);
        totals = List.copyOf(totals);
    }

    /** A node, its definition, and its derivative by each name that definition uses. */
    public record Local(String node, Expr definition, List<Partial> partials) {
        public Local {
            partials = List.copyOf(partials);
        }
    }

    /** {@code d node / d wrt} of one step. */
    public record Partial(String wrt, Expr derivative) {
    }

    /** {@code d top / d wrt} in its three forms, see {@link ChainRule.Derivative}. */
    public record Total(String wrt, Expr step, Expr chained, Expr closed) {
    }

    /**
     * @param names the names to differentiate {@code top} with respect to, in the order to show
     * @param locals whether to compute every local derivative first
     * @throws CasException when the CAS hits its time or size bound
     */
    public static Derivatives compute(Graph graph, ChainRule rule, String top, List<String> names, boolean locals,
                                      Duration timeLimit) throws CasException {
        long deadline = System.nanoTime() + timeLimit.toNanos();
        List<Local> local = new ArrayList<>();
        if (locals) {
            for (var node : graph.nodes().entrySet()) {
                List<Partial> partials = new ArrayList<>();
                for (String p : graph.names()) {
                    if (graph.parents(node.getKey()).contains(p)) {
                        partials.add(new Partial(p, rule.local(node.getKey(), p)));
                    }
                }
                local.add(new Local(node.getKey(), node.getValue(), partials));
            }
        }
        List<Total> totals = new ArrayList<>();
        boolean stopped = false;
        for (String n : names) {
            if (System.nanoTime() > deadline) {
                stopped = true;
                break;
            }
            ChainRule.Derivative d = rule.derivative(top, n);
            totals.add(new Total(n, d.step(), d.chained(), d.closed()));
        }
        return new Derivatives(top, local, totals, stopped, timeLimit);
    }
}
