package org.gradaudit.check.grad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.gradaudit.gradient.CheckTarget;
import org.gradaudit.gradient.Tensor;
import org.gradaudit.numeric.Method;
import org.gradaudit.numeric.loss.PerturbableLoss;
import org.gradaudit.numeric.mlp.Activation;
import org.gradaudit.numeric.mlp.Backprop;
import org.gradaudit.numeric.mlp.Loss;
import org.gradaudit.numeric.mlp.Mlp;
import org.gradaudit.numeric.mlp.MlpLoss;
import org.gradaudit.numeric.mlp.MlpSpec;
import org.gradaudit.numeric.mlp.MlpTargets;
import org.gradaudit.numeric.mlp.Output;
import org.junit.jupiter.api.Test;

/** Fast mode's strategy, counted in probes of the loss: one direction over all parameters first. */
class FastCheckTest {
    private static final MlpSpec SPEC = new MlpSpec(List.of(20, 8, 3), Activation.TANH, Output.SOFTMAX,
            Loss.CROSS_ENTROPY, 4);
    private static final CheckOptions FAST = CheckOptions.defaults().withMode(Mode.FAST).withThreads(2);

    /** Counts the lines drawn, the probes along them and the one-element probes. */
    private static final class Counting implements PerturbableLoss {
        final PerturbableLoss inner;
        int lines;
        int probes;
        int elements;

        Counting(PerturbableLoss inner) {
            this.inner = inner;
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public double[] point() {
            return inner.point();
        }

        @Override
        public boolean supportsComplexStep() {
            return inner.supportsComplexStep();
        }

        @Override
        public Evaluator evaluator() {
            Evaluator ev = inner.evaluator();
            return new Evaluator() {
                @Override
                public double withElement(int k, double value) {
                    elements++;
                    return ev.withElement(k, value);
                }

                @Override
                public Complex withElement(int k, Complex value) {
                    elements++;
                    return ev.withElement(k, value);
                }

                @Override
                public double along(double[] direction, double t) {
                    throw new AssertionError("fast mode probes lines, not along()");
                }

                @Override
                public Complex along(double[] direction, Complex t) {
                    throw new AssertionError("fast mode probes lines, not along()");
                }

                @Override
                public Line line(double[] direction) {
                    lines++;
                    Line line = ev.line(direction);
                    return new Line() {
                        @Override
                        public double at(double t) {
                            probes++;
                            return line.at(t);
                        }

                        @Override
                        public Complex at(Complex t) {
                            probes++;
                            return line.at(t);
                        }
                    };
                }
            };
        }
    }

    private static CheckTarget target(Mlp mlp, double[] g, PerturbableLoss loss) {
        return new CheckTarget("counted", MlpTargets.mlp(mlp, mlp.initialParameters(), Backprop.CORRECT).tensors(),
                g, loss);
    }

    @Test
    void aCorrectGradientCostsOneDirectionalDerivative() {
        Mlp mlp = new Mlp(SPEC, 3);
        double[] theta = mlp.initialParameters();
        double[] g = mlp.gradient(theta, Backprop.CORRECT);
        Counting complex = new Counting(new MlpLoss(mlp, theta));
        CheckResult r = GradientChecker.check(target(mlp, g, complex), FAST.withMethod(Method.COMPLEX_STEP));
        assertTrue(r.passed());
        // One line, one complex probe; the one element probe is the base loss (a move of zero).
        assertEquals(1, complex.lines);
        assertEquals(1, complex.probes);
        assertEquals(1, complex.elements);
        Counting central = new Counting(new MlpLoss(mlp, theta));
        assertTrue(GradientChecker.check(target(mlp, g, central), FAST.withMethod(Method.CENTRAL)).passed());
        assertEquals(1, central.lines);
        assertEquals(4, central.probes);
        assertTrue(r.tensors().stream().allMatch(t -> t.directions() == 1 && t.checked() == t.size()));
        // The command line wraps every loss in a deadline: the wrapped loss's own line is still the one probed.
        Counting timed = new Counting(new MlpLoss(mlp, theta));
        assertTrue(GradientChecker.check(target(mlp, g, new org.gradaudit.numeric.loss.TimedLoss(timed,
                org.gradaudit.bounds.Deadline.NONE)), FAST.withMethod(Method.COMPLEX_STEP)).passed());
        assertEquals(1, timed.lines);
        assertEquals(1, timed.probes);
    }

