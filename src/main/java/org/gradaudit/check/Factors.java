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
     * n(n - 1)/2 - 1 runs of two or more factors shorter than itself.
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
        return candidates(truthExpr, null, names, truthGraph, truth);
    }

    /**
     * {@link #candidates(Expr, List, Graph, ChainRule)}, and last the product of the factors of the
     * truth that a claim made of some of them (and perhaps one other) lacks ({@code v*h*(1 - h)} for
     * {@code (p - y)*x} where the truth is {@code (p - y)*v*x*h*(1 - h)}): several factors left out of
     * a product, wherever they stood, are one factor missing from it (see {@link #lacking}).
     *
     * @param claimed the claim in the graph's names, or null
     */
    static List<Expr> candidates(Expr truthExpr, Expr claimed, List<String> names, Graph truthGraph, ChainRule truth)
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
        Expr lacking = claimed == null ? null : lacking(truthExpr, claimed);
        if (lacking != null && !out.contains(lacking)) {
            out.add(lacking);
        }
        return out;
    }

    /**
     * The product of the truth's factors that the claim's do not account for, in the truth's order,
     * when the claim shares a factor with the truth, every factor of the claim but at most one is one
     * of the truth's (each used once; a factor 1 counts for nothing), and at least two are left; else
     * null (one left is a candidate already, as a factor of the truth). With one factor of the claim
     * left over, the product is half of a pair: that factor too many, and this one missing
     * ({@code a1*(a2 - y)*(a2 - y)} for {@code (a2 - y)*W2*a1*(1 - a1)} lacks {@code W2*(1 - a1)}).
     */
    static Expr lacking(Expr truthExpr, Expr claimed) {
        List<Expr> left = Exprs.productFactors(truthExpr);
        List<Expr> have = Exprs.productFactors(claimed);
        if (left.size() > MAX_RUN_FACTORS * 2) {
            return null;
        }
        boolean shared = false;
        int over = 0;
        for (Expr f : have) {
            if (f instanceof Expr.Num n && n.value() == 1) {
                continue;
            }
            if (left.remove(f)) {
                shared = true;
            } else if (++over > 1) {
                return null;
            }
        }
        if (!shared || left.size() < 2) {
            return null;
        }
        return Exprs.product(left);
    }

    /** The runs of consecutive factors of every product chain in {@code e}, shorter than the chain. */
    private static void collectRuns(Expr e, List<Expr> out) {
        for (Expr x : Exprs.subtrees(e)) {
            if (!(x instanceof Expr.Bin b && b.op() == Expr.Op.MUL)) {
                continue;
            }
            List<Expr> chain = Exprs.productFactors(x);
            if (chain.size() > MAX_RUN_FACTORS) {
                continue;
            }
            for (int length = 2; length < chain.size(); length++) {
                for (int from = 0; from + length <= chain.size(); from++) {
                    Expr run = Exprs.product(chain.subList(from, from + length));
                    if (!out.contains(run)) {
                        out.add(run);
                    }
                }
            }
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
