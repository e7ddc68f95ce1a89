package org.gradaudit.check.grad;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gradaudit.gradient.CheckTarget;
import org.gradaudit.gradient.Tensor;
import org.gradaudit.numeric.loss.PerturbableLoss;

/**
 * Fast mode, coarse to fine. First k random directions over all parameters at once (k = 1 by
 * default), each comparing the directional derivative of the loss with the claimed gradient
 * projected on it: a correct gradient costs one directional derivative per direction (one complex
 * forward pass with the complex step, four real ones with the central difference). Only a failing
 * direction is restricted to each tensor; a tensor whose restriction fails is bisected: the
 * direction restricted to each half is checked, and the failing half kept, down to one element,
 * which is then checked alone (and may turn out to be a kink).
 *
 * <p>Entries are {@code +-(1 + u)}, u uniform in [0, 1): each element moves by one to two times
 * the method's step, and since the magnitudes are continuous, no two errors cancel exactly (with
 * +-1 entries, two equal errors would cancel in half of all directions).
 */
final class FastCheck {
    /** Below this many elements, a tensor whose halves both pass alone is checked element by element. */
    private static final int ELEMENTWISE_LIMIT = 4096;

    private final CheckTarget target;
    private final CheckOptions options;
    private final double[] x;
    private final double[] g;
    private final double gmax;
    private final double base;
    private final boolean smooth;
    private final boolean complexArbiter;

    FastCheck(CheckTarget target, CheckOptions options, double[] x, double[] g, double gmax, double base) {
        this.target = target;
        this.options = options;
        this.x = x;
        this.g = g;
        this.gmax = gmax;
        this.base = base;
        this.smooth = target.loss().smooth();
        this.complexArbiter = smooth && target.loss().supportsComplexStep();
    }

    List<TensorResult> run(GradientChecker.Budget budget, ProgressListener progress) {
        List<Tensor> tensors = target.tensors();
        int k = options.directions();
        PerturbableLoss.Evaluator ev = target.loss().evaluator();
        GradientChecker.Aggregate[] aggs = new GradientChecker.Aggregate[tensors.size()];
        List<List<Finding>> located = new ArrayList<>();
        for (int ti = 0; ti < tensors.size(); ti++) {
            aggs[ti] = new GradientChecker.Aggregate();
            located.add(new ArrayList<>());
        }
        for (int d = 0; d < k; d++) {
            double[] v = direction(d);
            Comparison all = compare(ev, v, 0, x.length);
            if (all.agrees()) {
                for (GradientChecker.Aggregate agg : aggs) {
                    agg.measure(all, null);
                }
            } else {
                restrictToTensors(ev, v, all, aggs, located);
            }
            progress.progress(d + 1, k);
        }
        List<TensorResult> results = new ArrayList<>();
        for (int ti = 0; ti < tensors.size(); ti++) {
            for (Finding f : located.get(ti)) {
                budget.add(f);
                aggs[ti].add(new Comparison(Comparison.Outcome.of(f.kind()), f.analytic(), f.numeric(), f.tolerance(),
                        f.left(), f.right(), f.note()), f.index());
            }
            results.add(aggs[ti].result(tensors.get(ti), tensors.get(ti).size(), k));
        }
        return results;
    }

    /** A failing direction over all parameters, restricted to each tensor not yet known to fail. */
    private void restrictToTensors(PerturbableLoss.Evaluator ev, double[] v, Comparison all,
            GradientChecker.Aggregate[] aggs, List<List<Finding>> located) {
        List<Tensor> tensors = target.tensors();
        boolean found = false;
        int nearest = 0;
        double nearestRatio = -1;
        for (int ti = 0; ti < tensors.size(); ti++) {
            if (located.get(ti).stream().anyMatch(f -> f.kind().isFailure())) {
                found = true;
                continue;
            }
            Tensor t = tensors.get(ti);
            double[] part = restrict(v, t.offset(), t.offset() + t.size());
            Comparison c = compare(ev, part, t.offset(), t.offset() + t.size());
            aggs[ti].measure(c, null);
            if (!c.agrees()) {
                found = true;
                located.get(ti).addAll(narrow(ev, t, part, c));
            } else if (c.ratio() > nearestRatio) {
                nearestRatio = c.ratio();
                nearest = ti;
            }
        }
        if (!found) {
            // The errors of several tensors add up to a failure that none shows alone.
            located.get(nearest).add(new Finding(all.outcome().findingKind(), tensors.get(nearest).name(), null, all.analytic(),
                    all.numeric(), all.tolerance(), Double.NaN, Double.NaN, "a random direction over all parameters"
                            + " fails, but its restriction to each tensor passes alone (this one came nearest to"
                            + " failing); run --mode full"));
        }
    }

    /** Direction d over all parameters: entries +-(1 + u), u uniform in [0, 1), from the seed. */
    private double[] direction(int d) {
        SplittableRandom r = new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + d);
        double[] v = new double[x.length];
        for (int i = 0; i < v.length; i++) {
            // One draw per element: 52 bits make the magnitude in [1, 2) exactly, the 53rd its sign.
            long bits = r.nextLong();
            double magnitude = Double.longBitsToDouble(0x3FF0000000000000L | (bits >>> 12));
            v[i] = (bits & 0x800) == 0 ? magnitude : -magnitude;
        }
        return v;
    }

    private static double[] restrict(double[] v, int lo, int hi) {
        double[] part = new double[v.length];
        System.arraycopy(v, lo, part, lo, hi - lo);
        return part;
    }

    private Comparison compare(PerturbableLoss.Evaluator ev, double[] v, int lo, int hi) {
        return Comparison.direction(ev.line(v), options.method(), v, lo, hi, g, gmax, base, smooth, complexArbiter);
    }

    private Comparison element(PerturbableLoss.Evaluator ev, int k) {
        return Comparison.element(ev, options, k, x[k], g[k], gmax, base, smooth, complexArbiter);
    }

    private List<Finding> narrow(PerturbableLoss.Evaluator ev, Tensor t, double[] v, Comparison failed) {
        int lo = t.offset();
        int hi = t.offset() + t.size();
        if (failed.outcome() == Comparison.Outcome.NON_FINITE && !Double.isFinite(failed.analytic())) {
            for (int k = lo; k < hi; k++) {
                if (!Double.isFinite(g[k])) {
                    return List.of(GradientChecker.finding(t, k, element(ev, k)));
                }
            }
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (!compare(ev, restrict(v, lo, mid), lo, mid).agrees()) {
                hi = mid;
            } else if (!compare(ev, restrict(v, mid, hi), mid, hi).agrees()) {
                lo = mid;
            } else {
                break;
            }
        }
        List<Finding> found = new ArrayList<>();
        if (hi - lo > ELEMENTWISE_LIMIT) {
            found.add(new Finding(failed.outcome().findingKind(), t.name(), null, failed.analytic(), failed.numeric(),
                    failed.tolerance(), Double.NaN, Double.NaN, "a random direction fails, but no half of the "
                            + (hi - lo) + " elements it narrowed to fails alone; run --mode full"));
            return found;
        }
        for (int k = lo; k < hi; k++) {
            Comparison c = element(ev, k);
            if (!c.agrees()) {
                found.add(GradientChecker.finding(t, k, c));
            }
        }
        if (found.isEmpty()) {
            found.add(new Finding(failed.outcome().findingKind(), t.name(), null, failed.analytic(), failed.numeric(),
                    failed.tolerance(), Double.NaN, Double.NaN, "a random direction fails, but each of the "
                            + (hi - lo) + " elements it narrowed to passes alone; run --mode full"));
        }
        return found;
    }
}
