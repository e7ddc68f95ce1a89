package org.gradaudit.check.grad;

import org.gradaudit.check.tolerance.NoiseFloor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.gradaudit.gradient.CheckTarget;
import org.gradaudit.gradient.Tensor;
import org.gradaudit.numeric.Method;
import org.gradaudit.numeric.loss.PerturbableLoss;

/**
 * Compares a claimed gradient with numeric derivatives of the loss, element by element (full
 * mode) or along random directions (fast mode). It computes no derivative itself: the claimed
 * gradient comes with the {@link CheckTarget}, numeric ones from the shared estimators.
 */
public final class GradientChecker {
    private GradientChecker() {
    }

    /**
     * The method a check uses when the caller names none: Ridders in full mode (the most accurate
     * real method, and the one that finds kinks); in fast mode the complex step where the loss has a
     * complex extension (exact to rounding at one complex forward pass per direction, so a 1e-8
     * error stands out even in a direction over all parameters), else Ridders, whose extrapolation
     * reaches that accuracy where the central difference's 1e-10 relative floor would not.
     */
    public static Method defaultMethod(Mode mode, PerturbableLoss loss) {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(loss, "loss");
        return mode == Mode.FAST && loss.supportsComplexStep() ? Method.COMPLEX_STEP : Method.RIDDERS;
    }

    /** {@link #check(CheckTarget, CheckOptions, ProgressListener)} without progress reports. */
    public static CheckResult check(CheckTarget target, CheckOptions options) {
        return check(target, options, ProgressListener.NONE);
    }

    /**
     * Checks the target's claimed gradient.
     *
     * @throws IllegalArgumentException if the method is the complex step and the loss has no complex extension
     * @throws RuntimeException whatever the target's loss throws, unchanged
     */
    public static CheckResult check(CheckTarget target, CheckOptions options, ProgressListener progress) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(options, "options");
        if (!target.unclaimed().isEmpty()) {
            return Unclaimed.check(target, options, progress);
        }
        long start = System.nanoTime();
        org.gradaudit.bounds.MemoryBudget.require("checking " + target.description() + " in " + options.mode()
                + " mode", CheckMemory.bytes(target, options));
        PerturbableLoss loss = target.loss();
        if (options.method() == Method.COMPLEX_STEP && !loss.supportsComplexStep()) {
            throw new IllegalArgumentException("--method complex-step needs a loss with a complex extension, and "
                    + target.description() + " has none; use --method ridders or central");
        }
        double[] x = loss.point();
        double[] g = target.claimed();
        List<Tensor> tensors = target.tensors();
        // The rounding allowance of the claimed gradient scales with its largest element anywhere:
        // backprop reaches a tensor whose true gradient is 0 through sums of terms as large as the
        // other tensors' gradients, and leaves rounding of their size (4e-16 where 0 is due).
        double largest = 0;
        for (double gk : g) {
            if (Double.isFinite(gk)) {
                largest = Math.max(largest, Math.abs(gk));
            }
        }
        double[] gmax = new double[tensors.size()];
        java.util.Arrays.fill(gmax, largest);
        Budget budget = new Budget(options.maxFailures());
        List<TensorResult> results;
        double base = x.length == 0 ? 0 : loss.evaluator().withElement(0, x[0]);
        if (!Double.isFinite(base)) {
            results = new ArrayList<>();
            for (Tensor t : tensors) {
                results.add(new TensorResult(t.name(), t.shape(), 0, 0, Double.NaN, Double.NaN, null, 0, 0, false));
            }
            budget.add(new Finding(Finding.Kind.NON_FINITE, "loss", null, Double.NaN, base, Double.NaN,
                    Double.NaN, Double.NaN, "the loss at the base point is " + base));
        } else if (options.mode() == Mode.FULL) {
            results = full(target, options, progress, x, g, gmax, base, budget);
        } else {
            results = new FastCheck(target, options, x, g, largest, base).run(budget, progress);
        }
        long checked = 0;
        for (TensorResult r : results) {
            checked += r.checked(); // a loop, not a stream: a cold JVM would load seven stream classes for it
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new CheckResult(target.description(), options.method(), options.mode(), options.seed(), results,
                budget.failures, budget.unlistedFailures, budget.kinks, budget.unlistedKinks, checked, seconds,
                NoiseFloor.rule(options.method()) + allowance(options));
    }

