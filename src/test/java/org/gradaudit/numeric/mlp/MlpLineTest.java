package org.gradaudit.numeric.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.complex.Complex;
import org.gradaudit.numeric.loss.PerturbableLoss;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MlpLineTest {
    private static final List<List<Integer>> SHAPES = List.of(List.of(4, 3), List.of(4, 5, 3), List.of(3, 4, 5, 2));

    private static double[] direction(int size, long seed, int zeroFrom) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[size];
        for (int i = 0; i < zeroFrom; i++) {
            v[i] = r.nextDouble() * 2 - 1;
        }
        return v;
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void theLineAgreesWithWholeForwardPassesAlongTheDirection(Activation act) {
        for (List<Integer> layers : SHAPES) {
            Mlp mlp = new Mlp(new MlpSpec(layers, act, Output.SOFTMAX, Loss.CROSS_ENTROPY, 3), 5);
            double[] theta = mlp.initialParameters();
            PerturbableLoss.Evaluator ev = new MlpLoss(mlp, theta).evaluator();
            // Every element, then only a leading part (a bisection's half): zero rows of V1 are skipped.
            for (int zeroFrom : new int[] {theta.length, theta.length / 3}) {
                double[] v = direction(theta.length, zeroFrom, zeroFrom);
                PerturbableLoss.Line line = ev.line(v);
                assertEquals(mlp.loss(theta), line.at(0.0), 0.0, "t = 0 gives the base loss exactly");
                for (double t : new double[] {1e-6, -3e-3, 0.1, -0.7}) {
                    double[] p = theta.clone();
                    for (int q = 0; q < p.length; q++) {
                        p[q] += t * v[q];
                    }
                    double whole = mlp.loss(p);
                    assertEquals(whole, line.at(t), 1e-13 * Math.max(1, Math.abs(whole)), layers + " t " + t);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"SIGMOID", "TANH", "IDENTITY"})
    void theComplexLineAgreesWithTheComplexDirection(Activation act) {
        for (Output out : Output.values()) {
            Loss loss = out == Output.IDENTITY ? Loss.MSE : Loss.BCE;
            for (List<Integer> layers : SHAPES) {
                if (out == Output.SOFTMAX && layers.get(layers.size() - 1) < 2) {
                    continue;
                }
                Mlp mlp = new Mlp(new MlpSpec(layers, act, out, loss, 4), 11);
                double[] theta = mlp.initialParameters();
                PerturbableLoss.Evaluator ev = new MlpLoss(mlp, theta).evaluator();
                double[] v = direction(theta.length, 3, theta.length);
                for (Complex t : new Complex[] {new Complex(0, 1e-20), new Complex(0.01, 1e-20), new Complex(-0.2, 0.3)}) {
                    Complex whole = ev.along(v, t);
                    Complex line = ev.line(v).at(t);
                    String where = layers + " " + out + " t " + t;
                    assertEquals(whole.getReal(), line.getReal(), 1e-13 * Math.max(1, Math.abs(whole.getReal())), where);
                    assertEquals(whole.getImaginary(), line.getImaginary(),
                            1e-12 * Math.abs(whole.getImaginary()) + 1e-40, where);
                }
            }
        }
    }
}
