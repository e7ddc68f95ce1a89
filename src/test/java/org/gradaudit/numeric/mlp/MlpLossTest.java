package org.gradaudit.numeric.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.commons.math3.complex.Complex;
import org.gradaudit.numeric.FiniteDifferences;
import org.gradaudit.numeric.loss.PerturbableLoss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MlpLossTest {

    private static Mlp mlp(Activation act, Output out, Loss loss, Integer... layers) {
        return new Mlp(new MlpSpec(List.of(layers), act, out, loss, 3), 7);
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void oneElementMoveMatchesAWholeForwardPass(Activation act) {
        Mlp mlp = mlp(act, Output.SOFTMAX, Loss.CROSS_ENTROPY, 4, 5, 3, 2);
        double[] theta = mlp.initialParameters();
        PerturbableLoss.Evaluator ev = new MlpLoss(mlp, theta).evaluator();
        for (int k = 0; k < theta.length; k++) {
            double[] moved = theta.clone();
            moved[k] += 0.01;
            double full = mlp.loss(moved);
            assertEquals(full, ev.withElement(k, moved[k]), 1e-14 * Math.abs(full), "element " + k);
        }
        assertEquals(mlp.loss(theta), ev.withElement(3, theta[3]), 0.0);
    }

    @Test
    void complexMoveOfOneElementMatchesTheComplexDirection() {
        for (Output out : Output.values()) {
            for (Loss loss : Loss.values()) {
                if (out == Output.IDENTITY && loss != Loss.MSE) {
                    continue;
                }
                Mlp mlp = mlp(Activation.TANH, out, loss, 3, 4, 2);
                double[] theta = mlp.initialParameters();
                PerturbableLoss.Evaluator ev = new MlpLoss(mlp, theta).evaluator();
                for (int k = 0; k < theta.length; k++) {
                    double[] e = new double[theta.length];
                    e[k] = 1;
                    Complex one = ev.withElement(k, new Complex(theta[k], 1e-20));
                    Complex dir = ev.along(e, new Complex(0, 1e-20));
                    assertEquals(dir.getImaginary(), one.getImaginary(), 1e-13 * Math.abs(dir.getImaginary()) + 1e-40);
                    assertEquals(mlp.loss(theta), one.getReal(), 1e-14);
                }
            }
        }
    }

    @Test
    void correctBackpropAgreesWithTheComplexStep() {
        Mlp mlp = mlp(Activation.SIGMOID, Output.SIGMOID, Loss.BCE, 3, 4, 2);
        double[] theta = mlp.initialParameters();
        double[] g = mlp.gradient(theta, Backprop.CORRECT);
        PerturbableLoss.Evaluator ev = new MlpLoss(mlp, theta).evaluator();
        for (int k = 0; k < theta.length; k++) {
            int kk = k;
            double cs = FiniteDifferences.complexStep(z -> ev.withElement(kk, z), theta[k]).value();
            assertEquals(cs, g[k], 1e-13 * Math.abs(cs), "element " + k);
        }
    }
}
