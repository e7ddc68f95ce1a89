package org.gradaudit.check;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Exprs;
import org.gradaudit.model.Functions;
import org.gradaudit.model.Graph;
import org.gradaudit.symbolic.CasException;
import org.gradaudit.symbolic.ChainRule;

/**
 * The loss as written, when the audit judges derivatives against its corrected (negated) form: a
 * right claim that holds only for the corrected loss says so, and a wrong one that follows from the
 * loss as written names the loss line as where its mistake comes from.
 */
final class WrittenLoss {
    /** What a claim's comparison with the written loss adds: the loss line it depends on, and a sentence. */
    record Remark(int correctedLoss, boolean fromWrittenLoss, String text) {
        static final Remark NONE = new Remark(0, false, "");
    }

    private final ChainRule written;
    private final Graph truthGraph;
    private final int lossLine;
    private final Judge judge;

    /** @param written the chain rule over the graph with the loss as written */
    WrittenLoss(ChainRule written, Graph truthGraph, int lossLine, Judge judge) {
        this.written = written;
        this.truthGraph = truthGraph;
        this.lossLine = lossLine;
        this.judge = judge;
    }

    /** Compares a claim of dA/dB with the written loss's derivative; {@code holds} is the verdict against the truth. */
    Remark remark(Expr claimed, Expr.Deriv target, boolean holds, List<double[]> at, List<String> slots)
            throws CasException {
        if (target == null || !truthGraph.dependsOn(target.of(), truthGraph.loss()) || target.of().equals(target.wrt())) {
            return Remark.NONE;
        }
        Expr writtenTruth = written.derivative(target.of(), target.wrt()).closed();
        boolean matchesWritten = judge.matches(claimed, at, Judge.values(writtenTruth, at, slots), slots);
        if (holds && !matchesWritten) {
            return new Remark(lossLine, false, " It holds for the corrected loss; for the loss as written (line "
                    + lossLine + ") it would be " + Display.print(writtenTruth) + ".");
        }
        if (!holds && matchesWritten) {
            return new Remark(0, true, " It follows from the loss as written (line " + lossLine
                    + "), which has the wrong sign.");
        }
        return Remark.NONE;
    }

    /** An update's step with the written loss's gradients in place of its Leibniz atoms. */
    Expr step(Expr step, Functions functions) throws CasException {
        Map<Expr.Deriv, Expr> values = new HashMap<>();
        for (Expr.Deriv d : Exprs.derivatives(step)) {
            values.put(d, written.derivative(d.of(), d.wrt()).closed());
        }
        return Exprs.substituteDerivatives(functions.inline(step), values);
    }
}
