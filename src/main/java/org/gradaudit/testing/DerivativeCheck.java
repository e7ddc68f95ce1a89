package org.gradaudit.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.gradaudit.expr.Builtins;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.ExprParser;
import org.gradaudit.expr.ExprPrinter;
import org.gradaudit.expr.ExprSyntaxException;
import org.gradaudit.expr.Exprs;
import org.gradaudit.expr.Names;
import org.gradaudit.expr.Scope;
import org.gradaudit.numeric.Estimate;
import org.gradaudit.numeric.Evaluator;
import org.gradaudit.numeric.Evaluators;
import org.gradaudit.numeric.FiniteDifferences;
import org.gradaudit.symbolic.Cas;
import org.gradaudit.symbolic.CasException;
import org.gradaudit.symbolic.ZeroTest;

/**
 * The work behind {@link SymbolicAssertions#assertDerivative}: parses and expands the formulas,
 * asks the CAS for the true derivative and a zero test of the difference, and compares the claimed
 * value with Ridders' differences at seeded points. Returns a failure message or null.
 */
final class DerivativeCheck {
    private static final Scope SCOPE = Scope.of(Builtins.FUNCTIONS, Set.of());
    private static final double LOW = -2;
    private static final double HIGH = 2;
    /**
     * The claimed value agrees with Ridders' estimate when they differ by at most
     * {@code RELATIVE max(1, |claimed|) + ESTIMATE_MULTIPLE x the estimate's own error}.
     */
    private static final double RELATIVE = 1e-6;
    private static final double ESTIMATE_MULTIPLE = 10;
    /** A point is skipped when Ridders' error exceeds this fraction of max(1, |estimate|): a pole or kink is near. */
    private static final double UNTRUSTED_ESTIMATE = 1e-4;
    /** A point is skipped when the claimed value exceeds this: far out on a pole, differences mean nothing. */
    private static final double HUGE = 1e8;

    private final String claimedText;
    private final String ofText;
    private final String wrt;
    private final Map<String, Expr> definitions;
    private final Expr claimed;
    private final Expr of;

    private DerivativeCheck(String claimedText, String ofText, String wrt, Map<String, Expr> definitions,
            Expr claimed, Expr of) {
        this.claimedText = claimedText;
        this.ofText = ofText;
        this.wrt = wrt;
        this.definitions = definitions;
        this.claimed = claimed;
        this.of = of;
    }

    /** @throws IllegalArgumentException if something cannot be read, see the assertion */
    static DerivativeCheck of(String claimed, String of, String wrt, List<String> definitionTexts) {
        if (wrt == null || !Names.isName(wrt)) {
            throw new IllegalArgumentException("not a variable name: [" + wrt + "]");
        }
        Map<String, Expr> defs = new LinkedHashMap<>();
        for (String d : definitionTexts) {
            int eq = d.indexOf('=');
            String name = eq < 0 ? "" : d.substring(0, eq).strip();
            if (eq < 0 || !Names.isName(name)) {
                throw new IllegalArgumentException("a definition reads \"name = formula\", not [" + d + "]");
            }
            if (defs.put(name, parse(d.substring(eq + 1), "definition of " + name)) != null) {
                throw new IllegalArgumentException(name + " is defined twice");
            }
        }
        if (defs.containsKey(wrt)) {
            throw new IllegalArgumentException(wrt + " is defined (" + ExprPrinter.print(defs.get(wrt))
                    + "); differentiate with respect to a free variable");
        }
        return new DerivativeCheck(claimed, of, wrt, defs, expand(parse(claimed, "claimed derivative"), defs),
                expand(parse(of, "expression"), defs));
    }

    private static Expr parse(String text, String what) {
        try {
            return ExprParser.parse(text, SCOPE).expr();
        } catch (ExprSyntaxException e) {
            throw new IllegalArgumentException("cannot read the " + what + " [" + text + "] at column "
                    + (e.offset() + 1) + ": " + e.getMessage(), e);
        }
    }

    /** Substitutes definitions until none is left; constants e and pi become numbers unless defined. */
    private static Expr expand(Expr e, Map<String, Expr> defs) {
        Expr out = e;
        for (int round = 0; round <= defs.size(); round++) {
            Set<String> used = new LinkedHashSet<>(Exprs.variables(out));
            used.retainAll(defs.keySet());
            if (used.isEmpty()) {
                Map<String, Expr> constants = new LinkedHashMap<>();
                Builtins.CONSTANTS.forEach((name, v) -> constants.put(name, Expr.num(v)));
                return Exprs.substitute(out, constants);
            }
            out = Exprs.substitute(out, defs);
        }
        throw new IllegalArgumentException("the definitions are circular: " + defs.keySet());
    }

