package org.gradaudit.check;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.ExprPrinter;
import org.gradaudit.expr.Exprs;
import org.gradaudit.expr.RandomGraphs;
import org.gradaudit.model.Graph;
import org.gradaudit.numeric.BoundedValue;
import org.gradaudit.symbolic.Cas;

/**
 * Laws of the diagnoser on random formulas with one seeded mistake: a single change is always
 * found, and the fix it proposes equals the truth at every point.
 */
class DiagnoserProperties {
    private static final List<String> NAMES = List.of("a", "b", "c");

    /** A mistake made by one change to a true formula. */
    enum Mistake { NEGATE, DOUBLE, SWAP_NAME, DROP_FACTOR }

    @Property(tries = 200, seed = "20261128")
    void oneSeededMistakeIsExplainedByAFixThatIsRight(@ForAll("formulas") Expr truth, @ForAll Mistake mistake,
                                                     @ForAll("picks") int pick) {
        Expr claimed = mutate(truth, mistake, pick);
        Assume.that(claimed != null && !claimed.equals(truth));
        Points points = new Points(Graph.empty(), NAMES.stream().map(n -> new Points.Extra(n, 0.3, 1.7)).toList(), 5, 32);
        List<double[]> at = points.all().subList(0, 16);
        Judge judge = new Judge(Cas.get(), Tolerance.DEFAULT);
        List<BoundedValue> truthValues = Judge.values(truth, at, points.slots());
        Assume.that(truthValues.stream().allMatch(v -> Double.isFinite(v.value()) && Double.isFinite(v.errorBound())));
        // Only mistakes that show: a change that leaves the value the same is no mistake.
        Assume.that(!judge.matches(claimed, at, truthValues, points.slots()));
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

    @Provide
    Arbitrary<Expr> formulas() {
        return RandomGraphs.tree(NAMES, List.of("exp", "sigmoid", "tanh"));
    }

    @Provide
    Arbitrary<Integer> picks() {
        return Arbitraries.integers().between(0, 1000);
    }

}
