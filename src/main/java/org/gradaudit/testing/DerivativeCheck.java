package org.gradaudit.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gradaudit.check.AuditResult;
import org.gradaudit.check.Auditor;
import org.gradaudit.check.Finding;
import org.gradaudit.check.Verdict;
import org.gradaudit.check.tolerance.BoundedAgreement;
import org.gradaudit.derivation.DerivationException;
import org.gradaudit.derivation.DerivationParser;
import org.gradaudit.expr.Builtins;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.ExprParser;
import org.gradaudit.expr.ExprPrinter;
import org.gradaudit.expr.ExprSyntaxException;
import org.gradaudit.expr.Exprs;
import org.gradaudit.expr.Names;
import org.gradaudit.expr.Scope;
import org.gradaudit.model.ModelBuilder;

/**
 * The work behind {@link SymbolicAssertions#assertDerivative}: reads the formulas, writes them as a
 * derivation of one claim ({@code input} lines for the free names, one definition per given
 * definition, a node {@code f} for the expression when it is not a defined name, and the claim
 * {@code df/dwrt = claimed}), and audits it. The audit is the one judge: its points, its tolerance,
 * its proof, its cross-check of the symbolic truth against Ridders' differences, and its diagnosis.
 *
 * @param claimedText the claimed derivative as given
 * @param ofText the expression as given
 * @param wrt the variable
 * @param derivation the derivation of the one claim, as a file's text
 */
