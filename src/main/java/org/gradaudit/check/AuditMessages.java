package org.gradaudit.check;

import java.util.List;
import org.gradaudit.expr.Expr;

/** The sentences of the audit's findings that are built from several parts. */
final class AuditMessages {
    private AuditMessages() {
    }

    /** The sentence on the wrong lines a correct statement consumes (the loss line aside), or "". */
    static String consumed(List<Integer> upstream, int lossLine) {
        List<Integer> wrong = upstream.stream().filter(l -> l != lossLine).toList();
        return wrong.isEmpty() ? "" : " It consumes the wrong value of line" + (wrong.size() > 1 ? "s " : " ")
                + wrong.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("")
                + ", so its result is wrong until that is fixed.";
    }

    /**
     * Why a statement is wrong: the diagnosis's detail, or the wrong line it inherits from, the
     * chain rule where the chain is wrong, the expected value and the correction.
     *
     * @param inheritedLine the line whose wrong value this one carries on, or 0
     * @param cutShort whether the time limit ran out before the diagnoser found the kind of mistake
     * @param chain the chained form of the target, for a wrong chain; else null
     * @param fix the corrected formula, or null
     */
    static String wrong(String lhs, Diagnoser.Hypothesis h, int inheritedLine, boolean cutShort, Expr.Deriv target,
                        String chain, String expected, String fix) {
        StringBuilder msg = new StringBuilder();
        msg.append(lhs).append(" is wrong: ");
        if (h != null) {
            msg.append(h.detail()).append(". ");
        } else if (inheritedLine > 0) {
            msg.append("it is what line ").append(inheritedLine)
                    .append("'s wrong value gives when carried on by the chain rule. ");
        } else if (cutShort) {
            msg.append("the time limit ran out before the kind of mistake was found. ");
        } else {
            msg.append("no single change explains it. ");
        }
        if (chain != null) {
            msg.append("The chain rule gives ").append(target).append(" = ").append(chain).append(". ");
        }
        msg.append("Expected ").append(expected).append(fix == null ? "." : "; corrected: " + fix + ".");
        return msg.toString();
    }
}
