package org.gradaudit.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.DoubleUnaryOperator;
import org.gradaudit.check.tolerance.NoiseFloor;
import org.gradaudit.numeric.loss.PerturbableLoss;
import org.gradaudit.numeric.mlp.Activation;
import org.gradaudit.numeric.mlp.Backprop;
import org.gradaudit.numeric.mlp.Loss;
import org.gradaudit.numeric.mlp.Mlp;
import org.gradaudit.numeric.mlp.MlpLoss;
import org.gradaudit.numeric.mlp.MlpSpec;
import org.gradaudit.numeric.mlp.Output;
import org.junit.jupiter.api.Test;

/**
 * The quick Ridders tableaux never settle an agreement that the full tableaux would call a
 * mismatch: on seeded networks, every element's claimed value is put to both, correct and with
 * errors injected of several sizes (relative 1e-10 to 1e-2, the sizes where one method or the
 * other starts to see them), and wherever the quick tableaux agree, the full ones (their error
 * raised by the measured noise, as the checker does) agree too.
 */
class RiddersQuickTest {
    private static final List<MlpSpec> NETWORKS = List.of(
            new MlpSpec(List.of(100, 8, 1), Activation.SIGMOID, Output.SIGMOID, Loss.BCE, 8),
            new MlpSpec(List.of(784, 3, 10), Activation.SIGMOID, Output.SOFTMAX, Loss.CROSS_ENTROPY, 4),
            new MlpSpec(List.of(20, 10, 5), Activation.TANH, Output.SOFTMAX, Loss.CROSS_ENTROPY, 8),
            new MlpSpec(List.of(6, 5, 4, 3), Activation.SIGMOID, Output.SIGMOID, Loss.MSE, 5),
            new MlpSpec(List.of(5, 7, 2), Activation.TANH, Output.IDENTITY, Loss.MSE, 3));
    private static final double[] RELATIVE = {0, 1e-10, 1e-9, 1e-8, 1e-7, 1e-6, 1e-4, 1e-2};

    /**
     * One element of a seeded network, with what both agreements are put to: its claimed value with a
     * relative error injected, the tolerance's part that does not depend on the estimate, and whether
     * the full tableaux (their error raised by the measured noise, as the checker does) agree.
     */
    private record Element(String where, int k, double x, double gradient, double gmax, double base,
                           PerturbableLoss.Evaluator ev, NumericDerivatives.Ridders full) {
        DoubleUnaryOperator f() {
            return v -> ev.withElement(k, v);
        }

        double claimed(double rel) {
            return gradient * (1 + rel);
        }

        double rounding(double a) {
            return NoiseFloor.element(new Estimate(0, 0), a, gmax, base, x);
        }

        boolean fullAgrees(double a) {
            Estimate raised = full.raised();
            return Math.abs(a - raised.value()) <= NoiseFloor.element(raised, a, gmax, base, x);
        }

        String describe(double rel) {
            return where + " element " + k + " relative error " + rel;
        }
    }

    /** Every element of each network at seeds 1 to {@code seeds} (every 7th of a wide one: thousands in all). */
    private static void forEachElement(int seeds, Consumer<Element> test) {
        for (MlpSpec spec : NETWORKS) {
            for (long seed = 1; seed <= seeds; seed++) {
                Mlp mlp = new Mlp(spec, seed);
                double[] theta = mlp.initialParameters();
                double[] g = mlp.gradient(theta, Backprop.CORRECT);
                double gmax = 0;
                for (double v : g) {
                    gmax = Math.max(gmax, Math.abs(v));
                }
                MlpLoss loss = new MlpLoss(mlp, theta);
                PerturbableLoss.Evaluator ev = loss.evaluator();
                double base = loss.loss();
                int stride = theta.length > 1000 ? 7 : 1;
                for (int k = 0; k < theta.length; k += stride) {
                    int kk = k;
                    NumericDerivatives.Ridders full = NumericDerivatives.ridders(v -> ev.withElement(kk, v), theta[k], base);
                    test.accept(new Element(spec.describe() + " seed " + seed, k, theta[k], g[k], gmax, base, ev, full));
                }
            }
        }
    }

    @Test
    void aQuickAgreementIsAnAgreementOfTheFullTableaux() {
        int[] quickAgreements = new int[1];
        int[] fullMismatches = new int[1];
        int[] elements = new int[1];
        List<String> wrong = new ArrayList<>();
        forEachElement(2, e -> {
            NumericDerivatives.Quick quick = NumericDerivatives.riddersQuick(e.f(), e.x(), e.base());
            for (double rel : RELATIVE) {
                double a = e.claimed(rel);
                boolean fullAgrees = e.fullAgrees(a);
                boolean quickAgrees = quick.agrees(a, e.rounding(a));
                quickAgreements[0] += quickAgrees ? 1 : 0;
                fullMismatches[0] += fullAgrees ? 0 : 1;
                if (quickAgrees && !fullAgrees) {
                    wrong.add(e.describe(rel));
                }
            }
            elements[0]++;
        });
        assertEquals(List.of(), wrong);
        // Not vacuous: the quick tableaux settle most of the correct elements, and the full ones find
        // most of the injected errors.
        assertTrue(quickAgreements[0] > elements[0] * 0.9, quickAgreements[0] + " quick agreements of " + elements[0]);
        assertTrue(fullMismatches[0] > elements[0] * 3, fullMismatches[0] + " mismatches of " + elements[0] * RELATIVE.length);
    }

