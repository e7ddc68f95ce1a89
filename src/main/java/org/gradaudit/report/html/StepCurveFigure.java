package org.gradaudit.report.html;

import java.util.ArrayList;
import java.util.List;
import org.gradaudit.check.grad.StepCurve;
import org.gradaudit.numeric.Method;
import org.gradaudit.numeric.StepErrorCurve;

/**
 * One error-against-step curve on log-log axes: the measured errors, the truncation and rounding
 * lines of the model {@code T h^2 + R/h}, the tolerance, how far the claimed value is from the
 * reference, and the steps the check's method used; with a caption that says the same in words.
 */
final class StepCurveFigure {
    private final Html h;
    private final StepCurve c;

    StepCurveFigure(Html h, StepCurve c) {
        this.h = h;
        this.c = c;
    }

    void write(String id) {
        StepErrorCurve curve = c.curve();
        List<double[]> points = new ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        double xmin = Double.POSITIVE_INFINITY;
        double xmax = 0;
        for (StepErrorCurve.Point p : curve.points()) {
            points.add(new double[] {p.step(), p.error()});
            xmin = Math.min(xmin, p.step());
            xmax = Math.max(xmax, p.step());
            if (p.error() > 0) {
                lo = Math.min(lo, p.error());
                hi = Math.max(hi, p.error());
            }
        }
        h.open("figure", "id", id);
        h.element("h3", c.label() + " (the " + c.referenceMethod() + " reference)");
        if (points.isEmpty()) {
            h.element("p", "The loss is not finite at any step around this element, so there is no curve.");
            h.close("figure");
            return;
        }
        for (double v : new double[] {c.claimedError(), c.tolerance()}) {
            if (v > 0 && Double.isFinite(v)) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        Plot.Axis x = CheckPage.logAxis("step h", xmin, xmax);
        Plot.Axis y = CheckPage.logAxis("|central difference \u2212 reference|", lo, hi);
        String caption = caption(curve);
        Plot plot = new Plot("Error of the central difference at each step, " + c.label(), caption, x, y);
        if (c.stepLow() >= x.min() && c.stepHigh() <= x.max()) {
            plot.band("chosen", c.method() == Method.CENTRAL ? "the central step" : "Ridders' steps", c.stepLow(),
                    c.stepHigh());
        }
        plot.line("curve", "measured error", points);
        model(plot, x, y, curve.truncation(), 2, "truncation T h\u00b2", "model");
        model(plot, x, y, curve.rounding(), -1, "rounding R/h", "model-rounding");
        if (Double.isFinite(c.tolerance()) && c.tolerance() > 0) {
            plot.horizontal("tolerance", "tolerance", c.tolerance());
        }
        if (c.claimedError() > 0) {
            plot.horizontal("claimed", "claimed value's error", c.claimedError());
        }
        plot.markers("curve-point", Plot.Shape.DOT, null, points);
        plot.write(h, id);
        h.element("figcaption", caption);
        h.close("figure").newline();
    }

    /** The straight line {@code coefficient * h^power} on log-log axes, cut to where it is inside the plot. */
    private static void model(Plot plot, Plot.Axis x, Plot.Axis y, double coefficient, int power, String legend,
                              String cssClass) {
        if (!(coefficient > 0) || !Double.isFinite(coefficient)) {
            return;
        }
        // h where coefficient * h^power equals a given error: (error / coefficient)^(1/power)
        double a = Math.pow(y.min() / coefficient, 1.0 / power);
        double b = Math.pow(y.max() / coefficient, 1.0 / power);
        double from = Math.max(x.min(), Math.min(a, b));
        double to = Math.min(x.max(), Math.max(a, b));
        if (!(from < to)) {
            return;
        }
        plot.line(cssClass, legend, List.of(new double[] {from, coefficient * Math.pow(from, power)},
                new double[] {to, coefficient * Math.pow(to, power)}));
    }

    private String caption(StepErrorCurve curve) {
        StringBuilder s = new StringBuilder();
        s.append("The central difference's error against its step h for ").append(c.label()).append(" at ")
                .append(Page.number(curve.x())).append(", measured against the ").append(c.referenceMethod())
                .append(" derivative ").append(Page.number(curve.reference())).append('.');
        StepErrorCurve.Point best = curve.best();
        if (best != null) {
            s.append(" The smallest error, ").append(Page.number(best.error())).append(", is at h = ")
                    .append(Page.number(best.step())).append("; larger steps lose to truncation, smaller ones to"
                            + " rounding.");
        }
        if (Double.isFinite(curve.modelBestStep())) {
            s.append(" The model T h\u00b2 + R/h (T = ").append(Page.number(curve.truncation())).append(", R = ")
                    .append(Page.number(curve.rounding())).append(") puts the best step at ")
                    .append(Page.number(curve.modelBestStep())).append('.');
        }
        s.append(switch (c.method()) {
            case CENTRAL -> " The check's central difference used h = " + Page.number(c.stepLow()) + ".";
            case RIDDERS -> " Ridders' extrapolation used steps from " + Page.number(c.stepLow()) + " to "
                    + Page.number(c.stepHigh()) + " and extrapolated them to h = 0.";
            case COMPLEX_STEP -> " The check used the complex step, h = " + Page.number(c.stepLow())
                    + ", which has no cancellation and so no rounding branch; it is off this plot.";
        });
        s.append(" The claimed value ").append(Page.number(c.analytic())).append(" is ")
                .append(Page.number(c.claimedError())).append(" from the reference");
        if (c.claimedError() > c.tolerance()) {
            s.append(", above the element's tolerance of ").append(Page.number(c.tolerance()));
            if (Double.isFinite(c.claimedOverBest())) {
                s.append(" and ").append(Page.number(c.claimedOverBest()))
                        .append(" times the central difference's error at its best step: no choice of step explains it");
            }
            s.append('.');
        } else {
            s.append(", within the element's tolerance of ").append(Page.number(c.tolerance())).append('.');
        }
        return s.toString();
    }
}
