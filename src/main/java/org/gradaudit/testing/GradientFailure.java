package org.gradaudit.testing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.gradaudit.check.grad.CheckResult;
import org.gradaudit.check.grad.Finding;
import org.gradaudit.check.grad.TensorResult;
import org.gradaudit.expr.Numbers;
import org.gradaudit.report.FailureTable;

/** Builds the message of a failed gradient assertion: the one place its wording lives. */
final class GradientFailure {
    private GradientFailure() {
    }

    static String message(CheckResult r, GradientOptions options) {
        StringBuilder b = new StringBuilder();
        long checked = r.elementsChecked();
        b.append("gradient check failed: ").append(r.failed()).append(" of ").append(checked)
                .append(checked == 1 ? " element differs" : " elements differ").append(" in ").append(r.model())
                .append('\n');
        List<String> failing = new ArrayList<>();
        for (TensorResult t : r.tensors()) {
            if (!t.passed()) {
                failing.add(t.name() + " (" + t.failed() + " of " + t.checked() + ")");
            }
        }
        if (!failing.isEmpty()) {
            b.append("failing: ").append(String.join(", ", failing)).append('\n');
        }
        List<Finding> worst = r.failures().stream()
                .sorted(Comparator.comparingDouble(GradientFailure::badness).reversed())
                .limit(options.maxRows()).collect(Collectors.toList());
        FailureTable.render(worst, "  ", b);
        int more = r.failed() - worst.size();
        if (more > 0) {
            b.append("  ... and ").append(more).append(more == 1 ? " more failing element" : " more failing elements")
                    .append(" (withMaxRows to see more)\n");
        }
        for (Finding f : worst) {
            if (f.note() != null) {
                b.append("  ").append(f.label()).append(": ").append(f.note()).append('\n');
            }
        }
        if (r.kinkCount() > 0) {
            b.append(r.kinkCount()).append(r.kinkCount() == 1 ? " element sits" : " elements sit")
                    .append(" at a kink (left and right differences disagree); kinks are not failures\n");
        }
        b.append("method: ").append(options.method().step()).append('\n');
        b.append("tolerance: per element, the numeric method's error estimate plus rounding of the loss and"
                + " gradient");
        if (options.absoluteTolerance() != 0 || options.relativeTolerance() != 0) {
            b.append(", or ").append(num(options.absoluteTolerance())).append(" + ")
                    .append(num(options.relativeTolerance())).append(" |numeric| if larger");
        }
        b.append('\n');
        b.append("seed: ").append(r.seed()).append(" (reproduce with ").append(options).append(")");
        return b.toString();
    }

    /** |error| / tolerance; NaN (a non-finite value) ranks first. */
    private static double badness(Finding f) {
        double e = f.absError();
        if (Double.isNaN(e) || Double.isNaN(f.tolerance())) {
            return Double.POSITIVE_INFINITY;
        }
        return f.tolerance() == 0 ? Double.MAX_VALUE : e / f.tolerance();
    }


    /** Six significant digits, trailing zeros dropped: {@code 3}, {@code -0.0123}, {@code 1.5e-07}. */
    static String num(double d) {
        return Numbers.trimmed(d);
    }

    /** The vector in brackets, in full if short, else its first elements and its length. */
    static String vector(double[] v) {
        StringBuilder b = new StringBuilder("[");
        int shown = Math.min(v.length, 8);
        for (int i = 0; i < shown; i++) {
            b.append(i == 0 ? "" : ", ").append(v[i]);
        }
        if (shown < v.length) {
            b.append(", ... (").append(v.length).append(" elements)");
        }
        return b.append(']').toString();
    }
}
