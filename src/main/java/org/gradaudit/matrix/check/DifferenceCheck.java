package org.gradaudit.matrix.check;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gradaudit.matrix.model.MatrixModel;
import org.gradaudit.matrix.numeric.Tensor;
import org.gradaudit.matrix.numeric.TensorEval;

/**
 * The independent check of the matrix rules: every entry of {@code dL/dV} against central
 * differences of the scalar loss, Richardson-extrapolated (steps h and h/2), perturbing that entry
 * of V (for a node, its value is replaced and everything downstream recomputed). A disagreement
 * is reported, never hidden: the statements about V are then unverified.
 */
final class DifferenceCheck {
    /** Relative agreement asked of the extrapolated difference, on top of its own error estimate. */
    static final double RELATIVE = 1e-6;

    private DifferenceCheck() {
    }

    /**
     * @return empty when every entry agrees, else a sentence naming the first entry that does not
     */
    static Optional<String> check(MatrixModel model, MPoint p, String v) {
        boolean free = model.quantities().get(v).free();
        return compare(p, v, p.adjoints().get(v), "dL/d" + v, (k, x) -> loss(model, p, v, free, k, x));
    }

    /**
     * The part of dL/dv through the consumer {@code via} against differences of the loss with v's entry
     * moved in via's definition only (every other reader of v keeps its value).
     */
    static Optional<String> checkPartial(MatrixModel model, MPoint p, String v, String via, Tensor rules) {
        return compare(p, v, rules, "the part of dL/d" + v + " through " + via,
                (k, x) -> lossThrough(model, p, v, via, k, x));
    }

    /** The loss with entry k of the perturbed quantity at x. */
    private interface Loss {
        double at(int k, double x);
    }

    private static Optional<String> compare(MPoint p, String v, Tensor rules, String what, Loss loss) {
        Tensor value = p.values().get(v);
        double scale = 0;
        for (int k = 0; k < rules.size(); k++) {
            scale = Math.max(scale, Math.abs(rules.value(k)));
        }
        for (int k = 0; k < value.size(); k++) {
            double x = value.value(k);
            double h = 1e-3 * Math.max(1, Math.abs(x));
            double d1 = central(loss, k, x, h);
            double d2 = central(loss, k, x, h / 2);
            // near the edge of the loss's domain (a probability close to 1), smaller steps stay inside it
            while ((!Double.isFinite(d1) || !Double.isFinite(d2)) && h > 1e-8) {
                h /= 10;
                d1 = central(loss, k, x, h);
                d2 = central(loss, k, x, h / 2);
            }
            if (!Double.isFinite(d1) || !Double.isFinite(d2)) {
                return Optional.of("the loss is not finite near entry " + index(value, k) + " of " + v
                        + ", so finite differences cannot confirm " + what);
            }
            double richardson = (4 * d2 - d1) / 3;
            double estimate = Math.abs(richardson - d2);
            double r = rules.value(k);
            if (Math.abs(richardson - r) > RELATIVE * scale + 4 * estimate + 1e-10) {
                return Optional.of(String.format(Locale.ROOT, "the matrix rules give %s%s = %.10g but finite"
                        + " differences of the loss give %.10g (sizes %s)", what, index(value, k), r, richardson, p.sizes()));
            }
        }
        return Optional.empty();
    }

    private static double central(Loss loss, int k, double x, double h) {
        return (loss.at(k, x + h) - loss.at(k, x - h)) / (2 * h);
    }

    private static double loss(MatrixModel model, MPoint p, String v, boolean free, int k, double x) {
        Tensor moved = p.values().get(v).with(k, x);
        Map<String, Tensor> freeValues = new LinkedHashMap<>(p.free());
        Map<String, Tensor> values;
        if (free) {
            freeValues.put(v, moved);
            values = MPoint.forward(model, p.sizes(), freeValues, Map.of());
        } else {
            values = MPoint.forward(model, p.sizes(), freeValues, Map.of(v, moved));
        }
        return values == null ? Double.NaN : values.get(model.loss()).value(0);
    }

    private static double lossThrough(MatrixModel model, MPoint p, String v, String via, int k, double x) {
        Tensor moved = p.values().get(v).with(k, x);
        Map<String, Tensor> values = new LinkedHashMap<>(p.free());
        TensorEval eval = new TensorEval(values::get, n -> null, p.sizes());
        TensorEval local = new TensorEval(n -> n.equals(v) ? moved : values.get(n), n -> null, p.sizes());
        for (String node : model.order()) {
            Tensor t = (node.equals(via) ? local : eval).eval(model.definitions().get(node));
            if (!MPoint.finite(t)) {
                return Double.NaN;
            }
            values.put(node, t);
        }
        return values.get(model.loss()).value(0);
    }

    static String index(Tensor t, int k) {
        int[] i = t.index(k);
        StringBuilder s = new StringBuilder("[");
        for (int j = 0; j < i.length; j++) {
            s.append(j > 0 ? ", " : "").append(i[j]);
        }
        return s.append(']').toString();
    }
}
