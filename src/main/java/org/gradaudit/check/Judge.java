package org.gradaudit.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.gradaudit.bounds.Deadline;
import org.gradaudit.expr.Expr;
import org.gradaudit.numeric.BoundedValue;
import org.gradaudit.numeric.ErrorEvaluator;
import org.gradaudit.numeric.Evaluators;
import org.gradaudit.symbolic.Cas;
import org.gradaudit.symbolic.ZeroTest;

/**
 * Compares a claimed expression with the true one, both in the graph's names: at every random
 * point (numerically, within {@link Tolerance}) and as a difference that simplifies to zero
 * (symbolically, first with the nodes as symbols, then expanded down to the variables).
 */
final class Judge {
    private final Cas cas;
    private final Tolerance tolerance;
    /** Statements repeat (a tutorial restates its code); each difference is tested once. */
    private final Map<Expr, ZeroTest> zeroTests = new java.util.HashMap<>();

    private final Deadline deadline;

    Judge(Cas cas, Tolerance tolerance) {
        this(cas, tolerance, Deadline.NONE);
    }

    /** A judge whose zero tests, and whose diagnoser's hypotheses, end by {@code deadline}. */
    Judge(Cas cas, Tolerance tolerance, Deadline deadline) {
        this.cas = cas;
        this.tolerance = tolerance;
        this.deadline = deadline;
    }

    Deadline deadline() {
        return deadline;
    }

    Tolerance tolerance() {
        return tolerance;
    }

    /**
     * @param points the points, already holding any 'where' values
     * @param expand rewrites an expression down to the variables (with 'where' values substituted), or
     *     gives null when the result would be too large to be worth handing to the CAS
     */
    Judgement judge(Expr claimed, Expr truth, Points points, List<double[]> at, Function<Expr, Expr> expand) {
        ErrorEvaluator c = Evaluators.compileWithError(claimed, points.slots());
        ErrorEvaluator t = Evaluators.compileWithError(truth, points.slots());
        int compared = 0;
        double maxRel = 0;
        Finding.Counterexample failure = null;
        for (double[] p : at) {
            BoundedValue cv = c.eval(p);
            BoundedValue tv = t.eval(p);
            if (!Tolerance.comparable(cv, tv)) {
                continue;
            }
            compared++;
            double diff = Math.abs(cv.value() - tv.value());
            double scale = Math.max(Math.abs(cv.value()), Math.abs(tv.value()));
            maxRel = Math.max(maxRel, scale == 0 ? 0 : diff / scale);
            if (failure == null && !tolerance.equal(cv, tv)) {
                failure = new Finding.Counterexample(points.describe(p), used(claimed, truth, points, p), cv.value(),
                        tv.value());
            }
        }
        if (failure != null) {
            // A point where the two differ beyond their rounding bounds is itself a disproof.
            return new Judgement(compared, maxRel, failure, Finding.Symbolic.DIFFERENT, "");
        }
        if (Canonical.of(claimed).equals(Canonical.of(truth))) {
            return new Judgement(compared, maxRel, null, Finding.Symbolic.EQUAL, "");
        }
        ZeroTest zero = isZero(Expr.sub(claimed, truth));
        boolean tooLarge = false;
        if (zero == ZeroTest.NOT_PROVEN) {
            Expr expanded = expand.apply(Expr.sub(claimed, truth));
            tooLarge = expanded == null;
            zero = tooLarge ? ZeroTest.GAVE_UP : isZero(expanded);
        }
        if (zero == ZeroTest.ZERO) {
            return new Judgement(compared, maxRel, null, Finding.Symbolic.EQUAL, "");
        }
        return new Judgement(compared, maxRel, null, Finding.Symbolic.UNKNOWN, tooLarge
                ? "the difference is too large to expand down to the inputs for the CAS"
                : zero == ZeroTest.GAVE_UP ? "the CAS hit its time or size bound"
                : "the CAS could not simplify the difference to 0");
    }

    private ZeroTest isZero(Expr difference) {
        ZeroTest known = zeroTests.get(difference);
        if (known == null) {
            known = cas.isZero(difference, deadline);
            zeroTests.put(difference, known);
        }
        return known;
    }

    /** Whether {@code candidate} equals the true values at every given point (for hypotheses). */
    boolean matches(Expr candidate, List<double[]> at, List<BoundedValue> truth, List<String> slots) {
        ErrorEvaluator c;
        try {
            c = Evaluators.compileWithError(candidate, slots);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int compared = 0;
        for (int i = 0; i < at.size(); i++) {
            BoundedValue cv = c.eval(at.get(i));
            BoundedValue tv = truth.get(i);
            if (!Tolerance.comparable(cv, tv)) {
                continue;
            }
            if (!tolerance.equal(cv, tv)) {
                return false;
            }
            compared++;
        }
        return compared >= Math.min(4, at.size());
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
