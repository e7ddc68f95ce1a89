package org.gradaudit.check.grad;

import java.util.ArrayList;
import java.util.List;
import org.gradaudit.gradient.CheckTarget;
import org.gradaudit.gradient.Tensor;

/**
 * A check of a target some of whose tensors have no claimed gradient: the others are checked as
 * usual, over the loss restricted to them, and each unclaimed tensor fails with a
 * {@link Finding.Kind#NO_GRADIENT} finding that says why, so that a missing gradient is never
 * mistaken for a checked one.
 */
final class Unclaimed {
    private Unclaimed() {
    }

    static CheckResult check(CheckTarget target, CheckOptions options, ProgressListener progress) {
        CheckResult checked = GradientChecker.check(target.claimedOnly(), options, progress);
        List<TensorResult> tensors = new ArrayList<>();
        List<Finding> failures = new ArrayList<>();
        for (Tensor t : target.tensors()) {
            String why = target.unclaimed().get(t.name());
            if (why != null) {
                tensors.add(new TensorResult(t.name(), t.shape(), 0, 0, Double.NaN, Double.NaN, null, 0, 1, false));
                failures.add(new Finding(Finding.Kind.NO_GRADIENT, t.name(), null, Double.NaN, Double.NaN, Double.NaN,
                        Double.NaN, Double.NaN, why));
                continue;
            }
            for (TensorResult r : checked.tensors()) {
                if (r.name().equals(t.name())) {
                    tensors.add(r);
                }
            }
            for (Finding f : checked.failures()) {
                if (f.tensor().equals(t.name())) {
                    failures.add(f);
                }
            }
        }
        for (Finding f : checked.failures()) {
            if (target.tensors().stream().noneMatch(t -> t.name().equals(f.tensor()))) {
                failures.add(f); // about the loss itself
            }
        }
        return new CheckResult(target.description(), checked.method(), checked.mode(), checked.seed(), tensors, failures,
                checked.unlistedFailures(), checked.kinks(), checked.unlistedKinks(), checked.elementsChecked(),
                checked.seconds(), checked.toleranceRule());
    }
}
