package org.gradaudit.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Exprs;
import org.gradaudit.model.Graph;
import org.gradaudit.numeric.BoundedValue;
import org.gradaudit.symbolic.CasException;
import org.gradaudit.symbolic.ChainRule;

/**
 * Which earlier wrong lines a statement's value comes from. Lines that use named gradients
 * consume the value the last earlier line gave that gradient (code lines from code lines, in the
 * order the published code runs; Leibniz claims from Leibniz claims); a closed-form claim inherits
 * a wrong line's mistake when it equals that line's value carried on by the chain rule.
 */
final class Blame {
    private final List<Finding> findings;
    private final Graph graph;
    private final ChainRule truth;
    private final Judge judge;
    private final List<String> slots;
    /** Per finding index: the claimed value in the graph's names (Leibniz atoms given true values). */
    private final Map<Integer, Expr> claimedValues = new HashMap<>();
    /** The derivative a finding claims, keyed by finding index. */
    private final Map<Integer, Expr.Deriv> claimedTargets = new HashMap<>();
    /** Last finding index of a Leibniz claim of each derivative, and of a code line assigning each gradient. */
    private final Map<Expr.Deriv, Integer> lastClaim = new HashMap<>();
    private final Map<Expr.Deriv, Integer> lastCode = new HashMap<>();

    /** @param findings the audit's findings so far, in file order; read, never written, here */
    Blame(List<Finding> findings, Graph graph, ChainRule truth, Judge judge, List<String> slots) {
        this.findings = findings;
        this.graph = graph;
        this.truth = truth;
        this.judge = judge;
        this.slots = slots;
    }

    /** Records what the statement about to become finding {@code index} claims. */
    void claims(int index, Expr value, Expr.Deriv target) {
        claimedValues.put(index, value);
        if (target != null) {
            claimedTargets.put(index, target);
        }
    }

    /** Records that finding {@code index} gave {@code target} a value, for the lines after it. */
    void assigns(int index, Expr.Deriv target, boolean code) {
        (code ? lastCode : lastClaim).put(target, index);
    }

    /** Lines of wrong findings whose values this statement consumes, transitively. */
    List<Integer> consumed(Expr claimedWritten, boolean code) {
        Set<Integer> out = new LinkedHashSet<>();
        Map<Expr.Deriv, Integer> source = code ? lastCode : lastClaim;
        for (Expr.Deriv d : Exprs.derivatives(claimedWritten)) {
            Integer i = source.get(d);
            if (i != null) {
                Finding f = findings.get(i);
                if (f.verdict() == Verdict.WRONG) {
                    out.add(f.line());
                }
                out.addAll(f.upstream());
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * The index of the wrong finding whose claimed value, carried on by the chain rule, gives this
     * claim: an earlier wrong claim of dA/dB' such that dA/dB = dA/dB' * dB'/dB and claimed = (its
     * value) * dB'/dB at every point; null when there is none.
     */
    Integer inherited(int index, Expr claimed, Expr.Deriv target, List<double[]> at, List<BoundedValue> truthValues)
            throws CasException {
        if (target == null) {
            return null;
        }
        for (int i = index - 1; i >= 0; i--) {
            Expr.Deriv other = claimedTargets.get(i);
            if (other == null || findings.get(i).verdict() != Verdict.WRONG || !other.of().equals(target.of())
                    || other.wrt().equals(target.wrt()) || !graph.dependsOn(other.wrt(), target.wrt())) {
                continue;
            }
            Expr link = truth.derivative(other.wrt(), target.wrt()).closed();
            Expr viaTruth = Expr.mul(truth.derivative(other.of(), other.wrt()).closed(), link);
            if (!judge.matches(viaTruth, at, truthValues, slots)) {
                continue;
            }
            List<BoundedValue> claimedHere = Judge.values(claimed, at, slots);
            if (judge.matches(Expr.mul(claimedValues.get(i), link), at, claimedHere, slots)) {
                return i;
            }
        }
        return null;
    }
}