    @Test
    void oneWrongElementIsFoundThroughTheTensorsAndABisection() {
        Mlp mlp = new Mlp(SPEC, 4);
        double[] theta = mlp.initialParameters();
        for (int k : new int[] {0, 77, 159, 165, 190, 194}) {
            double[] g = mlp.gradient(theta, Backprop.CORRECT);
            g[k] += 1e-6 * Math.max(1e-3, Math.abs(g[k]));
            Counting loss = new Counting(new MlpLoss(mlp, theta));
            CheckTarget target = target(mlp, g, loss);
            CheckResult r = GradientChecker.check(target, FAST);
            assertEquals(1, r.failed(), "element " + k + ": " + r.failures());
            Finding f = r.failures().get(0);
            Tensor t = target.tensors().stream().filter(x -> x.name().equals(f.tensor())).findFirst().orElseThrow();
            assertTrue(t.contains(k));
            assertEquals(Tensor.label(t.name(), t.index(k)), f.label());
            // The direction over all parameters, one per tensor, then at most two per halving of the tensor.
            int halvings = 32 - Integer.numberOfLeadingZeros(t.size() - 1);
            assertTrue(loss.lines <= 1 + target.tensors().size() + 2 * halvings, "lines " + loss.lines);
        }
    }

    @Test
    void twoEqualErrorsNeverCancel() {
        // With +-1 entries, equal errors in two elements would cancel in half of all directions.
        Mlp mlp = new Mlp(SPEC, 5);
        double[] theta = mlp.initialParameters();
        for (long seed = 1; seed <= 40; seed++) {
            double[] g = mlp.gradient(theta, Backprop.CORRECT);
            g[3] += 1e-4;
            g[100] += 1e-4;
            CheckResult r = GradientChecker.check(target(mlp, g, new MlpLoss(mlp, theta)), FAST.withSeed(seed));
            assertFalse(r.passed(), "seed " + seed);
            // Fast mode names at least one element per failing tensor: here one of the two.
            String found = r.failures().get(0).label();
            assertTrue(found.equals("W1[0,3]") || found.equals("W1[5,0]"), "seed " + seed + ": " + found);
        }
    }

    @Test
    void aLossWithoutAComplexExtensionGetsTheSameStrategyWithRidders() {
        // A user's model or a derivation's network: a whole-vector function, no complex forward pass.
        int n = 300;
        double[] point = new double[n];
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            point[i] = Math.sin(i);
            g[i] = Math.cos(point[i]) * (1 + i % 3);
        }
        org.gradaudit.numeric.loss.FunctionLoss f = new org.gradaudit.numeric.loss.FunctionLoss(th -> {
            double s = 0;
            for (int i = 0; i < th.length; i++) {
                s += Math.sin(th[i]) * (1 + i % 3);
            }
            return s;
        }, point);
        List<Tensor> tensors = List.of(new Tensor("a", new int[] {100}, 0), new Tensor("b", new int[] {20, 10}, 100));
        Method method = GradientChecker.defaultMethod(Mode.FAST, f);
        assertEquals(Method.RIDDERS, method);
        CheckOptions options = FAST.withMethod(method);
        assertTrue(GradientChecker.check(new CheckTarget("sines", tensors, g, f), options).passed());
        g[217] *= 1 + 1e-8;
        CheckResult r = GradientChecker.check(new CheckTarget("sines", tensors, g, f), options);
        assertEquals(1, r.failed(), r.failures().toString());
        assertEquals("b[11,7]", r.failures().get(0).label());
    }
}
