package org.gradaudit.check.grad;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gradaudit.gradient.CheckTarget;
import org.gradaudit.gradient.Tensor;
import org.gradaudit.numeric.loss.PerturbableLoss;

/**
 * Fast mode: per tensor, k random directions with entries +-1 (so each element moves by the
 * method's step, as in full mode), each comparing the directional derivative of the loss with the
 * claimed gradient projected on the direction. A tensor whose direction fails is bisected: the
 * direction restricted to each half is checked, and the failing half kept, down to one element,
 * which is then checked alone (and may turn out to be a kink).
 */
final class FastCheck {
    /** Below this many elements, a tensor whose halves both pass alone is checked element by element. */
    private static final int ELEMENTWISE_LIMIT = 4096;

    private final CheckTarget target;
    private final CheckOptions options;
    private final double[] x;
    private final double[] g;
    private final double[] gmax;
    private final double base;

    FastCheck(CheckTarget target, CheckOptions options, double[] x, double[] g, double[] gmax, double base) {
        this.base = base;
        this.target = target;
        this.options = options;
        this.x = x;
        this.g = g;
        this.gmax = gmax;
    }

    List<TensorResult> run(GradientChecker.Budget budget, ProgressListener progress) {
        List<Tensor> tensors = target.tensors();
        int k = options.directions();
        Comparison[] dirs = new Comparison[tensors.size() * k];
        Parallel.forEach(dirs.length, options.threads(), target.loss(), (ev, task) -> {
            Tensor t = tensors.get(task / k);
            double[] v = direction(task, t);
            dirs[task] = Comparison.direction(ev, options.method(), v, t.offset(), t.offset() + t.size(), g,
                    gmax[task / k], base);
        }, progress);
        PerturbableLoss.Evaluator ev = target.loss().evaluator();
        List<TensorResult> results = new ArrayList<>();
        for (int ti = 0; ti < tensors.size(); ti++) {
            Tensor t = tensors.get(ti);
            GradientChecker.Aggregate agg = new GradientChecker.Aggregate();
            List<Finding> located = new ArrayList<>();
            for (int d = 0; d < k; d++) {
                Comparison c = dirs[ti * k + d];
                // Directions give the tensor's error measures; only located elements count as failures.
                agg.measure(c, null);
                if (c.agrees() || located.stream().anyMatch(f -> f.kind().isFailure())) {
                    continue;
                }
                located.addAll(narrow(ev, t, ti, direction(ti * k + d, t), c));
            }
            for (Finding f : located) {
                budget.add(f);
                agg.add(new Comparison(f.kind(), f.analytic(), f.numeric(), f.tolerance(), f.left(), f.right(),
                        f.note()), f.index());
            }
            results.add(agg.result(t, t.size(), k));
        }
        return results;
    }

    /** Random +-1 entries on the tensor, zero elsewhere, from the seed and the task number. */
    private double[] direction(int task, Tensor t) {
        SplittableRandom r = new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + task);
        double[] v = new double[x.length];
        for (int i = t.offset(); i < t.offset() + t.size(); i++) {
            v[i] = r.nextBoolean() ? 1 : -1;
        }
        return v;
    }

    private List<Finding> narrow(PerturbableLoss.Evaluator ev, Tensor t, int ti, double[] v, Comparison failed) {
        int lo = t.offset();
        int hi = t.offset() + t.size();
        if (failed.kind() == Finding.Kind.NON_FINITE && !Double.isFinite(failed.analytic())) {
            for (int k = lo; k < hi; k++) {
                if (!Double.isFinite(g[k])) {
                    return List.of(GradientChecker.finding(t, k, Comparison.element(ev, options, k, x[k],
                            g[k], gmax[ti], base, target.loss().smooth(),
                        target.loss().smooth() && target.loss().supportsComplexStep())));
                }
            }
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (fails(ev, v, lo, mid, ti)) {
                hi = mid;
            } else if (fails(ev, v, mid, hi, ti)) {
                lo = mid;
            } else {
                break;
            }
        }
        List<Finding> found = new ArrayList<>();
        if (hi - lo > ELEMENTWISE_LIMIT) {
            found.add(new Finding(failed.kind(), t.name(), null, failed.analytic(), failed.numeric(),
                    failed.tolerance(), Double.NaN, Double.NaN, "a random direction fails, but no half of the "
                            + (hi - lo) + " elements it narrowed to fails alone; run --mode full"));
            return found;
        }
        for (int k = lo; k < hi; k++) {
            Comparison c = Comparison.element(ev, options, k, x[k], g[k], gmax[ti], base,
                    target.loss().smooth(),
                        target.loss().smooth() && target.loss().supportsComplexStep());
            if (!c.agrees()) {
                found.add(GradientChecker.finding(t, k, c));
            }
        }
        if (found.isEmpty()) {
            found.add(new Finding(failed.kind(), t.name(), null, failed.analytic(), failed.numeric(),
                    failed.tolerance(), Double.NaN, Double.NaN, "a random direction fails, but each of the "
                            + (hi - lo) + " elements it narrowed to passes alone; run --mode full"));
        }
        return found;
    }

    private boolean fails(PerturbableLoss.Evaluator ev, double[] v, int lo, int hi, int ti) {
        double[] part = new double[v.length];
        System.arraycopy(v, lo, part, lo, hi - lo);
        return !Comparison.direction(ev, options.method(), part, lo, hi, g, gmax[ti], base).agrees();
    }
}
