package org.gradaudit.report;

import java.util.List;
import org.gradaudit.bounds.Deadline;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.ExprPrinter;
import org.gradaudit.model.Graph;
import org.gradaudit.model.Model;
import org.gradaudit.symbolic.CasException;
import org.gradaudit.symbolic.ChainRule;

/** The chain-rule steps of a graph as text, for teaching. */
public final class DeriveReport {
    private DeriveReport() {
    }

    /**
     * @param top the node differentiated
     * @param names the names to differentiate with respect to, in the order to print
     * @param locals whether to print every local derivative first
     * @param deadline when time is up (the chain rule's CAS calls end by it too); what is not
     *     reached by then is left out, and the output says so
     * @throws CasException when the CAS hits its time or size bound before the deadline
     */
    public static String render(Model model, ChainRule rule, String top, List<String> names, boolean locals,
                                Deadline deadline) throws CasException {
        Graph graph = model.graph();
        StringBuilder out = new StringBuilder();
        out.append("gradaudit derive ").append(model.derivation().file()).append('\n');
        try {
            if (locals) {
                out.append("\nLocal derivatives: each node by the names its definition uses\n");
                for (var node : graph.nodes().entrySet()) {
                    if (deadline.passed()) {
                        throw new CasException(deadline.describe() + " ran out");
                    }
                    out.append("  ").append(node.getKey()).append(" = ").append(print(node.getValue())).append('\n');
                    for (String p : graph.names()) {
                        if (graph.parents(node.getKey()).contains(p)) {
                            out.append("    d").append(node.getKey()).append("/d").append(p).append(" = ")
                                    .append(print(rule.local(node.getKey(), p))).append('\n');
                        }
                    }
                }
            }
            out.append("\nDerivatives of ").append(top).append(", by the chain rule in reverse over the graph\n");
            for (String n : names) {
                if (deadline.passed()) {
                    throw new CasException(deadline.describe() + " ran out");
                }
                ChainRule.Derivative d = rule.derivative(top, n);
                String lhs = "d" + top + "/d" + n;
                String pad = " ".repeat(lhs.length() + 3);
                out.append("  ").append(lhs).append(" = ").append(print(d.step())).append('\n');
                if (!d.chained().equals(d.step())) {
                    out.append("  ").append(pad).append("= ").append(print(d.chained())).append('\n');
                }
                out.append("  ").append(pad).append("= ").append(print(d.closed())).append('\n');
            }
        } catch (CasException e) {
            if (!deadline.passed()) {
                throw e;
            }
            out.append("  (stopped: ").append(deadline.describe())
                    .append(" ran out; raise --time-limit or ask for one derivative with --wrt)\n");
        }
        return TerminalText.escape(out.toString()); // the file name is a stranger's text
    }

    private static String print(Expr e) {
        return ExprPrinter.print(e);
    }
}
