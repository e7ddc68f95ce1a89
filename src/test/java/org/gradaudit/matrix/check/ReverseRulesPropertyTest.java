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
 * entry by entry, for every quantity of the graph, at every size draw.
 */
class ReverseRulesPropertyTest {
    private static final int GRAPHS = 60;

    @Test
    void reverseRulesEqualFiniteDifferencesEntryByEntry() throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int checked = 0;
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
            }
        }
        assertEquals(List.of(), failures.subList(0, Math.min(3, failures.size())));
        assertTrue(checked > GRAPHS * 3 * 5, "only " + checked + " gradients checked");
        for (String op : List.of("matmul", "matmul-transposed", "elementwise", "broadcast", "function", "reduce",
                "transpose", "softmax")) {
            assertTrue(counts.getOrDefault(op, 0) >= 10, op + " generated only " + counts.get(op) + " times: " + counts);
        }
    }
}