    /** The failure message, or null when the claim holds. */
    String run(long seed, int points) {
        Cas cas = Cas.get();
        Expr truth = null;
        ZeroTest proof = ZeroTest.GAVE_UP;
        try {
            truth = cas.derivative(of, wrt);
            proof = cas.isZero(Expr.sub(claimed, truth));
        } catch (CasException | IllegalArgumentException e) {
            // relu, abs or a bound: no proof; the numbers decide.
        }
        List<String> names = new ArrayList<>(new LinkedHashSet<>(Exprs.variables(of)));
        for (String v : Exprs.variables(claimed)) {
            if (!names.contains(v)) {
                names.add(v);
            }
        }
        if (!names.contains(wrt)) {
            names.add(wrt);
        }
        Evaluator claimedEval = Evaluators.compile(claimed, names);
        Evaluator ofEval = Evaluators.compile(of, names);
        Evaluator truthEval = truth == null ? null : Evaluators.compile(truth, names);
        int w = names.indexOf(wrt);
        SplittableRandom random = new SplittableRandom(seed);
        int usable = 0;
        double worstRatio = 1;
        double[] worst = null;
        double worstClaimed = 0;
        Estimate worstFd = null;
        for (int i = 0; i < points; i++) {
            double[] p = new double[names.size()];
            for (int k = 0; k < p.length; k++) {
                p[k] = LOW + (HIGH - LOW) * random.nextDouble();
            }
            double c = claimedEval.eval(p);
            double[] q = p.clone();
            Estimate fd = FiniteDifferences.ridders(t -> {
                q[w] = t;
                return ofEval.eval(q);
            }, p[w]);
            if (!Double.isFinite(c) || !fd.isFinite() || Math.abs(c) > HUGE) {
                continue;
            }
            if (fd.error() > UNTRUSTED_ESTIMATE * Math.max(1, Math.abs(fd.value()))) {
                continue; // a pole or kink within Ridders' steps: the estimate says it cannot be trusted here
            }
            usable++;
            double allowed = RELATIVE * Math.max(1, Math.abs(c)) + ESTIMATE_MULTIPLE * fd.error();
            double ratio = Math.abs(c - fd.value()) / allowed;
            if (ratio > worstRatio) {
                worstRatio = ratio;
                worst = p;
                worstClaimed = c;
                worstFd = fd;
            }
        }
        if (worst == null) {
            if (usable == 0 && proof != ZeroTest.ZERO) {
                return "d(" + ofText + ")/d" + wrt + " = " + claimedText + " could not be confirmed: at none of "
                        + points + " points (seed " + seed + ", every name in [" + LOW + ", " + HIGH
                        + "]) were both finite, and the algebra found no proof";
            }
            return null;
        }
        StringBuilder b = new StringBuilder();
        if (proof == ZeroTest.ZERO) {
            b.append("d(").append(ofText).append(")/d").append(wrt).append(" = ").append(claimedText)
                    .append(" is proven symbolically, but Ridders' differences disagree at a point: a fault of"
                            + " gradaudit or a point outside the function's smooth domain\n");
        } else {
            b.append(claimedText).append(" is not d(").append(ofText).append(")/d").append(wrt).append('\n');
        }
        b.append("  at ").append(point(names, worst)).append('\n');
        b.append("  claimed  ").append(GradientFailure.num(worstClaimed)).append('\n');
        b.append("  true     ").append(GradientFailure.num(worstFd.value())).append("  (Ridders, +- ")
                .append(GradientFailure.num(worstFd.error()));
        if (truthEval != null) {
            b.append("; symbolic ").append(GradientFailure.num(truthEval.eval(worst)));
        }
        b.append(")\n");
        if (!definitions.isEmpty()) {
            List<String> vals = new ArrayList<>();
            for (Map.Entry<String, Expr> d : definitions.entrySet()) {
                Expr full = expand(d.getValue(), definitions);
                if (names.containsAll(Exprs.variables(full))) {
                    vals.add(d.getKey() + " = " + GradientFailure.num(Evaluators.compile(full, names).eval(worst)));
                }
            }
            b.append("  where    ").append(String.join(", ", vals)).append('\n');
        }
        if (truth != null && proof != ZeroTest.ZERO) {
            b.append("  expected ").append(ExprPrinter.print(truth)).append('\n');
        }
        b.append("  seed ").append(seed).append(", ").append(points).append(" points, ").append(usable)
                .append(" in the domain");
        return b.toString();
    }

    private static String point(List<String> names, double[] p) {
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            parts.add(names.get(k) + " = " + p[k]);
        }
        return String.join(", ", parts);
    }
}
