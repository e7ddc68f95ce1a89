package org.gradaudit.report.html;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.gradaudit.check.grad.CheckResult;
import org.gradaudit.check.grad.Finding;
import org.gradaudit.check.grad.Mode;
import org.gradaudit.check.grad.Tensor;
import org.gradaudit.check.grad.TensorResult;

/**
 * A gradient check as one page: the model, method and summary; a table of tensors; per tensor a
 * plot of every comparison's |analytic - numeric| against its tolerance; the failures and kinks;
 * the error-against-step curves the result carries; and the tolerance rule.
 */
public final class CheckPage {
    /** Most markers one plot draws; past it every failure and kink is drawn and passing elements are thinned evenly. */
    static final int MAX_MARKERS = 2000;

    private final CheckResult result;
    private final Html h = new Html();

    private CheckPage(CheckResult result) {
        this.result = result;
    }

    /** The page for a gradient check. */
    public static String render(CheckResult result, String version) {
        return new CheckPage(result).page(version);
    }

    private String page(String version) {
        Page.start(h, "Gradient check: " + result.model());
        h.open("header");
        h.element("h1", "Gradient check of " + result.model());
        h.element("p", "Method " + result.method() + ", mode " + result.mode() + ", seed " + result.seed() + ".",
                "class", "source");
        h.close("header").newline();
        h.open("section", "class", "summary", "aria-label", "Summary");
        verdict(result.passed());
        h.element("p", String.format(java.util.Locale.ROOT, "%d parameter tensors, %d elements checked, %d failed,"
                + " %d kinks, in %.3f s.", result.tensors().size(), result.elementsChecked(), result.failed(),
                result.kinkCount(), result.seconds()));
        h.close("section").newline();
        tensorTable();
        h.open("section");
        h.element("h2", "Every element against its tolerance");
        h.element("p", result.mode() == Mode.FAST
                ? "Fast mode compares random directions, then the elements a failing direction narrows to; each"
                        + " comparison is one marker, in the order made."
                : "Each element is one marker, in row-major order. An element fails when its marker lies above"
                        + " the dashed line of its own tolerance.");
        h.open("div", "class", "plots");
        for (int i = 0; i < result.tensors().size(); i++) {
            tensorPlot(result.tensors().get(i), i);
        }
        h.close("div");
        h.close("section").newline();
        findings();
        curves();
        h.open("section");
        h.element("h2", "How the tolerance is chosen");
        h.element("p", "Each element's tolerance is its own noise floor: " + result.toleranceRule());
        h.close("section").newline();
        Page.end(h, version, "gradaudit check with the same options and --seed " + result.seed()
                + " --format html -o report.html");
        return h.finish();
    }

    private void verdict(boolean passed) {
        h.element("span", passed ? "\u2713 pass" : "\u2717 fail", "class", "verdict " + (passed ? "pass" : "fail"));
    }

    private void tensorTable() {
        h.open("section");
        h.element("h2", "Parameters");
        h.open("div", "class", "table-wrap").open("table", "class", "wide");
        h.element("caption", "Per tensor: the largest errors and the element worst relative to its tolerance");
        h.open("thead").open("tr");
        for (String c : new String[] {"parameter", "shape", "checked", "max abs err", "max rel err", "worst element",
            "analytic", "numeric", "tolerance", "kinks", "failed", "verdict"}) {
            h.element("th", c, "scope", "col");
        }
        h.close("tr").close("thead").open("tbody");
        for (TensorResult t : result.tensors()) {
            h.open("tr");
            h.open("th", "scope", "row").element("a", t.name(), "href", "#tensor-" + t.name()).close("th");
            h.element("td", Arrays.toString(t.shape()), "class", "num");
            h.element("td", String.valueOf(t.checked()), "class", "num");
            h.element("td", Page.number(t.maxAbsError()), "class", "num");
            h.element("td", Page.number(t.maxRelError()), "class", "num");
            TensorResult.Worst w = t.worst();
            h.element("td", w == null ? "" : w.index() == null ? "a direction" : Tensor.label(t.name(), w.index()),
                    "class", "mono");
            h.element("td", w == null ? "" : Page.number(w.analytic()), "class", "num");
            h.element("td", w == null ? "" : Page.number(w.numeric()), "class", "num");
            h.element("td", w == null ? "" : Page.number(w.tolerance()), "class", "num");
            h.element("td", String.valueOf(t.kinks()), "class", "num");
            h.element("td", String.valueOf(t.failed()), "class", "num");
            h.open("td");
            verdict(t.passed());
            h.close("td");
            h.close("tr");
        }
        h.close("tbody").close("table").close("div");
        h.close("section").newline();
    }

