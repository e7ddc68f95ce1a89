package org.gradaudit.check.grad;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gradaudit.numeric.Estimate;
import org.gradaudit.numeric.FiniteDifferences;
import org.gradaudit.numeric.Method;
import org.gradaudit.numeric.StepErrorCurve;
import org.gradaudit.numeric.loss.PerturbableLoss;

/**
 * Chooses the elements whose error-against-step curve a report shows (the worst element of each
 * tensor, then failing elements up to a limit) and asks the numeric producer for each curve. Only
 * reports that draw them need them, so they are made on request, after the check.
 */
public final class StepCurves {
    /** Most failing elements, beyond each tensor's worst, given a curve. */
    public static final int MAX_FAILING = 6;

    private StepCurves() {
    }

    /**
     * The result with curves for the worst element of each tensor and up to {@link #MAX_FAILING}
     * more failing elements. Fast-mode directions have no element and get no curve.
     *
     * @throws IllegalArgumentException if the result is not of this target
     */
    public static CheckResult attach(CheckTarget target, CheckResult result) {
        if (result.tensors().size() != target.tensors().size()) {
            throw new IllegalArgumentException("the result has " + result.tensors().size() + " tensors, the target "
                    + target.tensors().size());
        }
        PerturbableLoss loss = target.loss();
        PerturbableLoss.Evaluator ev = loss.evaluator();
        double[] x = loss.point();
        double base = x.length == 0 ? 0 : ev.withElement(0, x[0]);
        if (!Double.isFinite(base)) {
            return result;
        }
        List<StepCurve> curves = new ArrayList<>();
        List<String> done = new ArrayList<>();
        for (int t = 0; t < target.tensors().size(); t++) {
            TensorResult.Worst w = result.tensors().get(t).worst();
            if (w != null && w.index() != null) {
                add(curves, done, target, target.tensors().get(t), w.index(), w.analytic(), w.tolerance(), result, ev,
                        x, base);
            }
        }
        int failing = 0;
        for (Finding f : result.failures()) {
            if (failing >= MAX_FAILING) {
                break;
            }
            Tensor t = target.tensors().stream().filter(s -> s.name().equals(f.tensor())).findFirst().orElse(null);
            if (t != null && f.index() != null && add(curves, done, target, t, f.index(), f.analytic(), f.tolerance(),
                    result, ev, x, base)) {
                failing++;
            }
        }
        return result.withStepCurves(curves);
    }

    private static boolean add(List<StepCurve> curves, List<String> done, CheckTarget target, Tensor t, int[] index,
            double analytic, double tolerance, CheckResult result, PerturbableLoss.Evaluator ev, double[] x,
            double base) {
        String label = Tensor.label(t.name(), index);
        if (done.contains(label) || !Double.isFinite(analytic)) {
            return false;
        }
        int k = t.offset() + flat(t, index);
        double xk = x[k];
        boolean complex = target.loss().supportsComplexStep() && target.loss().smooth();
        Estimate reference = NumericDerivatives.element(ev, complex ? Method.COMPLEX_STEP : Method.RIDDERS, k, xk, base);
        if (!Double.isFinite(reference.value())) {
            return false;
        }
        StepErrorCurve curve = StepErrorCurve.central(v -> ev.withElement(k, v), xk, reference.value());
        double scale = Math.max(1, Math.abs(xk));
        double low;
        double high;
        switch (result.method()) {
            case CENTRAL -> {
                low = FiniteDifferences.centralStep(xk);
                high = low;
            }
            case RIDDERS -> {
                low = NumericDerivatives.SHORT_FIRST_STEP * NumericDerivatives.RIDDERS_SMALLEST * scale;
                high = NumericDerivatives.LONG_FIRST_STEP * scale;
            }
            default -> {
                low = FiniteDifferences.COMPLEX_STEP;
                high = low;
            }
        }
        curves.add(new StepCurve(t.name(), index, analytic, tolerance, complex ? Method.COMPLEX_STEP : Method.RIDDERS,
                curve, result.method(), low, high));
        done.add(label);
        return true;
    }

    private static int flat(Tensor t, int[] index) {
        int[] shape = t.shape();
        if (index.length != shape.length) {
            throw new IllegalArgumentException("index " + Arrays.toString(index) + " does not fit " + t);
        }
        int k = 0;
        for (int d = 0; d < shape.length; d++) {
            k = k * shape[d] + index[d];
        }
        return k;
    }
}
