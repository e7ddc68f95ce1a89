package org.gradaudit.check;

import org.gradaudit.check.tolerance.BoundedAgreement;
import org.gradaudit.check.tolerance.PrintedDigits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.gradaudit.bounds.Deadline;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Exprs;
import org.gradaudit.expr.WrittenOut;
import org.gradaudit.numeric.BoundedValue;
import org.gradaudit.numeric.ErrorEvaluator;
import org.gradaudit.numeric.Evaluators;
import org.gradaudit.numeric.SharedErrorCompiler;
import org.gradaudit.symbolic.Cas;
import org.gradaudit.symbolic.ZeroTest;

/**
 * Compares a claimed expression with the true one, both in the graph's names: at every random
 * point (numerically, within {@link BoundedAgreement}) and as a difference that simplifies to zero
 * (symbolically, first with the nodes as symbols, then expanded down to the variables).
 */
final class Judge {
    private final Cas cas;
    private final BoundedAgreement tolerance;
    /** Statements repeat (a tutorial restates its code); each difference is tested once. */
    private final Map<Expr, ZeroTest> zeroTests = new java.util.HashMap<>();
    /**
     * Bounds on symbolic proofs, which only upgrade a claim already equal at every point from
     * "equal at N points" to "proven": one zero test, all of an audit's together, and the size of a
     * difference expanded down to the variables (past it the expansion is not worth the CAS's time).
     * The times are processor time of the CAS thread ({@link Cas#cpuNanos}), so that an audit proves
     * the same claims on a loaded machine as on a quiet one.
     */
    static final java.time.Duration PER_PROOF = java.time.Duration.ofMillis(1500);
    static final java.time.Duration TOTAL_CAS = java.time.Duration.ofSeconds(4);
    static final int MAX_EXPANDED = 600;
    /** Largest data node (one of inputs alone, such as y2 = 1 - y1), expanded, that the first zero test expands. */
    static final int MAX_DATA_NODE = 32;
    /** Largest difference that gets Symja's full Simplify, which is slow and time-outs cost a session. */
    static final int MAX_FULL = 120;
    private long casSpent;

    private final Deadline deadline;
    /** Compiles the hypotheses' formulas, which share most of their trees with each other. */
    private SharedErrorCompiler hypotheses;

    Judge(Cas cas, BoundedAgreement tolerance) {
        this(cas, tolerance, Deadline.NONE);
    }

    /** A judge whose zero tests, and whose diagnoser's hypotheses, end by {@code deadline}. */
    Judge(Cas cas, BoundedAgreement tolerance, Deadline deadline) {
        this.cas = cas;
        this.tolerance = tolerance;
        this.deadline = deadline;
    }

    Deadline deadline() {
        return deadline;
    }

    BoundedAgreement tolerance() {
        return tolerance;
    }

