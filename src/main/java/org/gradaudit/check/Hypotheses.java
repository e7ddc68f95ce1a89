package org.gradaudit.check;

import java.util.ArrayList;
import java.util.List;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Exprs;
import org.gradaudit.model.Graph;
import org.gradaudit.symbolic.Cas;
import org.gradaudit.symbolic.CasException;
import org.gradaudit.symbolic.ChainRule;

/**
 * Which families of hypotheses a statement is diagnosed with, and in what order around the
 * diagnoser's own: the early ones (a parameter the quantity does not use, a gradient name swapped in
 * a code line, averaging, a wrong derivative, an activation's input for its output) before the
 * constant factor, the late ones (a term missing or extra, a wrong operator) after the diagnoser's
 * own single changes. One instance serves one audit's graph.
 */
final class Hypotheses {
    /**
     * The families for one statement.
     *
     * @param early tried before the constant factor
     * @param late tried after the diagnoser's own single changes
     */
    record Plan(List<HypothesisFamily> early, List<HypothesisFamily> late) {
        Plan {
            early = List.copyOf(early);
            late = List.copyOf(late);
        }

        /** The families that need no graph, for formulas that stand on their own. */
        static Plan generic() {
            return new Plan(List.of(new AveragingHypotheses(n -> false)),
                    List.of(new OperatorHypotheses(), new TermHypotheses(List.of(new TermHypotheses.Term(Expr.num(1), ""))),
                            new InnerTermHypotheses()));
        }

        /** This plan with {@code family} tried first of the late ones. */
        Plan withLateFirst(HypothesisFamily family) {
            List<HypothesisFamily> l = new ArrayList<>(late.size() + 1);
            l.add(family);
            l.addAll(late);
            return new Plan(early, l);
        }

        /** Every family, for the search for two changes: the early ones, the diagnoser's own, the late ones. */
        List<HypothesisFamily> all() {
            List<HypothesisFamily> out = new ArrayList<>(early);
            out.add(new ClassicHypotheses());
            out.addAll(late);
            return out;
        }
    }

    private final Graph graph;
    private final ChainRule truth;
    private final List<Activation> activations;
    /** The calls of a function on one name inside the graph's definitions, for a name written where its call belongs. */
    private final List<Expr.Call> calls;
    private final DerivativeHypotheses derivatives;
    private final AveragingHypotheses averaging;

    Hypotheses(Graph graph, ChainRule truth, Cas cas, Judge judge) {
        this.graph = graph;
        this.truth = truth;
        this.activations = Activation.of(graph);
        java.util.Set<Expr.Call> own = new java.util.LinkedHashSet<>();
        graph.nodes().forEach((node, def) -> Exprs.subtrees(def).stream()
                .filter(x -> x instanceof Expr.Call c && c.args().size() == 1 && c.args().get(0) instanceof Expr.Var
                        && x != def)
                .forEach(x -> own.add((Expr.Call) x)));
        this.calls = List.copyOf(own);
        this.derivatives = new DerivativeHypotheses(activations, truth, judge);
        Expr loss = graph.loss() == null ? null : graph.nodes().get(graph.loss());
        this.averaging = new AveragingHypotheses(n -> loss != null && Exprs.subtrees(loss).stream()
                .anyMatch(x -> x instanceof Expr.Bin b && b.op() == Expr.Op.DIV && AveragingHypotheses.count(b.right()) == n));
    }