    private static String allowance(CheckOptions o) {
        return o.atol() == 0 && o.rtol() == 0 ? ""
                : " An element also passes when |analytic - numeric| <= " + o.atol() + " + " + o.rtol()
                        + " |numeric|, as the caller allowed.";
    }

    private static List<TensorResult> full(CheckTarget target, CheckOptions options, ProgressListener progress,
            double[] x, double[] g, double[] gmax, double base, Budget budget) {
        List<Tensor> tensors = target.tensors();
        // Ranges of at most Parallel.CHUNK elements, none across two tensors: each gathers its elements'
        // comparisons on the thread that made them, and the loop below, run once on one thread and in a
        // cold JVM mostly before the JIT has compiled it, only joins the ranges, not the elements.
        int[] bounds = ranges(tensors);
        int[] tensorOfRange = new int[bounds.length - 1];
        for (int t = 0, r = 0; t < tensors.size(); t++) {
            for (Tensor ts = tensors.get(t); r < tensorOfRange.length && bounds[r] < ts.offset() + ts.size(); r++) {
                tensorOfRange[r] = t;
            }
        }
        Comparison[] out = new Comparison[x.length];
        Aggregate[] parts = new Aggregate[tensorOfRange.length];
        boolean smooth = target.loss().smooth();
        boolean complexArbiter = smooth && target.loss().supportsComplexStep();
        Parallel.forEachRange(bounds, options.threads(), target.loss(), (ev, r, from, to) -> {
            Tensor t = tensors.get(tensorOfRange[r]);
            double tensorMax = gmax[tensorOfRange[r]];
            Aggregate part = new Aggregate();
            for (int k = from; k < to; k++) {
                Comparison c = Comparison.element(ev, options, k, x[k], g[k], tensorMax, base, smooth, complexArbiter);
                out[k] = c;
                part.add(c, Aggregate.entry(c, t.index(k)), t, k);
            }
            parts[r] = part;
        }, progress);
        List<TensorResult> results = new ArrayList<>();
        int r = 0;
        for (Tensor t : tensors) {
            Aggregate agg = new Aggregate();
            for (; r < parts.length && bounds[r] < t.offset() + t.size(); r++) {
                agg.merge(parts[r]);
                if (parts[r].failed + parts[r].kinks > 0) {
                    for (int k = bounds[r]; k < bounds[r + 1]; k++) {
                        if (!out[k].agrees()) {
                            budget.add(finding(t, k, out[k]));
                        }
                    }
                }
            }
            results.add(agg.result(t, t.size(), 0));
        }
        return results;
    }

    /** Bounds of ranges of at most {@link Parallel#CHUNK} elements, each within one tensor (which are contiguous from 0). */
    private static int[] ranges(List<Tensor> tensors) {
        List<Integer> bounds = new ArrayList<>();
        bounds.add(0);
        for (Tensor t : tensors) {
            for (int from = t.offset(); from < t.offset() + t.size(); from += Parallel.CHUNK) {
                bounds.add(Math.min(t.offset() + t.size(), from + Parallel.CHUNK));
            }
        }
        int[] out = new int[bounds.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bounds.get(i);
        }
        return out;
    }

    static Finding finding(Tensor t, int k, Comparison c) {
        return new Finding(c.outcome().findingKind(), t.name(), t.index(k), c.analytic(), c.numeric(), c.tolerance(), c.left(),
                c.right(), c.note());
    }

    /** Per-tensor maxima, the worst comparison and the counts. */
    static final class Aggregate {
        double maxAbs;
        double maxRel;
        TensorResult.Worst worst;
        double worstRatio = -1;
        int kinks;
        int failed;
        final List<TensorResult.Compared> compared = new ArrayList<>();

        void add(Comparison c, int[] index) {
            add(c, entry(c, index), index, null, 0);
        }

