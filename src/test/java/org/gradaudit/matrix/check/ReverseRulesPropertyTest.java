package org.gradaudit.matrix.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.gradaudit.matrix.Vectorized;
import org.gradaudit.matrix.grad.ReverseRules;
import org.gradaudit.matrix.model.MatrixModel;
import org.gradaudit.matrix.numeric.SizeDraws;
import org.junit.jupiter.api.Test;

/**
 * A seeded property (plain JUnit, seeded {@link Random}): on random shaped expression graphs
 * (matrix products with transposes, broadcasting, sums and means over an axis, elementwise
 * functions, softmax), the reverse-mode matrix rules equal finite differences of the scalar loss,
 * entry by entry, for every quantity of the graph, at every size draw; and, for every parameter
 * entry, the complex step of the loss (the forward pass in complex numbers that {@code check --dims}
 * runs), which is exact to rounding.
 */
class ReverseRulesPropertyTest {
    private static final int GRAPHS = 60;

    @Test
    void reverseRulesEqualFiniteDifferencesEntryByEntry() throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        int complexSteps = 0;
        for (int g = 0; g < GRAPHS; g++) {
            RandomGraphs gen = new RandomGraphs(1000 + g);
            String text = gen.file();
            gen.counts.forEach((k, v) -> counts.merge(k, v, Integer::sum));
            MatrixModel model = Vectorized.load("random-" + g + ".deriv", text);
            ReverseRules rules = new ReverseRules(model);
            for (Map<String, Integer> sizes : SizeDraws.draw(model.dims(), g)) {
                MPoint p = MPoint.draw(model, rules, sizes, new Random(g));
                if (p == null) {
                    continue;
                }
                for (String v : model.quantities().keySet()) {
                    if (v.equals(model.loss())) {
                        continue;
                    }
                    Optional<String> d = DifferenceCheck.check(model, p, v);
                    checked++;
                    d.ifPresent(why -> failures.add(why + "\n" + text));
                }
                complexSteps += complexStepAgrees(model, p, sizes, failures, text);
            }
        }
        assertEquals(List.of(), failures.subList(0, Math.min(3, failures.size())));
        assertTrue(checked > GRAPHS * 3 * 5, "only " + checked + " gradients checked");
        assertTrue(complexSteps > GRAPHS * 3 * 5, "only " + complexSteps + " parameter entries checked by the complex step");
        for (String op : List.of("matmul", "matmul-transposed", "elementwise", "broadcast", "function", "reduce",
                "transpose", "softmax")) {
            assertTrue(counts.getOrDefault(op, 0) >= 10, op + " generated only " + counts.get(op) + " times: " + counts);
        }
    }

    /**
     * Every parameter entry's rule value against the complex step of the file's loss (a forward pass
     * in complex numbers, exact to rounding: no step to choose, no cancellation), at the same point.
     *
     * @return how many entries were compared
     */
    private static int complexStepAgrees(MatrixModel model, MPoint p, Map<String, Integer> sizes, List<String> failures,
                                         String text) {
        Map<String, double[]> free = new java.util.LinkedHashMap<>();
        p.free().forEach((name, t) -> {
            double[] v = new double[t.size()];
            for (int k = 0; k < v.length; k++) {
                v[k] = t.value(k);
            }
            free.put(name, v);
        });
        org.gradaudit.matrix.numeric.TapeLoss loss = new org.gradaudit.matrix.numeric.TapeLoss(model, sizes, free);
        if (!Double.isFinite(loss.value())) {
            return 0;
        }
        org.gradaudit.numeric.loss.PerturbableLoss.Evaluator ev = loss.evaluator();
        double[] x = loss.point();
        int offset = 0;
        int compared = 0;
        for (MatrixModel.Quantity q : model.free()) {
            if (q.kind() != MatrixModel.Kind.PARAM) {
                continue;
            }
            org.gradaudit.matrix.numeric.Tensor rules = p.adjoints().get(q.name());
            double scale = 1;
            for (int k = 0; k < rules.size(); k++) {
                scale = Math.max(scale, Math.abs(rules.value(k)));
            }
            for (int k = 0; k < rules.size(); k++) {
                double h = 1e-20 * Math.max(1, Math.abs(x[offset + k]));
                double cs = ev.withElement(offset + k, new org.apache.commons.math3.complex.Complex(x[offset + k], h))
                        .getImaginary() / h;
                compared++;
                if (!(Math.abs(cs - rules.value(k)) <= 1e-9 * scale)) {
                    failures.add(String.format(java.util.Locale.ROOT, "dL/d%s entry %d: the matrix rules give %.12g,"
                            + " the complex step %.12g (sizes %s)%n%s", q.name(), k, rules.value(k), cs, sizes, text));
                    return compared;
                }
            }
            offset += rules.size();
        }
        return compared;
    }
}