    /**
     * The plan for one statement.
     *
     * @param truthExpr the statement's true value
     * @param target the derivative it claims (a code line's dL/dX included), or null
     * @param code whether it is a code line, whose gradients are plain names
     */
    Plan forStatement(Expr truthExpr, Expr.Deriv target, boolean code) {
        List<HypothesisFamily> early = new ArrayList<>();
        if (target != null && !target.of().equals(target.wrt()) && !graph.dependsOn(target.of(), target.wrt())) {
            early.add(new UnusedHypotheses(target.of(), target.wrt()));
        }
        // The code's gradients are of the loss, or, in a circuit without one ('grad dx = df/dx'), of
        // the quantity the line's own gradient is of.
        String of = graph.loss() != null ? graph.loss() : target == null ? null : target.of();
        if (code && of != null) {
            // Nodes before variables: dz2 is the gradient a line means, db2 = dz2 only a copy of it.
            List<String> gradients = new ArrayList<>(graph.nodes().keySet());
            gradients.addAll(graph.variables().keySet());
            gradients.removeIf(n -> n.equals(of) || !graph.dependsOn(of, n)
                    || target != null && n.equals(target.wrt()));
            // The consumers of the line's quantity first: by the chain rule, theirs are the gradients it reads.
            if (target != null) {
                gradients.sort(java.util.Comparator.comparing(n -> !graph.parents(n).contains(target.wrt())));
            }
            early.add(new GradientNameHypotheses(of, gradients));
        }
        early.add(averaging);
        early.add(derivatives);
        early.add(new ArgumentHypotheses(activations, calls));
        List<HypothesisFamily> late = List.of(new TermHypotheses(terms(truthExpr, target, code)),
                new OperatorHypotheses(), new InnerTermHypotheses());
        return new Plan(early, late);
    }

    /** Terms that may be missing: the chain rule's one-step terms, the truth's own terms, and 1. */
    private List<TermHypotheses.Term> terms(Expr truthExpr, Expr.Deriv target, boolean code) {
        List<TermHypotheses.Term> out = new ArrayList<>();
        // With one path, its term is the whole truth: "a term missing" would replace the claim, not mend it.
        if (target != null && graph.dependsOn(target.of(), target.wrt()) && !target.of().equals(target.wrt())
                && graph.nodes().keySet().stream().filter(c -> graph.parents(c).contains(target.wrt())
                        && graph.dependsOn(target.of(), c)).count() > 1) {
            for (String c : graph.nodes().keySet()) {
                if (graph.parents(c).contains(target.wrt()) && graph.dependsOn(target.of(), c)) {
                    Expr link;
                    try {
                        // the local derivative: dz2/dx as a Leibniz atom would be the total one, every path included
                        link = truth.local(c, target.wrt());
                    } catch (CasException e) {
                        continue;
                    }
                    Expr term = c.equals(target.of()) ? link : Expr.mul(new Expr.Deriv(target.of(), c), link);
                    out.add(new TermHypotheses.Term(term, "the path through " + c));
                }
            }
        }
        out.addAll(ownTerms(truthExpr));
        return out;
    }

    /** The additive terms of every sum in the truth, at any depth, and the constant 1. */
    static List<TermHypotheses.Term> ownTerms(Expr truthExpr) {
        List<TermHypotheses.Term> out = new ArrayList<>();
        java.util.Set<Expr> seen = new java.util.HashSet<>();
        for (Expr x : Exprs.subtrees(truthExpr)) {
            if (x instanceof Expr.Bin b && (b.op() == Expr.Op.ADD || b.op() == Expr.Op.SUB) && seen.size() < MAX_TERMS) {
                List<Expr> own = new ArrayList<>();
                sumTerms(x, false, own);
                own.stream().filter(seen::add).forEach(t -> out.add(new TermHypotheses.Term(t, "")));
            }
        }
        if (seen.add(Expr.num(1))) {
            out.add(new TermHypotheses.Term(Expr.num(1), ""));
        }
        return out;
    }

    /** Most of the truth's own terms proposed as missing. */
    private static final int MAX_TERMS = 24;

    private static void sumTerms(Expr e, boolean negated, List<Expr> out) {
        if (e instanceof Expr.Bin b && (b.op() == Expr.Op.ADD || b.op() == Expr.Op.SUB)) {
            sumTerms(b.left(), negated, out);
            sumTerms(b.right(), negated ^ (b.op() == Expr.Op.SUB), out);
        } else {
            out.add(negated ? Rewrites.negate(e) : e);
        }
    }
}
