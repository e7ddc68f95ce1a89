package org.gradaudit.report;

import java.util.ArrayList;
import java.util.List;
import org.gradaudit.check.grad.Finding;
import org.gradaudit.expr.Numbers;

/**
 * The table of failing elements: element, analytic, numeric, absolute and relative error, and the
 * element's tolerance, numbers to six significant digits. The failed-assertion message of the test
 * API prints it; one layout for every reader of a gradient check.
 */
public final class FailureTable {
    private FailureTable() {
    }

    /** Appends the header and one row per finding, in the order given, each line starting with {@code indent}. */
    public static void render(List<Finding> failures, String indent, StringBuilder out) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"element", "analytic", "numeric", "abs err", "rel err", "tolerance"});
        for (Finding f : failures) {
            double rel = Math.max(Math.abs(f.analytic()), Math.abs(f.numeric()));
            rows.add(new String[] {f.label(), num(f.analytic()), num(f.numeric()), num(f.absError()),
                num(rel == 0 ? 0 : f.absError() / rel), num(f.tolerance())});
        }
        TextTable.render(rows, indent, out);
    }

    private static String num(double d) {
        return Numbers.trimmed(d);
    }
}