    private void tensorPlot(TensorResult t, int number) {
        List<TensorResult.Compared> all = t.compared();
        h.open("figure", "id", "tensor-" + t.name());
        h.element("h3", t.name() + " " + Arrays.toString(t.shape()));
        if (all.isEmpty()) {
            h.element("p", "No comparison was recorded for this tensor.");
            h.close("figure");
            return;
        }
        int agreeing = (int) all.stream().filter(c -> c.outcome() == TensorResult.Outcome.AGREES).count();
        int others = all.size() - agreeing;
        int stride = Math.max(1, (int) Math.ceil((double) agreeing / Math.max(1, MAX_MARKERS - others)));
        List<double[]> pass = new ArrayList<>();
        List<double[]> fail = new ArrayList<>();
        List<double[]> kink = new ArrayList<>();
        List<double[]> tolerance = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        int seen = 0;
        int nonFinite = 0;
        int zeros = 0;
        for (int i = 0; i < all.size(); i++) {
            TensorResult.Compared c = all.get(i);
            if (c.outcome() == TensorResult.Outcome.AGREES && seen++ % stride != 0) {
                continue;
            }
            for (double v : new double[] {c.error(), c.tolerance()}) {
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            if (!Double.isFinite(c.error())) {
                nonFinite++;
                continue;
            }
            zeros += c.error() == 0 ? 1 : 0;
            double[] p = {i, c.error()};
            (c.outcome() == TensorResult.Outcome.AGREES ? pass : c.outcome() == TensorResult.Outcome.KINK ? kink : fail)
                    .add(p);
            if (Double.isFinite(c.tolerance())) {
                tolerance.add(new double[] {i - 0.4, c.tolerance()});
                tolerance.add(new double[] {i + 0.4, c.tolerance()});
            }
        }
        Plot.Axis y = logAxis("|analytic \u2212 numeric|", lo, hi);
        Plot.Axis x = new Plot.Axis(result.mode() == Mode.FAST ? "comparison, in the order made"
                : "element of " + t.name() + ", row-major", Plot.Scale.LINEAR, -0.5, Math.max(all.size() - 0.5, 0.5), true);
        String caption = caption(t, all.size(), stride, nonFinite, zeros);
        Plot plot = new Plot(t.name() + ": error and tolerance of each " + (result.mode() == Mode.FAST
                ? "comparison" : "element"), caption, x, y)
                .line("tolerance", "its tolerance", tolerance)
                .markers("pass", Plot.Shape.CIRCLE, "agrees", pass)
                .markers("fail", Plot.Shape.TRIANGLE, "fails", fail)
                .markers("kink", Plot.Shape.DIAMOND, "kink", kink);
        plot.write(h, "plot-" + number);
        h.element("figcaption", caption);
        h.close("figure").newline();
    }

    private String caption(TensorResult t, int count, int stride, int nonFinite, int zeros) {
        StringBuilder s = new StringBuilder();
        s.append(t.name()).append(": ").append(count).append(count == 1 ? " comparison, " : " comparisons, ")
                .append(t.failed()).append(" failing (above its tolerance), ").append(t.kinks())
                .append(t.kinks() == 1 ? " kink" : " kinks").append(". Largest |analytic \u2212 numeric| ")
                .append(Page.number(t.maxAbsError())).append('.');
        TensorResult.Worst w = t.worst();
        if (w != null) {
            s.append(" Worst relative to its tolerance: ")
                    .append(w.index() == null ? "a random direction" : Tensor.label(t.name(), w.index()))
                    .append(", error ").append(Page.number(Math.abs(w.analytic() - w.numeric())))
                    .append(" against a tolerance of ").append(Page.number(w.tolerance())).append('.');
        }
        if (stride > 1) {
            s.append(" Every failure and kink is drawn, and every ").append(stride)
                    .append(stride == 2 ? "nd" : stride == 3 ? "rd" : "th").append(" agreeing element.");
        }
        if (zeros > 0) {
            s.append(' ').append(zeros).append(zeros == 1 ? " error is" : " errors are")
                    .append(" exactly 0, drawn on the bottom edge.");
        }
        if (nonFinite > 0) {
            s.append(' ').append(nonFinite).append(" not finite, not drawn.");
        }
        return s.toString();
    }

    /** A log axis over whole decades around [lo, hi]; a default range when nothing is positive. */
    static Plot.Axis logAxis(String label, double lo, double hi) {
        if (!(lo > 0) || !(hi >= lo) || Double.isInfinite(lo)) {
            return new Plot.Axis(label, Plot.Scale.LOG, 1e-17, 1);
        }
        double min = Math.pow(10, Math.floor(Math.log10(lo)));
        double max = Math.pow(10, Math.ceil(Math.log10(hi)));
        if (max <= min) {
            max = min * 10;
        }
        return new Plot.Axis(label, Plot.Scale.LOG, min, max);
    }

    private void findings() {
        if (result.failures().isEmpty() && result.kinks().isEmpty()) {
            return;
        }
        h.open("section");
        if (!result.failures().isEmpty()) {
            h.element("h2", "Failures" + (result.unlistedFailures() > 0 ? " (first " + result.failures().size() + " of "
                    + result.failed() + ")" : ""));
            findingTable(result.failures(), "Elements whose analytic and numeric values differ by more than their"
                    + " tolerance");
        }
        if (!result.kinks().isEmpty()) {
            h.element("h2", "Kinks (non-differentiable points, not failures)");
            findingTable(result.kinks(), "Elements where the left and right one-sided differences disagree");
            if (result.unlistedKinks() > 0) {
                h.element("p", "And " + result.unlistedKinks() + " more.");
            }
        }
        h.close("section").newline();
    }

    private void findingTable(List<Finding> findings, String caption) {
        h.open("div", "class", "table-wrap").open("table");
        h.element("caption", caption);
        h.open("thead").open("tr");
        for (String c : new String[] {"element", "analytic", "numeric", "|difference|", "tolerance", "note"}) {
            h.element("th", c, "scope", "col");
        }
        h.close("tr").close("thead").open("tbody");
        for (Finding f : findings) {
            h.open("tr");
            h.element("th", f.label(), "scope", "row", "class", "mono");
            h.element("td", Page.number(f.analytic()), "class", "num");
            h.element("td", Page.number(f.numeric()), "class", "num");
            h.element("td", Page.number(f.absError()), "class", "num");
            h.element("td", Page.number(f.tolerance()), "class", "num");
            String note = f.kind() == Finding.Kind.KINK && f.note() == null
                    ? "left " + Page.number(f.left()) + ", right " + Page.number(f.right())
                    : f.note() == null ? "" : f.note();
            h.element("td", note);
            h.close("tr");
        }
        h.close("tbody").close("table").close("div");
    }

    private void curves() {
        if (result.stepCurves().isEmpty()) {
            return;
        }
        h.open("section");
        h.element("h2", "Error against step size");
        h.element("p", "For the worst element of each tensor and the first failing ones: the error of the central"
                + " difference (f(x+h) \u2212 f(x\u2212h))/2h at each step h, against a reference derivative. Large"
                + " steps are ruled by truncation, which falls as h\u00b2; small ones by rounding, which grows as 1/h."
                + " The dotted lines are that model; the shaded band is where the check's method stepped.");
        for (int i = 0; i < result.stepCurves().size(); i++) {
            new StepCurveFigure(h, result.stepCurves().get(i)).write("curve-" + i);
        }
        h.close("section").newline();
    }
}
