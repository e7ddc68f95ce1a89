package org.gradaudit.matrix.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.math3.complex.Complex;
import org.gradaudit.matrix.Vectorized;
import org.gradaudit.matrix.model.MatrixModel;
import org.gradaudit.numeric.loss.PerturbableLoss;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The incremental evaluation of {@link TapeLoss} against a fresh evaluation of the whole forward
 * pass, on every vectorized derivation under {@code derivations/}: a one-entry move and a move along
 * a random direction give the loss a new tape computes from scratch at the moved point, and the
 * complex step agrees with central differences. Seeded.
 */
class TapeLossTest {
    static Stream<Path> vectorized() throws IOException {
        return org.gradaudit.matrix.VectorizedDerivationsTest.vectorized();
    }

    private static Map<String, double[]> draw(MatrixModel model, Map<String, Integer> sizes, Random random) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (MatrixModel.Quantity q : model.free()) {
            double[] v = new double[(int) TapeLoss.entries(q.shape(), sizes)];
            for (int k = 0; k < v.length; k++) {
                v[k] = (q.low() + (q.high() - q.low()) * random.nextDouble()) / (q.kind() == MatrixModel.Kind.PARAM
                        && q.low() <= 0 && q.high() >= 0 ? 3 : 1);
            }
            out.put(q.name(), v);
        }
        return out;
    }

    /** The same inputs, the parameters set from a flat vector. */
    private static Map<String, double[]> at(MatrixModel model, Map<String, double[]> free, double[] theta) {
        Map<String, double[]> out = new LinkedHashMap<>(free);
        int k = 0;
        for (MatrixModel.Quantity q : model.free()) {
            if (q.kind() == MatrixModel.Kind.PARAM) {
                double[] v = new double[free.get(q.name()).length];
                System.arraycopy(theta, k, v, 0, v.length);
                k += v.length;
                out.put(q.name(), v);
            }
        }
        return out;
    }

    private static void close(double expected, double actual, String what) {
        assertTrue(Math.abs(expected - actual) <= 1e-12 * Math.max(1, Math.abs(expected)),
                what + ": fresh " + expected + ", incremental " + actual);
    }

    @ParameterizedTest
    @MethodSource("vectorized")
    void incrementalMovesGiveTheFreshLoss(Path p) throws Exception {
        MatrixModel model = Vectorized.load(p.toString(), Files.readString(p));
        Random random = new Random(p.getFileName().toString().hashCode());
        for (Map<String, Integer> sizes : SizeDraws.draw(model.dims(), 5)) {
            Map<String, double[]> free = draw(model, sizes, random);
            TapeLoss loss = new TapeLoss(model, sizes, free);
            if (!Double.isFinite(loss.value())) {
                continue;
            }
            PerturbableLoss.Evaluator ev = loss.evaluator();
            double[] x = loss.point();
            for (int trial = 0; trial < 12 && x.length > 0; trial++) {
                int k = random.nextInt(x.length);
                double v = x[k] + random.nextGaussian() * 0.3;
                double[] moved = x.clone();
                moved[k] = v;
                double fresh = new TapeLoss(model, sizes, at(model, free, moved)).value();
                if (Double.isFinite(fresh)) {
                    close(fresh, ev.withElement(k, v), p + " " + sizes + " entry " + k);
                }
                // the move was undone: the base point again
                assertEquals(loss.value(), ev.withElement(k, x[k]), p + " " + sizes + " after entry " + k);
            }
            double[] d = new double[x.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = random.nextGaussian();
            }
            double t = 1e-2;
            double[] moved = x.clone();
            for (int i = 0; i < d.length; i++) {
                moved[i] += t * d[i];
            }
            double fresh = new TapeLoss(model, sizes, at(model, free, moved)).value();
            if (Double.isFinite(fresh)) {
                close(fresh, ev.along(d, t), p + " " + sizes + " along a direction");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("vectorized")
    void theComplexStepAgreesWithCentralDifferences(Path p) throws Exception {
        MatrixModel model = Vectorized.load(p.toString(), Files.readString(p));
        Random random = new Random(~p.getFileName().toString().hashCode());
        Map<String, Integer> sizes = SizeDraws.draw(model.dims(), 9).get(0);
        TapeLoss loss = new TapeLoss(model, sizes, draw(model, sizes, random));
        PerturbableLoss.Evaluator ev = loss.evaluator();
        double[] x = loss.point();
        for (int trial = 0; trial < 8 && x.length > 0; trial++) {
            int k = random.nextInt(x.length);
            double h = 1e-5;
            double central = (ev.withElement(k, x[k] + h) - ev.withElement(k, x[k] - h)) / (2 * h);
            double complex = ev.withElement(k, new Complex(x[k], 1e-20)).getImaginary() / 1e-20;
            assertTrue(Math.abs(central - complex) <= 1e-6 * Math.max(1, Math.abs(central)),
                    p + " entry " + k + ": central " + central + ", complex step " + complex);
            assertEquals(loss.value(), ev.withElement(k, new Complex(x[k], 1e-20)).getReal(), 1e-12 * Math.abs(loss.value()));
        }
    }

    @org.junit.jupiter.api.Test
    void aSumOfAColumnIsSummedWhole() throws Exception {
        // a one-column result of a sum along the rows was taken for a partial region on the first
        // evaluation, which then read a base value that did not exist yet (found by the complex-step property)
        MatrixModel model = Vectorized.load("column.deriv", "dim a, b\nparam P : (a, b)\nN = np.sum(P, axis=1, keepdims=True)\n"
                + "input R : (a, 1)\nloss L(N, R) = np.sum(N * R) + np.sum(N)\n");
        Map<String, Integer> sizes = Map.of("a", 3, "b", 4);
        Map<String, double[]> free = new LinkedHashMap<>();
        free.put("P", new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
        free.put("R", new double[] {1, -1, 2});
        TapeLoss loss = new TapeLoss(model, sizes, free);
        // row sums 10, 26, 42: 10 - 26 + 84 + 78
        assertEquals(146, loss.value(), 1e-12);
        assertEquals(146 + 2 * 0.5, loss.evaluator().withElement(0, 1.5), 1e-12);
    }
}
