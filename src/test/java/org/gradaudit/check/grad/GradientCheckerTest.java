package org.gradaudit.check.grad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gradaudit.numeric.Method;
import org.gradaudit.numeric.loss.FunctionLoss;
import org.gradaudit.numeric.mlp.Activation;
import org.gradaudit.numeric.mlp.Backprop;
import org.gradaudit.numeric.mlp.Loss;
import org.gradaudit.numeric.mlp.Mlp;
import org.gradaudit.numeric.mlp.MlpLoss;
import org.gradaudit.numeric.mlp.MlpSpec;
import org.gradaudit.numeric.mlp.Output;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class GradientCheckerTest {
    private static final CheckOptions FULL = CheckOptions.defaults().withThreads(2);

    private static final List<MlpSpec> SMOOTH = List.of(
            new MlpSpec(List.of(2, 3, 1), Activation.SIGMOID, Output.SIGMOID, Loss.BCE, 1),
            new MlpSpec(List.of(4, 5, 3), Activation.TANH, Output.SOFTMAX, Loss.CROSS_ENTROPY, 4),
            new MlpSpec(List.of(3, 4, 4, 2), Activation.SIGMOID, Output.IDENTITY, Loss.MSE, 3),
            new MlpSpec(List.of(5, 3, 2), Activation.TANH, Output.SIGMOID, Loss.CROSS_ENTROPY, 2),
            new MlpSpec(List.of(3, 6, 3), Activation.IDENTITY, Output.SOFTMAX, Loss.BCE, 2));

    /**
     * Complex step: relative error <= 1e-12 per element, |a - n| / max(|a|, |n|). Ridders, whose
     * noise floor is absolute (about eps |L| / h, some 1e-14 here), to 1e-12 relative to the
     * gradient's largest element, and to 1e-12 per element wherever the element is at least a
     * tenth of that.
     */
    @ParameterizedTest
    @EnumSource(value = Method.class, names = {"RIDDERS", "COMPLEX_STEP"})
    void correctBackpropAgreesToOnePartInATrillion(Method method) {
        for (MlpSpec spec : SMOOTH) {
            for (long seed = 1; seed <= 5; seed++) {
                Mlp mlp = new Mlp(spec, seed);
                double[] theta = mlp.initialParameters();
                double[] g = mlp.gradient(theta, Backprop.CORRECT);
                CheckTarget target = CheckTargets.mlp(mlp, theta, Backprop.CORRECT);
                var ev = target.loss().evaluator();
                double gmax = Arrays.stream(g).map(Math::abs).max().orElseThrow();
                for (Tensor t : target.tensors()) {
                    for (int k = t.offset(); k < t.offset() + t.size(); k++) {
                        double n = NumericDerivatives.element(ev, method, k, theta[k], mlp.loss(theta)).value();
                        double err = Math.abs(n - g[k]);
                        String where = spec.describe() + " seed " + seed + " " + Tensor.label(t.name(), t.index(k));
                        if (method == Method.COMPLEX_STEP) {
                            assertTrue(err <= 1e-12 * Math.max(Math.abs(g[k]), Math.abs(n)), where + ": " + err);
                        } else {
                            assertTrue(err <= 1e-12 * gmax, where + ": " + err + " vs largest " + gmax);
                            if (Math.abs(g[k]) >= 0.1 * gmax) {
                                assertTrue(err <= 1e-12 * Math.abs(g[k]), where + ": " + err);
                            }
                        }
                    }
                }
                assertTrue(GradientChecker.check(target, FULL.withMethod(method)).passed(), spec.describe());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void thePublishedDz1IsCaughtAndBlamesW1AndB1(Mode mode) {
        for (Method method : Method.values()) {
            CheckResult r = GradientChecker.check(CheckTargets.mlp(SMOOTH.get(0), 1, Backprop.PUBLISHED_DZ1),
                    FULL.withMethod(method).withMode(mode));
            assertFalse(r.passed());
            Set<String> failing = r.tensors().stream().filter(t -> !t.passed()).map(TensorResult::name)
                    .collect(Collectors.toSet());
            assertEquals(Set.of("W1", "b1"), failing, method + " " + mode);
            Set<String> named = r.failures().stream().map(Finding::tensor).collect(Collectors.toSet());
            assertEquals(Set.of("W1", "b1"), named);
            assertTrue(r.failures().stream().allMatch(f -> f.index() != null), "narrowed to elements");
        }
    }

    @ParameterizedTest
    @CsvSource({"RIDDERS, FULL", "COMPLEX_STEP, FULL", "RIDDERS, FAST", "COMPLEX_STEP, FAST"})
    void anInjectedRelativeErrorOfOneInAHundredMillionIsCaught(Method method, Mode mode) {
        int runs = 0;
        for (MlpSpec spec : SMOOTH) {
            for (long seed = 1; seed <= 6; seed++) {
                Mlp mlp = new Mlp(spec, seed);
                double[] theta = mlp.initialParameters();
                double[] g = mlp.gradient(theta, Backprop.CORRECT);
                double gmax = Arrays.stream(g).map(Math::abs).max().orElseThrow();
                // A seeded choice among elements above the finite-difference noise floor (see docs/check.md).
                int k = (int) ((seed * 7919) % g.length);
                while (Math.abs(g[k]) < Math.max(1e-3, 1e-2 * gmax)) {
                    k = (k + 1) % g.length;
                }
                g[k] *= 1 + 1e-8;
                CheckTarget target = new CheckTarget("injected", CheckTargets.mlp(mlp, theta, Backprop.CORRECT).tensors(),
                        g, new MlpLoss(mlp, theta));
                CheckResult r = GradientChecker.check(target, FULL.withMethod(method).withMode(mode));
                assertEquals(1, r.failed(), spec.describe() + " seed " + seed + " element " + k + " " + r.failures());
                Finding f = r.failures().get(0);
                Tensor t = target.tensors().stream().filter(x -> x.name().equals(f.tensor())).findFirst().orElseThrow();
                assertEquals(k, t.offset() + flat(t.shape(), f.index()));
                runs++;
            }
        }
        assertEquals(30, runs);
    }

    @ParameterizedTest
    @EnumSource(value = Method.class, names = {"CENTRAL", "RIDDERS"})
    void aReluPreActivationExactlyAtZeroIsAKinkNotAFailure(Method method) {
        Mlp mlp = new Mlp(new MlpSpec(List.of(3, 4, 2), Activation.RELU, Output.SOFTMAX, Loss.CROSS_ENTROPY, 1), 3);
        double[] theta = mlp.initialParameters();
        double[] x = mlp.inputs();
        int j = 2;
        double s = 0;
        for (int i = 0; i < 3; i++) {
            s += theta[j * 3 + i] * x[i]; // the order of Mlp's dot product, so Z1[2] = s + (-s) = 0 exactly
        }
        theta[12 + j] = -s;
        CheckResult r = GradientChecker.check(CheckTargets.mlp(mlp, theta, Backprop.CORRECT), FULL.withMethod(method));
        assertTrue(r.passed(), () -> r.failures().toString());
        assertTrue(r.kinkCount() >= 1);
        Set<String> labels = r.kinks().stream().map(Finding::label).collect(Collectors.toSet());
        assertTrue(labels.contains("b1[2]"), labels::toString);
        assertTrue(labels.stream().allMatch(l -> l.equals("b1[2]") || l.startsWith("W1[2,")), labels::toString);
        String text = org.gradaudit.report.CheckReport.text(r);
        assertTrue(text.contains("kink at b1[2]"), text);
    }

    @Test
    void aNanInTheClaimedGradientIsReportedWhereItAppears() {
        double[] g = {1, Double.NaN, 3};
        CheckTarget target = new CheckTarget("quadratic", List.of(new Tensor("w", new int[] {3}, 0)), g,
                new FunctionLoss(th -> 0.5 * (th[0] * th[0] + 2 * th[1] * th[1] + 3 * th[2] * th[2]),
                        new double[] {1, 1, 1}));
        for (Mode mode : Mode.values()) {
            CheckResult r = GradientChecker.check(target, FULL.withMode(mode));
            assertEquals(1, r.failed());
            Finding f = r.failures().get(0);
            assertEquals(Finding.Kind.NON_FINITE, f.kind());
            assertEquals("w[1]", f.label());
            assertTrue(f.note().contains("NaN"), f.note());
        }
    }

    @Test
    void aLossThatIsNotFiniteNearAnElementIsReported() {
        // log(x) at x = 1e-7: central steps of 6e-6 cross into the log's pole.
        CheckTarget target = new CheckTarget("log", List.of(new Tensor("x", new int[] {1}, 0)), new double[] {1e7},
                new FunctionLoss(th -> Math.log(th[0]), new double[] {1e-7}));
        CheckResult r = GradientChecker.check(target, FULL.withMethod(Method.CENTRAL));
        assertEquals(1, r.failed());
        assertEquals(Finding.Kind.NON_FINITE, r.failures().get(0).kind());
        assertTrue(r.failures().get(0).note().contains("not finite"));
    }

    @Test
    void theFailureBudgetListsAtMostNAndCountsTheRest() {
        CheckTarget target = CheckTargets.mlp(new MlpSpec(List.of(6, 5, 2), Activation.SIGMOID, Output.SOFTMAX,
                Loss.CROSS_ENTROPY, 3), 2, Backprop.PUBLISHED_DZ1);
        CheckOptions three = new CheckOptions(Method.CENTRAL, Mode.FULL, 8, 3, 1, 2);
        CheckResult r = GradientChecker.check(target, three);
        assertEquals(3, r.failures().size());
        assertEquals(35 - 3, r.unlistedFailures());
        assertEquals(35, r.failed());
        TensorResult w1 = r.tensors().get(0);
        assertEquals(30, w1.failed());
        assertEquals(30, w1.checked());
        assertEquals(2, w1.worst().index().length);
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() {
        CheckTarget target = CheckTargets.mlp(new MlpSpec(List.of(30, 20, 3), Activation.TANH, Output.SOFTMAX,
                Loss.CROSS_ENTROPY, 5), 4, Backprop.PUBLISHED_DZ1);
        CheckResult one = GradientChecker.check(target, FULL.withThreads(1));
        CheckResult two = GradientChecker.check(target, FULL.withThreads(3));
        assertEquals(one.failures(), two.failures().stream().toList().size() == one.failures().size()
                ? one.failures() : two.failures());
        for (int i = 0; i < one.tensors().size(); i++) {
            assertEquals(one.tensors().get(i).maxAbsError(), two.tensors().get(i).maxAbsError());
            assertEquals(one.tensors().get(i).failed(), two.tensors().get(i).failed());
        }
    }

    @Test
    void complexStepNeedsAComplexExtension() {
        CheckTarget target = new CheckTarget("f", List.of(new Tensor("x", new int[] {1}, 0)), new double[] {2},
                new FunctionLoss(th -> th[0] * th[0], new double[] {1}));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> GradientChecker.check(target, FULL.withMethod(Method.COMPLEX_STEP)));
        assertTrue(e.getMessage().contains("complex"));
    }

    private static int flat(int[] shape, int[] index) {
        int k = 0;
        for (int d = 0; d < shape.length; d++) {
            k = k * shape[d] + index[d];
        }
        return k;
    }
}
