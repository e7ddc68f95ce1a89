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

    /**
     * Most factors of one product whose runs are candidates: a product of n factors has
     * (n - 1)(n - 2)/2 runs shorter than itself.
     */
    private static final int MAX_RUN_FACTORS = 8;

    /**
     * Candidate missing factors: every name, every local derivative, every factor of the truth, and
     * every run of two or more consecutive factors of a product of the truth ({@code a*(1 - a)} in
     * {@code (a - y)*x*a*(1 - a)}, an activation's derivative where the file has no node for the
     * pre-activation, so that no local derivative is that run alone), after the others.
     */
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
        collectRuns(truthExpr, out);
        return out;
    }

    /** The runs of consecutive factors of every product chain in {@code e}, shorter than the chain. */
    private static void collectRuns(Expr e, List<Expr> out) {
        for (Expr x : Exprs.subtrees(e)) {
            if (!(x instanceof Expr.Bin b && b.op() == Expr.Op.MUL)) {
                continue;
            }
            List<Expr> chain = new ArrayList<>();
            flatten(x, chain);
            if (chain.size() > MAX_RUN_FACTORS) {
                continue;
            }
            for (int length = 2; length < chain.size(); length++) {
                for (int from = 0; from + length <= chain.size(); from++) {
                    Expr run = chain.get(from);
                    for (int i = from + 1; i < from + length; i++) {
                        run = Expr.mul(run, chain.get(i));
                    }
                    if (!out.contains(run)) {
                        out.add(run);
                    }
                }
            }
        }
    }

    private static void flatten(Expr e, List<Expr> out) {
        if (e instanceof Expr.Bin b && b.op() == Expr.Op.MUL) {
            flatten(b.left(), out);
            flatten(b.right(), out);
        } else {
            out.add(e);
        }
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
