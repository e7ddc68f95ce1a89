package org.gradaudit.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
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

    @Test
    void aQuickAgreementIsAnAgreementOfTheFullTableaux() {
        int quickAgreements = 0;
        int fullMismatches = 0;
        int elements = 0;
        List<String> wrong = new ArrayList<>();
        for (MlpSpec spec : NETWORKS) {
            for (long seed = 1; seed <= 2; seed++) {
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
                // Every element of a small network, every 7th of a wide one: thousands in all.
                int stride = theta.length > 1000 ? 7 : 1;
                for (int k = 0; k < theta.length; k += stride) {
                    int kk = k;
                    DoubleUnaryOperator f = v -> ev.withElement(kk, v);
                    NumericDerivatives.Quick quick = NumericDerivatives.riddersQuick(f, theta[k], base);
                    NumericDerivatives.Ridders full = NumericDerivatives.ridders(f, theta[k], base);
                    for (double rel : RELATIVE) {
                        double a = g[k] * (1 + rel);
                        double rounding = NoiseFloor.element(new Estimate(0, 0), a, gmax, base, theta[k]);
                        Estimate raised = full.raised();
                        boolean fullAgrees = Math.abs(a - raised.value())
                                <= NoiseFloor.element(raised, a, gmax, base, theta[k]);
                        boolean quickAgrees = quick.agrees(a, rounding);
                        quickAgreements += quickAgrees ? 1 : 0;
                        fullMismatches += fullAgrees ? 0 : 1;
                        if (quickAgrees && !fullAgrees) {
                            wrong.add(spec.describe() + " seed " + seed + " element " + k + " relative error " + rel);
                        }
                    }
                    elements++;
                }
            }
        }
        assertEquals(List.of(), wrong);
        // Not vacuous: the quick tableaux settle most of the correct elements, and the full ones find
        // most of the injected errors.
        assertTrue(quickAgreements > elements * 0.9, quickAgreements + " quick agreements of " + elements);
        assertTrue(fullMismatches > elements * 3, fullMismatches + " mismatches of " + elements * RELATIVE.length);
    }

    /**
     * The long quick tableau witnessed by the complex step ({@link NumericDerivatives#witnessed}) likewise:
     * wherever it agrees, correct or with an error injected, the full tableaux agree too; and it settles
     * most correct elements, which is what it is for.
     */
    @Test
    void aWitnessedAgreementIsAnAgreementOfTheFullTableaux() {
        int witnessed = 0;
        int correct = 0;
        int fullMismatches = 0;
        List<String> wrong = new ArrayList<>();
        for (MlpSpec spec : NETWORKS) {
            for (long seed = 1; seed <= 4; seed++) {
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
                    DoubleUnaryOperator f = v -> ev.withElement(kk, v);
                    Estimate longer = NumericDerivatives.riddersQuickLong(f, theta[k], base);
                    Estimate exact = NumericDerivatives.element(ev, Method.COMPLEX_STEP, k, theta[k], base);
                    NumericDerivatives.Ridders full = NumericDerivatives.ridders(f, theta[k], base);
                    Estimate raised = full.raised();
                    for (double rel : RELATIVE) {
                        double a = g[k] * (1 + rel);
                        double rounding = NoiseFloor.element(new Estimate(0, 0), a, gmax, base, theta[k]);
                        boolean fullAgrees = Math.abs(a - raised.value())
                                <= NoiseFloor.element(raised, a, gmax, base, theta[k]);
                        boolean agrees = NumericDerivatives.witnessed(longer, () -> exact, theta[kk], base, a, rounding);
                        witnessed += agrees && rel == 0 ? 1 : 0;
                        fullMismatches += fullAgrees ? 0 : 1;
                        if (agrees && !fullAgrees) {
                            wrong.add(spec.describe() + " seed " + seed + " element " + k + " relative error " + rel);
                        }
                    }
                    correct++;
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(witnessed > correct * 0.9, witnessed + " witnessed agreements of " + correct + " correct elements");
        assertTrue(fullMismatches > correct * 3, fullMismatches + " mismatches of " + correct * RELATIVE.length);
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