record DerivativeCheck(String claimedText, String ofText, String wrt, String derivation) {
    private static final Scope SCOPE = Scope.of(Builtins.FUNCTIONS, Set.of());
    /** Where the derivation of one claim says it comes from, in positions of its messages. */
    private static final String SOURCE = "assertDerivative";
    /** The audit's time limit for one claim. */
    private static final Duration TIME_LIMIT = Duration.ofSeconds(60);

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
            if (Builtins.CONSTANTS.containsKey(name)) {
                throw new IllegalArgumentException(name + " is a constant; give the definition another name");
            }
            if (defs.put(name, parse(d.substring(eq + 1), "definition of " + name)) != null) {
                throw new IllegalArgumentException(name + " is defined twice");
            }
        }
        if (defs.containsKey(wrt)) {
            throw new IllegalArgumentException(wrt + " is defined (" + ExprPrinter.print(defs.get(wrt))
                    + "); differentiate with respect to a free variable");
        }
        Expr claimedExpr = parse(claimed, "claimed derivative");
        Expr ofExpr = parse(of, "expression");
        requireAcyclic(defs);
        return new DerivativeCheck(claimed, of, wrt, derivation(claimedExpr, ofExpr, wrt, defs));
    }

    private static Expr parse(String text, String what) {
        try {
            return ExprParser.parse(text, SCOPE).expr();
        } catch (ExprSyntaxException e) {
            throw new IllegalArgumentException("cannot read the " + what + " [" + text + "] at column "
                    + (e.offset() + 1) + ": " + e.getMessage(), e);
        }
    }

    /** @throws IllegalArgumentException when the definitions use each other in a circle */
    private static void requireAcyclic(Map<String, Expr> defs) {
        Set<String> done = new LinkedHashSet<>();
        for (int round = 0; done.size() < defs.size(); round++) {
            if (round > defs.size()) {
                throw new IllegalArgumentException("the definitions are circular: " + defs.keySet());
            }
            for (Map.Entry<String, Expr> d : defs.entrySet()) {
                Set<String> used = new LinkedHashSet<>(Exprs.variables(d.getValue()));
                used.retainAll(defs.keySet());
                if (done.containsAll(used)) {
                    done.add(d.getKey());
                }
            }
        }
    }

    /**
     * The derivation of the one claim: inputs, the definitions the claim reaches (one the claim does
     * not use says nothing about it, and where it is not finite it would only take points away),
     * the expression's node, the claim.
     */
    private static String derivation(Expr claimed, Expr of, String wrt, Map<String, Expr> given) {
        Map<String, Expr> defs = reached(List.of(claimed, of), given);
        Set<String> inputs = new LinkedHashSet<>();
        List<Expr> formulas = new ArrayList<>(defs.values());
        formulas.add(of);
        formulas.add(claimed);
        for (Expr e : formulas) {
            inputs.addAll(Exprs.variables(e));
        }
        inputs.add(wrt);
        inputs.removeAll(defs.keySet());
        inputs.removeAll(Builtins.CONSTANTS.keySet());
        String node = of instanceof Expr.Var v && defs.containsKey(v.name()) ? v.name() : fresh(inputs, defs);
        StringBuilder b = new StringBuilder();
        b.append("input ").append(String.join(", ", inputs)).append('\n');
        defs.forEach((name, e) -> b.append(name).append(" = ").append(ExprPrinter.print(e)).append('\n'));
        if (!defs.containsKey(node)) {
            b.append(node).append(" = ").append(ExprPrinter.print(of)).append('\n');
        }
        b.append('d').append(node).append("/d").append(wrt).append(" = ").append(ExprPrinter.print(claimed))
                .append('\n');
        return b.toString();
    }

    /** The definitions the formulas use, directly or through other definitions, in the given order. */
    private static Map<String, Expr> reached(List<Expr> formulas, Map<String, Expr> defs) {
        Set<String> seen = new LinkedHashSet<>();
        List<Expr> todo = new ArrayList<>(formulas);
        while (!todo.isEmpty()) {
            for (String v : Exprs.variables(todo.remove(todo.size() - 1))) {
                if (defs.containsKey(v) && seen.add(v)) {
                    todo.add(defs.get(v));
                }
            }
        }
        Map<String, Expr> out = new LinkedHashMap<>(defs);
        out.keySet().retainAll(seen);
        return out;
    }

    /** A node name for the expression that no formula uses: f, else f1, f2, ... */
    private static String fresh(Set<String> inputs, Map<String, Expr> defs) {
        String name = "f";
        for (int i = 1; inputs.contains(name) || defs.containsKey(name); i++) {
            name = "f" + i;
        }
        return name;
    }

    /** The failure message, or null when the audit finds the claim correct. */
    String run(long seed, int points) {
        AuditResult result;
        try {
            result = Auditor.audit(ModelBuilder.build(DerivationParser.parse(SOURCE, derivation)),
                    new Auditor.Options(seed, points, BoundedAgreement.DEFAULT, TIME_LIMIT));
        } catch (DerivationException e) {
            throw new IllegalArgumentException("cannot check d(" + ofText + ")/d" + wrt + " = " + claimedText + ": "
                    + e.getMessage(), e);
        }
        Finding claim = result.findings().get(result.findings().size() - 1);
        if (claim.verdict() == Verdict.CORRECT) {
            return null;
        }
        if (claim.verdict() == Verdict.UNVERIFIED) {
            return "d(" + ofText + ")/d" + wrt + " = " + claimedText + " could not be confirmed: " + claim.message()
                    + "\n  seed " + seed + ", " + points + " points";
        }
        return wrong(claim, seed, points);
    }

    /** The message of a wrong claim: the audit's counterexample, expected formula and sentence. */
    private String wrong(Finding claim, long seed, int points) {
        Finding.Counterexample c = claim.counterexample();
        StringBuilder b = new StringBuilder();
        b.append(claimedText).append(" is not d(").append(ofText).append(")/d").append(wrt).append('\n');
        b.append("  at ").append(values(c.point())).append('\n');
        b.append("  claimed  ").append(GradientFailure.num(c.claimed())).append('\n');
        b.append("  true     ").append(GradientFailure.num(c.expected())).append('\n');
        Map<String, Double> where = new LinkedHashMap<>(c.values());
        where.keySet().removeAll(c.point().keySet());
        if (!where.isEmpty()) {
            b.append("  where    ").append(values(where)).append('\n');
        }
        if (claim.expected() != null) {
            b.append("  expected ").append(claim.expected()).append('\n');
        }
        b.append("  ").append(claim.message()).append('\n');
        b.append("  seed ").append(seed).append(", ").append(points).append(" points, ").append(claim.points())
                .append(" compared");
        return b.toString();
    }

    private static String values(Map<String, Double> values) {
        List<String> parts = new ArrayList<>();
        values.forEach((name, v) -> parts.add(name + " = " + v));
        return String.join(", ", parts);
    }
}
