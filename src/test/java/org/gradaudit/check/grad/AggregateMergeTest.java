package org.gradaudit.check.grad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gradaudit.gradient.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Full mode gathers a tensor's comparisons per range and merges the ranges in order: the result is
 * the one adding every element in order gives, on seeded comparisons with ties, kinks, failures and NaNs.
 */
class AggregateMergeTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void mergingRangesInOrderIsAddingTheirElementsInOrder(long seed) {
        Random random = new Random(seed);
        int size = 1 + random.nextInt(300);
        Tensor t = Tensor.layout(List.of("W"), List.of(new int[] {size})).get(0);
        List<Comparison> comparisons = new ArrayList<>();
        for (int k = 0; k < size; k++) {
            comparisons.add(comparison(random));
        }
        GradientChecker.Aggregate whole = new GradientChecker.Aggregate();
        for (int k = 0; k < size; k++) {
            Comparison c = comparisons.get(k);
            whole.add(c, GradientChecker.Aggregate.entry(c, t.index(k)), t, k);
        }
        GradientChecker.Aggregate merged = new GradientChecker.Aggregate();
        for (int from = 0; from < size;) {
            int to = Math.min(size, from + 1 + random.nextInt(40));
            GradientChecker.Aggregate part = new GradientChecker.Aggregate();
            for (int k = from; k < to; k++) {
                Comparison c = comparisons.get(k);
                part.add(c, GradientChecker.Aggregate.entry(c, t.index(k)), t, k);
            }
            merged.merge(part);
            from = to;
        }
        TensorResult a = whole.result(t, size, 0);
        TensorResult b = merged.result(t, size, 0);
        assertEquals(Double.doubleToRawLongBits(a.maxAbsError()), Double.doubleToRawLongBits(b.maxAbsError()));
        assertEquals(Double.doubleToRawLongBits(a.maxRelError()), Double.doubleToRawLongBits(b.maxRelError()));
        assertArrayEquals(a.worst().index(), b.worst().index());
        assertEquals(a.worst().analytic(), b.worst().analytic());
        assertEquals(a.worst().numeric(), b.worst().numeric());
        assertEquals(a.worst().tolerance(), b.worst().tolerance());
        assertEquals(a.kinks(), b.kinks());
        assertEquals(a.failed(), b.failed());
        assertEquals(a.passed(), b.passed());
        assertEquals(a.compared().size(), b.compared().size());
        for (int k = 0; k < size; k++) {
            assertArrayEquals(a.compared().get(k).index(), b.compared().get(k).index());
            assertEquals(a.compared().get(k).outcome(), b.compared().get(k).outcome());
        }
    }

    /** Errors drawn from a few values, so that ratios tie; now and then a kink, a mismatch or a NaN. */
    private static Comparison comparison(Random random) {
        double analytic = random.nextInt(4) * 0.25;
        double numeric = analytic + (random.nextInt(5) - 2) * 1e-9;
        double tolerance = random.nextInt(3) * 1e-9;
        int kind = random.nextInt(400);
        if (kind < 20) {
            return new Comparison(Comparison.Outcome.KINK, analytic, numeric, tolerance, 0, 1, null);
        }
        if (kind == 20) {
            return new Comparison(Comparison.Outcome.NON_FINITE, analytic, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, "not finite");
        }
        Comparison.Outcome outcome = Math.abs(analytic - numeric) <= tolerance ? Comparison.Outcome.AGREES
                : Comparison.Outcome.MISMATCH;
        return new Comparison(outcome, analytic, numeric, tolerance, Double.NaN, Double.NaN, null);
    }
}