    /**
     * @param points the points, already holding any 'where' values
     * @param expand rewrites an expression down to the variables (with 'where' values substituted), or
     *     gives null when the result would be too large to be worth handing to the CAS
     * @param printed the claimed side's printed precision when it is a decimal number (a worked value),
     *     which then also agrees where the true value rounds to it; such a claim is not proven
     */
    Judgement judge(Expr claimed, Expr truth, Points points, List<double[]> at, Function<Expr, Expr> expand,
                    Optional<PrintedDigits> printed) {
        ErrorEvaluator c = Evaluators.compileWithError(claimed, points.slots());
        ErrorEvaluator t = Evaluators.compileWithError(truth, points.slots());
        int compared = 0;
        double maxRel = 0;
        Finding.Counterexample failure = null;
        boolean rounded = false;
        for (double[] p : at) {
            BoundedValue cv = c.eval(p);
            BoundedValue tv = t.eval(p);
            if (!BoundedAgreement.comparable(cv, tv)) {
                continue;
            }
            compared++;
            double diff = Math.abs(cv.value() - tv.value());
            double scale = Math.max(Math.abs(cv.value()), Math.abs(tv.value()));
            maxRel = Math.max(maxRel, scale == 0 ? 0 : diff / scale);
            if (failure == null && !tolerance.equal(cv, tv)
                    && !withinNodeRounding(c, t, cv, tv, p, claimed, truth, points)) {
                if (printed.isPresent() && printed.get().agrees(cv.value(), tv.value())) {
                    rounded = true;
                    continue;
                }
                failure = new Finding.Counterexample(points.describe(p), used(claimed, truth, points, p), cv.value(),
                        tv.value());
            }
        }
        if (failure != null) {
            // A point where the two differ beyond their rounding bounds is itself a disproof.
            return new Judgement(compared, maxRel, failure, Finding.Symbolic.DIFFERENT, "");
        }
        if (rounded) {
            return new Judgement(compared, maxRel, null, Finding.Symbolic.UNKNOWN, "the claim is " + printed.get().sentence());
        }
        // the truth reads activations written out as the functions they are (WrittenOut); so does the claim
        Expr read = WrittenOut.recognize(claimed);
        if (Canonical.of(read).equals(Canonical.of(truth))) {
            return new Judgement(compared, maxRel, null, Finding.Symbolic.EQUAL, "");
        }
        if (casSpent > TOTAL_CAS.toNanos()) {
            return new Judgement(compared, maxRel, null, Finding.Symbolic.UNKNOWN, "the audit's time for symbolic proofs ("
                    + TOTAL_CAS.toSeconds() + " s) was spent; the numeric comparison stands");
        }
        // Cheap forms first: nodes as symbols, in full only while small; expanded, only the quick forms.
        Expr difference = Expr.sub(read, truth);
        // The nodes of inputs alone (a target y2 = 1 - y1) are data: expanding them loses no identity
        // of the nodes as symbols and is often all that keeps a difference from 0.
        Expr symbols = inputNodesExpanded(difference, points.graph());
        ZeroTest zero = isZero(symbols, Exprs.size(symbols) <= MAX_FULL);
        boolean tooLarge = false;
        if (zero == ZeroTest.NOT_PROVEN) {
            Expr expanded = expand.apply(difference);
            tooLarge = expanded == null;
            zero = tooLarge || Exprs.size(expanded) > MAX_EXPANDED ? ZeroTest.GAVE_UP
                    : isZero(expanded, Exprs.size(expanded) <= MAX_FULL);
            // a claim in exponentials against a truth in sigmoids (exp(-z)/(1 + exp(-z))^2 for a*(1 - a)):
            // the CAS keeps the activations opaque, so they are written out too
            Expr written = zero == ZeroTest.NOT_PROVEN ? WrittenOut.writeOut(expanded) : expanded;
            if (written != expanded && Exprs.size(written) <= MAX_EXPANDED) {
                zero = isZero(written, Exprs.size(written) <= MAX_FULL);
            }
        }
        if (zero == ZeroTest.ZERO) {
            return new Judgement(compared, maxRel, null, Finding.Symbolic.EQUAL, "");
        }
        return new Judgement(compared, maxRel, null, Finding.Symbolic.UNKNOWN, tooLarge
                ? "the difference is too large to expand down to the inputs for the CAS"
                : zero == ZeroTest.GAVE_UP ? "the CAS hit its time or size bound"
                : "the CAS could not simplify the difference to 0");
    }

    /**
     * {@code e} with every node that reads no parameter, through any node between, replaced by its
     * definition (such nodes are data: {@code y2 = 1 - y1}); the other nodes stay symbols.
     */
    static Expr inputNodesExpanded(Expr e, org.gradaudit.model.Graph graph) {
        List<String> nodes = new ArrayList<>(graph.nodes().keySet());
        Expr out = e;
        for (int i = nodes.size() - 1; i >= 0; i--) {
            String n = nodes.get(i);
            // only small data nodes: a graph of inputs alone may nest them exponentially deep
            if (graph.isData(n) && Exprs.variables(out).contains(n) && graph.expandedSize(new Expr.Var(n)) <= MAX_DATA_NODE) {
                out = Exprs.substitute(out, Map.of(n, graph.nodes().get(n)));
                if (Exprs.size(out) > MAX_EXPANDED) {
                    return e;
                }
            }
        }
        return out;
    }

