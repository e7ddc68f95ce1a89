package org.gradaudit.report;

import org.gradaudit.bounds.Deadline;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.ExprPrinter;
import org.gradaudit.model.Model;
import org.gradaudit.symbolic.ChainRule;
import org.gradaudit.symbolic.DeriveSteps;

/** The chain-rule steps of a graph as text, for teaching. */
public final class DeriveReport {
    private DeriveReport() {
    }

    /**
     * The derivatives, as computed, with the derivation file they come from; escaped for a terminal,
     * since the file name and the formulas are a stranger's text.
     */
    public static String render(Model model, DeriveSteps derivatives) {
        StringBuilder out = new StringBuilder();
        out.append("gradaudit derive ").append(model.derivation().file()).append('\n');
        if (!derivatives.locals().isEmpty() || derivatives.stop() == DeriveSteps.Stop.IN_LOCALS) {
            out.append("\nLocal derivatives: each node by the names its definition uses\n");
            for (DeriveSteps.Local node : derivatives.locals()) {
                out.append("  ").append(node.node()).append(" = ").append(print(node.definition())).append('\n');
                for (DeriveSteps.Partial p : node.partials()) {
                    out.append("    d").append(node.node()).append("/d").append(p.wrt()).append(" = ")
                            .append(print(p.value())).append('\n');
                }
            }
        }
        String top = derivatives.top();
        if (derivatives.stop() != DeriveSteps.Stop.IN_LOCALS) {
            out.append("\nDerivatives of ").append(top).append(", by the chain rule in reverse over the graph\n");
        }
        for (ChainRule.Derivative d : derivatives.derivatives()) {
            String lhs = "d" + top + "/d" + d.wrt();
            String pad = " ".repeat(lhs.length() + 3);
            out.append("  ").append(lhs).append(" = ").append(print(d.step())).append('\n');
            if (!d.chained().equals(d.step())) {
                out.append("  ").append(pad).append("= ").append(print(d.chained())).append('\n');
            }
            out.append("  ").append(pad).append("= ").append(print(d.closed())).append('\n');
        }
        if (derivatives.stopped()) {
            out.append("  (stopped: ").append(Deadline.describe(derivatives.timeLimit()))
                    .append(" ran out; raise --time-limit or ask for one derivative with --wrt)\n");
        }
        return TerminalText.escape(out.toString()); // the file name is a stranger's text
    }

    private static String print(Expr e) {
        return ExprPrinter.print(e);
    }
}
