package org.gradaudit.check;

import org.gradaudit.check.tolerance.BoundedAgreement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Expr.Bin;
import org.gradaudit.expr.Expr.Op;
import org.gradaudit.expr.ExprPrinter;
import org.gradaudit.expr.Exprs;
import org.gradaudit.model.Graph;
import org.gradaudit.numeric.BoundedValue;
import org.gradaudit.symbolic.Cas;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A seeded property, with plain JUnit and {@link Random}: random formulas get one or two random
 * mistakes (a sign, a term's sign, a name swapped, a factor dropped, an operator replaced, a term
 * dropped), and the diagnosis must explain the claim: its fix equals the truth at every point,
 * and when it reports several changes, the last change's formula is that fix.
 */
class SeededChangesTest {
    private static final List<String> NAMES = List.of("a", "b", "c");
    private static final int TRIES = 60;

    enum Mistake { NEGATE, TERM_SIGN, SWAP_NAME, DROP_FACTOR, OPERATOR, DROP_TERM }

    @ParameterizedTest(name = "{0} mistakes")
    @ValueSource(ints = {1, 2})
    void seededMistakesAreExplainedByTheReportedChanges(int mistakes) {
        Random random = new Random(20261201L + mistakes);
        Points points = new Points(Graph.empty(), NAMES.stream().map(n -> new Points.Extra(n, 0.3, 1.7)).toList(), 5, 32);
        List<double[]> at = points.all().subList(0, 16);
        Judge judge = new Judge(Cas.get(), BoundedAgreement.DEFAULT);
        Diagnoser diagnoser = new Diagnoser(judge);
        List<String> failures = new ArrayList<>();
        int judged = 0;
        for (int tries = 0; judged < TRIES && tries < TRIES * 20; tries++) {
            Expr truth = formula(random, 3);
            Expr claimed = truth;
            for (int m = 0; m < mistakes && claimed != null; m++) {
                claimed = mutate(claimed, Mistake.values()[random.nextInt(Mistake.values().length)], random);
            }
            if (claimed == null || Exprs.size(claimed) < 3 || Rewrites.degenerate(truth, Expr.num(0))) {
                continue;
            }
            List<BoundedValue> values = Judge.values(truth, at, points.slots());
            if (!values.stream().allMatch(v -> Double.isFinite(v.value()) && Double.isFinite(v.errorBound()))
                    || judge.matches(claimed, at, values, points.slots())) {
                continue; // a change that leaves the values as they were is no mistake
            }
            judged++;
            // Candidate factors and terms as the auditor gives them: every name, and the truth's own.
            List<Expr> factors = new ArrayList<>();
            NAMES.forEach(n -> factors.add(new Expr.Var(n)));
            for (Expr x : Exprs.subtrees(truth)) {
                if (x instanceof Bin b && b.op() == Op.MUL) {
                    factors.add(b.left());
                    factors.add(b.right());
                }
                if (x instanceof Bin b && b.op() == Op.DIV) {
                    factors.add(b.right());
                }
            }
            Hypotheses.Plan plan = new Hypotheses.Plan(List.of(new AveragingHypotheses(n -> false)),
                    List.of(new TermHypotheses(Hypotheses.ownTerms(truth)), new OperatorHypotheses()));
            Diagnoser.Hypothesis h = diagnoser.diagnose(new Diagnoser.Context(claimed, Function.identity(), NAMES,
                    factors, null, Display::print, at, values, points.slots()), plan);
            String what = ExprPrinter.print(claimed) + " for " + ExprPrinter.print(truth);
            if (h == null || h.fix() == null) {
                failures.add("no explanation of " + what);
            } else if (!judge.matches(h.fix(), at, values, points.slots())) {
                failures.add("the fix " + ExprPrinter.print(h.fix()) + " of " + what + " is not the truth");
            } else if (!h.changes().isEmpty()) {
                assertEquals(h.fix(), h.changes().get(h.changes().size() - 1).fix(), what);
                assertEquals(h.diagnosis(), h.changes().get(0).diagnosis(), what);
            }
        }
        assertEquals(TRIES, judged, "too few random formulas showed their mistakes");
        assertTrue(failures.isEmpty(), failures.size() + " of " + TRIES + " unexplained:\n" + String.join("\n", failures));
    }

    /** A random formula over a, b, c of the given depth: sums, products, quotients and a few functions. */
    static Expr formula(Random r, int depth) {
        if (depth == 0 || r.nextInt(4) == 0) {
            return r.nextInt(6) == 0 ? Expr.num(1 + r.nextInt(3)) : new Expr.Var(NAMES.get(r.nextInt(NAMES.size())));
        }
        return switch (r.nextInt(6)) {
            case 0, 1 -> Expr.add(formula(r, depth - 1), formula(r, depth - 1));
            case 2 -> Expr.sub(formula(r, depth - 1), formula(r, depth - 1));
            case 3 -> Expr.mul(formula(r, depth - 1), formula(r, depth - 1));
            case 4 -> Expr.div(formula(r, depth - 1), Expr.add(Expr.num(1), new Expr.Var(NAMES.get(r.nextInt(3)))));
            default -> new Expr.Call(List.of("exp", "tanh", "sigmoid").get(r.nextInt(3)), List.of(formula(r, depth - 1)));
        };
    }

    private static Expr mutate(Expr e, Mistake m, Random r) {
        List<Expr> variants = switch (m) {
            case NEGATE -> List.of(Rewrites.negate(e));
            case TERM_SIGN -> Rewrites.termSigns(e);
            case SWAP_NAME -> Exprs.variants(e, x -> x instanceof Expr.Var v
                    ? List.of(new Expr.Var(NAMES.get((NAMES.indexOf(v.name()) + 1) % NAMES.size()))) : List.of());
            case DROP_FACTOR -> Rewrites.withoutOneFactor(e);
            case OPERATOR -> Exprs.variants(e, x -> x instanceof Bin b && b.op() == Op.MUL
                    ? List.of(new Bin(Op.ADD, b.left(), b.right())) : x instanceof Bin b && b.op() == Op.ADD
                    ? List.of(new Bin(Op.MUL, b.left(), b.right())) : List.of());
            case DROP_TERM -> Exprs.variants(e, x -> x instanceof Bin b && b.op() == Op.ADD
                    ? List.of(b.left()) : List.of());
        };
        return variants.isEmpty() ? null : variants.get(r.nextInt(variants.size()));
    }
}
