package org.gradaudit.matrix.check;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gradaudit.check.tolerance.NoiseFloor;
import org.gradaudit.matrix.model.MatrixModel;
import org.gradaudit.matrix.numeric.Tensor;
import org.gradaudit.matrix.numeric.TensorEval;

/**
 * The independent check of the matrix rules: every entry of {@code dL/dV} against central
 * differences of the scalar loss, Richardson-extrapolated (steps h and h/2), perturbing that entry
 * of V (for a node, its value is replaced and everything downstream recomputed); or, at the larger
 * size draws ({@link #checkDirections}), the rules' derivative along random directions of V against
 * differences along them, which costs four passes per direction instead of four per entry. A
 * disagreement ({@link NoiseFloor#MATRIX_RULES_RULE}) is reported, never hidden: the statements
 * about V are then unverified.
 */
final class DifferenceCheck {
    /** The first step, relative to max(1, |x|) (along a direction, to max(1, max |x|)). */
    private static final double FIRST_STEP = 1e-3;
    /** Where the loss is not finite a step away, the step shrinks tenfold, down to this. */
    private static final double SMALLEST_STEP = 1e-8;

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

    /**
     * The rules' derivative of the loss along {@code directions} random directions of V (entries
     * +-1), against Richardson-extrapolated central differences along each.
     *
     * @return empty when every direction agrees, else a sentence naming the disagreement
     */
    static Optional<String> checkDirections(MatrixModel model, MPoint p, String v, int directions, long seed) {
        boolean free = model.quantities().get(v).free();
        Tensor value = p.values().get(v);
        Tensor rules = p.adjoints().get(v);
        java.util.Random random = new java.util.Random(seed);
        double scaleX = 0;
        for (int k = 0; k < value.size(); k++) {
            scaleX = Math.max(scaleX, Math.abs(value.value(k)));
        }
        for (int d = 0; d < directions; d++) {
            double[] r = new double[value.size()];
            double along = 0;
            double size = 0;
            for (int k = 0; k < r.length; k++) {
                r[k] = random.nextBoolean() ? 1 : -1;
                along += rules.value(k) * r[k];
                size += Math.abs(rules.value(k));
            }
            double h = FIRST_STEP * Math.max(1, scaleX);
            double d1 = along(model, p, v, free, r, h);
            double d2 = along(model, p, v, free, r, h / 2);
            while ((!Double.isFinite(d1) || !Double.isFinite(d2)) && h > SMALLEST_STEP) {
                h /= 10;
                d1 = along(model, p, v, free, r, h);
                d2 = along(model, p, v, free, r, h / 2);
            }
            if (!Double.isFinite(d1) || !Double.isFinite(d2)) {
                return Optional.of("the loss is not finite near " + v + ", so finite differences cannot confirm dL/d" + v);
            }
            double richardson = (4 * d2 - d1) / 3;
            double estimate = Math.abs(richardson - d2);
            if (!NoiseFloor.matrixRulesAgree(along, richardson, estimate, size)) {
                return Optional.of(String.format(Locale.ROOT, "along a random direction of %s the matrix rules give a"
                        + " derivative of %.10g but finite differences of the loss give %.10g (sizes %s)", v, along,
                        richardson, p.sizes()));
            }
        }
        return Optional.empty();
    }

    private static double along(MatrixModel model, MPoint p, String v, boolean free, double[] r, double h) {
        Tensor x = p.values().get(v);
        double[] plus = new double[r.length];
        double[] minus = new double[r.length];
        for (int k = 0; k < r.length; k++) {
            plus[k] = x.value(k) + h * r[k];
            minus[k] = x.value(k) - h * r[k];
        }
        return (loss(model, p, v, free, Tensor.exact(x.rank(), x.rows(), x.cols(), plus))
                - loss(model, p, v, free, Tensor.exact(x.rank(), x.rows(), x.cols(), minus))) / (2 * h);
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
            double h = FIRST_STEP * Math.max(1, Math.abs(x));
            double d1 = central(loss, k, x, h);
            double d2 = central(loss, k, x, h / 2);
            // near the edge of the loss's domain (a probability close to 1), smaller steps stay inside it
            while ((!Double.isFinite(d1) || !Double.isFinite(d2)) && h > SMALLEST_STEP) {
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
            if (!NoiseFloor.matrixRulesAgree(r, richardson, estimate, scale)) {
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
        return loss(model, p, v, free, p.values().get(v).with(k, x));
    }

    /** The loss with V's value replaced by {@code moved}; for a node, only what comes after it is recomputed. */
    private static double loss(MatrixModel model, MPoint p, String v, boolean free, Tensor moved) {
        if (!free) {
            Map<String, Tensor> values = new LinkedHashMap<>(p.values());
            values.put(v, moved);
            TensorEval eval = new TensorEval(values::get, n -> null, p.sizes());
            java.util.List<String> order = model.order();
            for (int i = order.indexOf(v) + 1; i < order.size(); i++) {
                Tensor t = eval.eval(model.definitions().get(order.get(i)));
                if (!MPoint.finite(t)) {
                    return Double.NaN;
                }
                values.put(order.get(i), t);
            }
            return values.get(model.loss()).value(0);
        }
        Map<String, Tensor> freeValues = new LinkedHashMap<>(p.free());
        freeValues.put(v, moved);
        Map<String, Tensor> values = MPoint.forward(model, p.sizes(), freeValues, Map.of());
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
