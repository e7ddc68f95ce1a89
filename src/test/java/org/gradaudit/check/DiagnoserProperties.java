package org.gradaudit.check;

import org.gradaudit.check.tolerance.BoundedAgreement;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.ExprPrinter;
import org.gradaudit.expr.Exprs;
import org.gradaudit.expr.RandomExprs;
import org.gradaudit.model.Graph;
import org.gradaudit.numeric.BoundedValue;
import org.gradaudit.symbolic.Cas;
import org.gradaudit.testing.Generator;
import org.gradaudit.testing.Search;
import org.gradaudit.testing.SearchOptions;
import org.junit.jupiter.api.Test;

/**
 * Laws of the diagnoser on random formulas with one seeded mistake: a single change is always
 * found, and the fix it proposes equals the truth at every point.
 */
class DiagnoserProperties {
    private static final List<String> NAMES = List.of("a", "b", "c");

    /** A mistake made by one change to a true formula. */
    enum Mistake { NEGATE, DOUBLE, SWAP_NAME, DROP_FACTOR }

    /** A true formula, the kind of mistake made in it, and which of its places (modulo their number). */
    record Case(Expr truth, Mistake mistake, int pick) {
        @Override
        public String toString() {
            return mistake + " (pick " + pick + ") in " + ExprPrinter.print(truth);
        }
    }

    private static final Generator<Case> CASES = r -> new Case(
            RandomExprs.formulas(NAMES, List.of("exp", "sigmoid", "tanh")).generate(r),
            Mistake.values()[r.nextInt(Mistake.values().length)], r.nextInt(1001));

    @Test
    void oneSeededMistakeIsExplainedByAFixThatIsRight() {
        Search.forAll(CASES, c -> RandomExprs.shrink(c.truth()).stream().map(t -> new Case(t, c.mistake(), c.pick())).toList(),
                SearchOptions.defaults().withTries(200).withSeed(20261128),
                c -> oneSeededMistakeIsExplained(c.truth(), c.mistake(), c.pick()));
    }

    private static void oneSeededMistakeIsExplained(Expr truth, Mistake mistake, int pick) {
        Expr claimed = mutate(truth, mistake, pick);
        Search.assume(claimed != null && !claimed.equals(truth));
        Points points = new Points(Graph.empty(), NAMES.stream().map(n -> new Points.Extra(n, 0.3, 1.7)).toList(), 5, 32);
        List<double[]> at = points.all().subList(0, 16);
        Judge judge = new Judge(Cas.get(), BoundedAgreement.DEFAULT);
        List<BoundedValue> truthValues = Judge.values(truth, at, points.slots());
        Search.assume(truthValues.stream().allMatch(v -> Double.isFinite(v.value()) && Double.isFinite(v.errorBound())));
        // Only mistakes that show: a change that leaves the value the same is no mistake.
        Search.assume(!judge.matches(claimed, at, truthValues, points.slots()));
        // Candidate missing factors as the auditor gives them: every name, and every factor of the truth.
        List<Expr> factors = new java.util.ArrayList<>();
        NAMES.forEach(n -> factors.add(new Expr.Var(n)));
        factorsOf(truth, factors);
        Diagnoser.Hypothesis h = new Diagnoser(judge).diagnose(new Diagnoser.Context(claimed, Function.identity(), NAMES,
                factors, null, Display::print, at, truthValues, points.slots()));
        assertNotNull(h, "no diagnosis for " + ExprPrinter.print(claimed) + " where " + ExprPrinter.print(truth)
                + " is true (" + mistake + ")");
        if (h.fix() != null) {
            assertTrue(judge.matches(h.fix(), at, truthValues, points.slots()),
                    "the fix " + ExprPrinter.print(h.fix()) + " (" + h.diagnosis() + ") is not the truth "
                            + ExprPrinter.print(truth));
        }
    }

    private static void factorsOf(Expr e, List<Expr> out) {
        for (Expr x : Exprs.subtrees(e)) {
            if (x instanceof Expr.Bin b && b.op() == Expr.Op.MUL) {
                out.add(b.left());
                out.add(b.right());
            }
        }
    }

    private static Expr mutate(Expr truth, Mistake mistake, int pick) {
        switch (mistake) {
            case NEGATE:
                return new Expr.Neg(truth);
            case DOUBLE:
                return Expr.mul(Expr.num(2), truth);
            case SWAP_NAME: {
                List<Expr> variants = Exprs.variants(truth, x -> x instanceof Expr.Var v
                        ? List.of(new Expr.Var(NAMES.get((NAMES.indexOf(v.name()) + 1) % NAMES.size()))) : List.of());
                return variants.isEmpty() ? null : variants.get(pick % variants.size());
            }
            default: {
                List<Expr> variants = Exprs.variants(truth, x -> x instanceof Expr.Bin b && b.op() == Expr.Op.MUL
                        ? List.of(b.left()) : List.of());
                return variants.isEmpty() ? null : variants.get(pick % variants.size());
            }
        }
    }
}
