package org.gradaudit.check;

import java.util.ArrayList;
import java.util.List;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Exprs;
import org.gradaudit.model.Graph;
import org.gradaudit.symbolic.CasException;
import org.gradaudit.symbolic.ChainRule;

/** The factors the diagnoser tries as missing or extra in a wrong product. */
final class Factors {
    private Factors() {
    }

    /** Candidate missing factors: every name, every local derivative, every factor of the truth. */
    static List<Expr> candidates(Expr truthExpr, List<String> names, Graph truthGraph, ChainRule truth)
            throws CasException {
        List<Expr> out = new ArrayList<>();
        for (String n : names) {
            out.add(new Expr.Var(n));
        }
        for (String node : truthGraph.nodes().keySet()) {
            for (String p : truthGraph.parents(node)) {
                out.add(truth.local(node, p));
            }
        }
        collectFactors(truthExpr, out);
        return out;
    }

    /** The factors of every product in {@code e}, the outermost first. */
    private static void collectFactors(Expr e, List<Expr> out) {
        for (Expr x : Exprs.subtrees(e)) {
            if (x instanceof Expr.Bin b && b.op() == Expr.Op.DIV && !out.contains(b.right())) {
                out.add(b.right()); // a divisor, which a claim may lack
            }
            if (x instanceof Expr.Bin b && b.op() == Expr.Op.MUL) {
                for (Expr side : List.of(b.left(), b.right())) {
                    if (!(side instanceof Expr.Bin s && s.op() == Expr.Op.MUL) && !out.contains(side)) {
                        out.add(side);
                    }
                }
            }
        }
        if (!(e instanceof Expr.Bin b && b.op() == Expr.Op.MUL) && !out.contains(e)) {
            out.add(e);
        }
    }
}