    /**
     * The long quick tableau witnessed by the complex step ({@link NumericDerivatives#witnessed}) likewise:
     * wherever it agrees, correct or with an error injected, the full tableaux agree too; and it settles
     * most correct elements, which is what it is for.
     */
    @Test
    void aWitnessedAgreementIsAnAgreementOfTheFullTableaux() {
        int[] witnessed = new int[1];
        int[] correct = new int[1];
        int[] fullMismatches = new int[1];
        List<String> wrong = new ArrayList<>();
        forEachElement(4, e -> {
            Estimate longer = NumericDerivatives.riddersQuickLong(e.f(), e.x(), e.base());
            Estimate exact = NumericDerivatives.element(e.ev(), Method.COMPLEX_STEP, e.k(), e.x(), e.base());
            for (double rel : RELATIVE) {
                double a = e.claimed(rel);
                boolean fullAgrees = e.fullAgrees(a);
                boolean agrees = NumericDerivatives.witnessed(longer, () -> exact, e.x(), e.base(), a, e.rounding(a));
                witnessed[0] += agrees && rel == 0 ? 1 : 0;
                fullMismatches[0] += fullAgrees ? 0 : 1;
                if (agrees && !fullAgrees) {
                    wrong.add(e.describe(rel));
                }
            }
            correct[0]++;
        });
        assertEquals(List.of(), wrong);
        assertTrue(witnessed[0] > correct[0] * 0.9, witnessed[0] + " witnessed agreements of " + correct[0] + " correct elements");
        assertTrue(fullMismatches[0] > correct[0] * 3, fullMismatches[0] + " mismatches of " + correct[0] * RELATIVE.length);
    }

    @Test
    void theWitnessIsAskedOnlyWhereTheLongTableauAgreesAndMustLieWithinItsError() {
        // Loss 1 at x = 0.5: the short start's rounding floor is 2 eps / (0.01 / 1.4^9), about 9.6e-13.
        Estimate longer = new Estimate(1.0, 1e-12);
        int[] asked = new int[1];
        java.util.function.Supplier<Estimate> exact = () -> {
            asked[0]++;
            return new Estimate(1.0 + 4e-13, 1e-16);
        };
        assertTrue(NumericDerivatives.witnessed(longer, exact, 0.5, 1, 1.0 + 4e-13, 0));
        assertEquals(1, asked[0]);
        // The claimed value is more than half the long tableau's error away: no witness is asked.
        assertFalse(NumericDerivatives.witnessed(longer, exact, 0.5, 1, 1.0 + 6e-13, 0));
        // The long tableau ended far above the short start's floor: it says too little, and none is asked.
        assertFalse(NumericDerivatives.witnessed(new Estimate(1.0, 1e-8), exact, 0.5, 1, 1.0, 0));
        assertEquals(1, asked[0]);
        // The complex step lies outside the long estimate's error: the long tableau fooled itself.
        assertFalse(NumericDerivatives.witnessed(longer, () -> new Estimate(1.0 + 2e-12, 1e-16), 0.5, 1, 1.0, 0));
        assertFalse(NumericDerivatives.witnessed(longer, () -> new Estimate(1.0 + 1e-12, 1e-16), 0.5, 1, 1.0, 0));
        assertFalse(NumericDerivatives.witnessed(longer, () -> new Estimate(Double.NaN, Double.NaN), 0.5, 1, 1.0, 0));
    }

    @Test
    void theQuickTableauStopsAtItsFloorAndIsTheFullOnesPrefix() {
        DoubleUnaryOperator f = Math::exp;
        int[] calls = new int[1];
        DoubleUnaryOperator counted = v -> {
            calls[0]++;
            return f.applyAsDouble(v);
        };
        Estimate full = FiniteDifferences.ridders(counted, 0.5, 0.1);
        int fullCalls = calls[0];
        calls[0] = 0;
        Estimate quick = FiniteDifferences.ridders(counted, 0.5, 0.1, 1e-9);
        assertTrue(calls[0] < fullCalls, calls[0] + " calls, the full tableau " + fullCalls);
        assertTrue(quick.error() <= 1e-9 + Math.ulp(1.0) * Math.abs(quick.value()) * 2, quick.toString());
        assertTrue(Math.abs(quick.value() - Math.exp(0.5)) <= 1e-9, quick.toString());
        calls[0] = 0;
        assertEquals(full, FiniteDifferences.ridders(counted, 0.5, 0.1, Double.NEGATIVE_INFINITY));
        assertEquals(fullCalls, calls[0]);
    }
}
