package org.gradaudit.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gradaudit.check.grad.CheckResult;
import org.gradaudit.check.grad.Finding;
import org.gradaudit.check.grad.Mode;
import org.gradaudit.check.grad.TensorResult;
import org.gradaudit.expr.Numbers;
import org.gradaudit.gradient.Tensor;

/** Renders a {@link CheckResult} as text for people or as the JSON document of DESIGN.md. */
public final class CheckReport {
    private CheckReport() {
    }

    /** The {@code check --format json} document. */
    public static String json(CheckResult r, String version) {
        List<Object> params = new ArrayList<>();
        for (TensorResult t : r.tensors()) {
            Map<String, Object> p = Json.object("name", t.name(), "shape", t.shape(), "size", t.size(),
                    "checked", t.checked());
            if (r.mode() == Mode.FAST) {
                p.put("directions", t.directions());
            }
            p.put("max_abs_error", t.maxAbsError());
            p.put("max_rel_error", t.maxRelError());
            p.put("worst", t.worst() == null ? null
                    : Json.object("index", t.worst().index(), "analytic", t.worst().analytic(),
                            "numeric", t.worst().numeric(), "tolerance", t.worst().tolerance()));
            p.put("kinks", t.kinks());
            p.put("failed", t.failed());
            p.put("verdict", t.passed() ? "pass" : "fail");
            params.add(p);
        }
        Map<String, Object> doc = Json.object("tool", "gradaudit", "version", version, "model", r.model(),
                "method", r.method().toString(), "mode", r.mode().toString(), "seed", r.seed());
        doc.put("parameters", params);
        doc.put("failures", findings(r.failures()));
        doc.put("unlisted_failures", r.unlistedFailures());
        doc.put("kink_points", findings(r.kinks()));
        doc.put("unlisted_kinks", r.unlistedKinks());
        doc.put("tolerance", r.toleranceRule());
        doc.put("summary", Json.object("parameters", r.tensors().size(), "elements_checked", r.elementsChecked(),
                "failed", r.failed(), "kinks", r.kinkCount(), "seconds", round(r.seconds())));
        return Json.write(doc);
    }

    private static List<Object> findings(List<Finding> fs) {
        List<Object> out = new ArrayList<>();
        for (Finding f : fs) {
            Map<String, Object> m = Json.object("kind", f.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    "parameter", f.tensor(), "index", f.index(), "element", f.label(), "analytic", f.analytic(),
                    "numeric", f.numeric(), "tolerance", f.tolerance());
            if (f.kind() == Finding.Kind.KINK) {
                m.put("left", f.left());
                m.put("right", f.right());
            }
            if (f.note() != null) {
                m.put("note", f.note());
            }
            out.add(m);
        }
        return out;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    /** A report for people: a table of tensors, the failures and kinks, the tolerance rule, a verdict. */
    public static String text(CheckResult r) {
        StringBuilder b = new StringBuilder();
        b.append("gradaudit check: ").append(r.model()).append('\n');
        b.append("method ").append(r.method()).append(", mode ").append(r.mode());
        if (r.mode() == Mode.FAST && !r.tensors().isEmpty()) {
            b.append(" (").append(r.tensors().get(0).directions()).append(r.tensors().get(0).directions() == 1 ? " random direction" : " random directions")
                    .append(" over all parameters)");
        }
        b.append(", seed ").append(r.seed()).append("\n\n");
        String[] head = {"parameter", "shape", "checked", "max abs err", "max rel err", "worst", "analytic",
            "numeric", "kinks", "verdict"};
        List<String[]> rows = new ArrayList<>();
        rows.add(head);
        for (TensorResult t : r.tensors()) {
            TensorResult.Worst w = t.worst();
            rows.add(new String[] {t.name(), Arrays.toString(t.shape()), String.valueOf(t.checked()),
                num(t.maxAbsError()), num(t.maxRelError()),
                w == null ? "-" : w.index() == null ? "(direction)" : Tensor.label(t.name(), w.index()),
                w == null ? "-" : num(w.analytic()), w == null ? "-" : num(w.numeric()),
                String.valueOf(t.kinks()), t.passed() ? "pass" : "FAIL"});
        }
        org.gradaudit.report.TextTable.render(rows, "", b);
        if (!r.failures().isEmpty()) {
            b.append("\nfailures");
            if (r.unlistedFailures() > 0) {
                b.append(" (first ").append(r.failures().size()).append(" of ").append(r.failed()).append(')');
            }
            b.append(":\n");
            for (Finding f : r.failures()) {
                b.append("  ").append(f.label()).append(": ");
                if (f.kind() == Finding.Kind.NON_FINITE || f.kind() == Finding.Kind.NO_GRADIENT) {
                    b.append(f.note()).append('\n');
                    continue;
                }
                b.append(f.index() == null && f.note() != null ? "directional derivative " : "")
                        .append("analytic ").append(num(f.analytic())).append(", numeric ").append(num(f.numeric()))
                        .append(", |difference| ").append(num(f.absError())).append(" > tolerance ")
                        .append(num(f.tolerance())).append('\n');
                if (f.note() != null) {
                    b.append("    ").append(f.note()).append('\n');
                }
            }
        }
        if (!r.kinks().isEmpty()) {
            b.append("\nkinks (non-differentiable points, not failures):\n");
            for (Finding f : r.kinks()) {
                b.append("  kink at ").append(f.label()).append(": ");
                if (f.note() != null) {
                    b.append(f.note()).append(", analytic ").append(num(f.analytic())).append('\n');
                } else {
                    b.append("left ").append(num(f.left())).append(", right ").append(num(f.right()))
                            .append(", analytic ").append(num(f.analytic())).append('\n');
                }
            }
            if (r.unlistedKinks() > 0) {
                b.append("  and ").append(r.unlistedKinks()).append(" more\n");
            }
        }
        b.append('\n').append(TextTable.wrap("tolerance: " + r.toleranceRule(), 100, "", "  "));
        b.append(Numbers.format("%nsummary: %d parameters, %d elements checked, %d failed, %d kinks,"
                + " %.3f s: %s%n", r.tensors().size(), r.elementsChecked(), r.failed(), r.kinkCount(), r.seconds(),
                r.passed() ? "PASS" : "FAIL"));
        return TerminalText.escape(b.toString()); // a model's names and descriptions are a stranger's text
    }



    private static String num(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (d == 0) {
            return "0";
        }
        return Numbers.six(d);
    }
}