        /** Full mode's element k of tensor t, its plot entry made already; its index is made only for a new worst. */
        void add(Comparison c, TensorResult.Compared entry, Tensor t, int k) {
            add(c, entry, null, t, k);
        }

        private void add(Comparison c, TensorResult.Compared entry, int[] index, Tensor t, int k) {
            compared.add(entry);
            if (c.outcome() == Comparison.Outcome.KINK) {
                kinks++;
                return;
            }
            if (c.outcome().isFailure()) {
                failed++;
                if ((index != null || t != null) && worst != null && worst.index() == null) {
                    worstRatio = -1; // a located element outranks any direction
                }
            }
            extremes(c, index, t, k);
        }

        /** Takes the comparison's errors into the maxima and the worst, without counting it. */
        void measure(Comparison c, int[] index) {
            compared.add(new TensorResult.Compared(index, c.absError(), c.tolerance(),
                    c.agrees() ? TensorResult.Outcome.AGREES : TensorResult.Outcome.FAILS));
            extremes(c, index, null, 0);
        }

        /**
         * Takes in what a later stretch of the same tensor's elements gathered, so that this holds what adding
         * its elements here, after this one's, would: its comparisons follow, the counts add, the maxima are the
         * larger (NaN if either is), and its worst replaces this one's only if strictly worse, as in
         * {@link #extremes}. For full mode's parts, where every comparison is of a located element (the rule
         * that a located failure outranks a direction never applies).
         */
        void merge(Aggregate later) {
            compared.addAll(later.compared);
            kinks += later.kinks;
            failed += later.failed;
            maxAbs = Double.isNaN(later.maxAbs) || Double.isNaN(maxAbs) ? Double.NaN : Math.max(maxAbs, later.maxAbs);
            maxRel = Double.isNaN(later.maxRel) || Double.isNaN(maxRel) ? Double.NaN : Math.max(maxRel, later.maxRel);
            if (later.worstRatio > worstRatio) {
                worstRatio = later.worstRatio;
                worst = later.worst;
            }
        }

        /** What the plots show of a comparison at this index (null for a direction). */
        static TensorResult.Compared entry(Comparison c, int[] index) {
            return new TensorResult.Compared(index, c.absError(), c.tolerance(),
                    c.outcome() == Comparison.Outcome.KINK ? TensorResult.Outcome.KINK
                            : c.agrees() ? TensorResult.Outcome.AGREES : TensorResult.Outcome.FAILS);
        }

        /** The maxima and the worst; the worst's index is {@code t.index(k)}, or {@code index} where t is null. */
        private void extremes(Comparison c, int[] index, Tensor t, int k) {
            double abs = c.absError();
            double rel = c.relError();
            maxAbs = Double.isNaN(abs) || Double.isNaN(maxAbs) ? Double.NaN : Math.max(maxAbs, abs);
            maxRel = Double.isNaN(rel) || Double.isNaN(maxRel) ? Double.NaN : Math.max(maxRel, rel);
            double ratio = Double.isNaN(c.ratio()) ? Double.POSITIVE_INFINITY : c.ratio();
            if (ratio > worstRatio) {
                worstRatio = ratio;
                worst = new TensorResult.Worst(t == null ? index : t.index(k), c.analytic(), c.numeric(), c.tolerance());
            }
        }

        TensorResult result(Tensor t, int checked, int directions) {
            return new TensorResult(t.name(), t.shape(), checked, directions, maxAbs, maxRel, worst, kinks, failed,
                    failed == 0, compared);
        }
    }

    /** Lists at most N failures and N kinks, in the order added, and counts the rest. */
    static final class Budget {
        final int max;
        final List<Finding> failures = new ArrayList<>();
        final List<Finding> kinks = new ArrayList<>();
        int unlistedFailures;
        int unlistedKinks;

        Budget(int max) {
            this.max = max;
        }

        void add(Finding f) {
            if (f.kind().isFailure()) {
                if (failures.size() < max) {
                    failures.add(f);
                } else {
                    unlistedFailures++;
                }
            } else if (kinks.size() < max) {
                kinks.add(f);
            } else {
                unlistedKinks++;
            }
        }
    }
}
