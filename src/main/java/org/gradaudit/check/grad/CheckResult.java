package org.gradaudit.check.grad;

import java.util.List;
import org.gradaudit.numeric.Method;

/**
 * The outcome of a gradient check: per-tensor results, the findings listed within the failure
 * budget, the counts, and the tolerance rule in words.
 *
 * @param model what was checked, human-readable
 * @param method the numeric method
 * @param mode full or fast
 * @param seed the seed of the run (parameters, data, directions)
 * @param tensors one result per tensor, in order
 * @param failures failing findings, at most the budget, in flat-index order
 * @param unlistedFailures failing findings beyond the budget
 * @param kinks kink findings, at most the budget, in flat-index order
 * @param unlistedKinks kinks beyond the budget
 * @param elementsChecked elements compared or covered
 * @param seconds wall time of the check itself
 * @param toleranceRule how the tolerance was derived, in words
 * @param stepCurves error-against-step curves of chosen elements, when they were asked for
 *     ({@link StepCurves#attach}); else empty
 */
public record CheckResult(String model, Method method, Mode mode, long seed, List<TensorResult> tensors,
        List<Finding> failures, int unlistedFailures, List<Finding> kinks, int unlistedKinks,
        long elementsChecked, double seconds, String toleranceRule, List<StepCurve> stepCurves) {

    public CheckResult {
        tensors = List.copyOf(tensors);
        failures = List.copyOf(failures);
        kinks = List.copyOf(kinks);
        stepCurves = List.copyOf(stepCurves);
    }

    /** A result without step curves. */
    public CheckResult(String model, Method method, Mode mode, long seed, List<TensorResult> tensors,
            List<Finding> failures, int unlistedFailures, List<Finding> kinks, int unlistedKinks,
            long elementsChecked, double seconds, String toleranceRule) {
        this(model, method, mode, seed, tensors, failures, unlistedFailures, kinks, unlistedKinks, elementsChecked,
                seconds, toleranceRule, List.of());
    }

    /** This result with the given step curves. */
    public CheckResult withStepCurves(List<StepCurve> curves) {
        return new CheckResult(model, method, mode, seed, tensors, failures, unlistedFailures, kinks, unlistedKinks,
                elementsChecked, seconds, toleranceRule, curves);
    }

    /** Failing findings, listed or not. */
    public int failed() {
        return failures.size() + unlistedFailures;
    }

    /** Kinks, listed or not. */
    public int kinkCount() {
        return kinks.size() + unlistedKinks;
    }

    /** Whether every tensor passed (kinks are not failures). */
    public boolean passed() {
        return failed() == 0;
    }
}