    /** Whether the difference is within what the rounding of the node values both formulas read can make. */
    private boolean withinNodeRounding(ErrorEvaluator c, ErrorEvaluator t, BoundedValue cv, BoundedValue tv, double[] p,
                                       Expr claimed, Expr truth, Points points) {
        double spread = new NodeRounding(List.of(claimed, truth), points).spread(c, t, p);
        return Math.abs(cv.value() - tv.value()) <= tolerance.allowed(cv, tv) + tolerance.safety() * spread;
    }

    private ZeroTest isZero(Expr difference, boolean full) {
        ZeroTest known = zeroTests.get(difference);
        if (known == null) {
            long start = cas.cpuNanos();
            known = full ? cas.isZero(difference, deadline) : cas.isZeroQuickly(difference, PER_PROOF, deadline);
            casSpent += cas.cpuNanos() - start;
            zeroTests.put(difference, known);
        }
        return known;
    }

    /** Whether {@code candidate} equals the true values at every given point (for hypotheses). */
    boolean matches(Expr candidate, List<double[]> at, List<BoundedValue> truth, List<String> slots) {
        ErrorEvaluator c;
        try {
            if (hypotheses == null || !hypotheses.slots().equals(slots)) {
                hypotheses = new SharedErrorCompiler(slots);
            }
            c = hypotheses.compile(candidate);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return agree(i -> c.eval(at.get(i)), truth::get, at.size());
    }

    /**
     * Whether the {@code n} values of {@code candidate} equal those of {@code truth}, by the rule of
     * {@link #matches}; both are asked for one point at a time, in order, and no further than the first
     * point where they differ.
     */
    boolean agree(IntFunction<BoundedValue> candidate, IntFunction<BoundedValue> truth, int n) {
        int compared = 0;
        for (int i = 0; i < n; i++) {
            int a = agreement(candidate.apply(i), truth.apply(i));
            if (a < 0) {
                return false;
            }
            compared += a;
        }
        return compared >= Math.min(4, n);
    }

    /** 1 where the two values are equal, 0 where they cannot be compared (a NaN), -1 where they differ. */
    private int agreement(BoundedValue cv, BoundedValue tv) {
        return !BoundedAgreement.comparable(cv, tv) ? 0 : tolerance.equal(cv, tv) ? 1 : -1;
    }

    /**
     * The values of {@code e} at the points, each evaluated when it is first asked for: a formula compared
     * with several others is mostly told apart from all of them at its first point.
     *
     * @throws IllegalArgumentException if {@code e} cannot be evaluated with these slots
     */
    static IntFunction<BoundedValue> lazyValues(Expr e, List<double[]> at, List<String> slots) {
        ErrorEvaluator ev = Evaluators.compileWithError(e, slots);
        BoundedValue[] out = new BoundedValue[at.size()];
        return i -> {
            if (out[i] == null) {
                out[i] = ev.eval(at.get(i));
            }
            return out[i];
        };
    }

    /** The true values at the points, for {@link #matches}. */
    static List<BoundedValue> values(Expr e, List<double[]> at, List<String> slots) {
        ErrorEvaluator ev = Evaluators.compileWithError(e, slots);
        List<BoundedValue> out = new ArrayList<>();
        for (double[] p : at) {
            out.add(ev.eval(p));
        }
        return out;
    }

    /** The values at {@code p} of the names the two formulas use, in slot order. */
    private static Map<String, Double> used(Expr claimed, Expr truth, Points points, double[] p) {
        java.util.Set<String> names = new java.util.HashSet<>(org.gradaudit.expr.Exprs.variables(claimed));
        names.addAll(org.gradaudit.expr.Exprs.variables(truth));
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (String s : points.slots()) {
            if (names.contains(s)) {
                out.put(s, p[points.slot(s)]);
            }
        }
        return out;
    }
}
