package org.gradaudit.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.gradaudit.check.grad.CheckResult;
import org.gradaudit.check.grad.StepCurve;
import org.gradaudit.check.grad.TensorResult;
import org.gradaudit.numeric.StepErrorCurve;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class CheckPageTest {

    /** The markers of one class in a figure, as (data-x, data-y). */
    private static List<double[]> markers(Element figure, String cls) {
        List<double[]> out = new ArrayList<>();
        for (Element g : Pages.elements(figure, "g")) {
            if (Pages.hasClass(g, cls)) {
                for (Element p : Pages.elements(g, "path")) {
                    out.add(new double[] {Double.parseDouble(p.getAttribute("data-x")),
                        Double.parseDouble(p.getAttribute("data-y"))});
                }
            }
        }
        return out;
    }

    @Test
    void eachTensorsPlotHasAMarkerPerElementAtItsErrorWithFailuresApart() {
        CheckResult r = Pages.failingCheck();
        Document d = Pages.parse(Pages.checkPage());
        assertFalse(r.passed());
        for (TensorResult t : r.tensors()) {
            Element figure = Pages.byId(d, "tensor-" + t.name());
            List<double[]> pass = markers(figure, "pass");
            List<double[]> fail = markers(figure, "fail");
            assertEquals(t.size(), t.compared().size());
            assertEquals(t.failed(), fail.size(), t.name());
            assertEquals(t.size() - t.failed(), pass.size(), t.name());
            List<double[]> all = new ArrayList<>(pass);
            all.addAll(fail);
            for (double[] p : all) {
                TensorResult.Compared c = t.compared().get((int) p[0]);
                assertEquals(c.error(), p[1], 0.0, t.name() + " element " + p[0]);
                assertEquals(c.outcome() == TensorResult.Outcome.FAILS, fail.contains(p));
            }
        }
    }

    @Test
    void markersSitWhereTheirValuesPutThemOnTheAxes() {
        Document d = Pages.parse(Pages.checkPage());
        Element figure = Pages.byId(d, "tensor-W1");
        Element svg = Pages.elements(figure, "svg").get(0);
        // the y axis: tick labels 10^k at their grid lines; read two and check each marker's height against them
        List<Element> paths = new ArrayList<>();
        for (Element g : Pages.elements(svg, "g")) {
            paths.addAll(Pages.elements(g, "path"));
        }
        List<Double> ys = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (Element p : paths) {
            String[] at = p.getAttribute("d").substring(1).split(" ")[0].split(",");
            ys.add(Double.parseDouble(at[1]));
            values.add(Math.log10(Double.parseDouble(p.getAttribute("data-y"))));
        }
        // on a log axis, height is affine in log10(value): every pair of markers gives the same slope
        double slope = (ys.get(0) - ys.get(1)) / (values.get(0) - values.get(1));
        assertTrue(slope < 0, "larger errors are drawn higher");
        for (int i = 2; i < ys.size(); i++) {
            assertEquals(slope, (ys.get(0) - ys.get(i)) / (values.get(0) - values.get(i)), Math.abs(slope) * 0.01);
        }
    }

    @Test
    void theErrorAgainstStepCurvesHaveThePointsTheResultCarries() {
        CheckResult r = Pages.failingCheck();
        assertTrue(r.stepCurves().size() >= r.tensors().size(), "a curve for the worst element of each tensor");
        Document d = Pages.parse(Pages.checkPage());
        for (int i = 0; i < r.stepCurves().size(); i++) {
            StepCurve c = r.stepCurves().get(i);
            Element figure = Pages.byId(d, "curve-" + i);
            assertTrue(Pages.elements(figure, "h3").get(0).getTextContent().startsWith(c.label()));
            List<double[]> drawn = markers(figure, "curve-point");
            List<StepErrorCurve.Point> points = c.curve().points();
            assertEquals(points.size(), drawn.size());
            for (int k = 0; k < points.size(); k++) {
                assertEquals(points.get(k).step(), drawn.get(k)[0], 0.0);
                assertEquals(points.get(k).error(), drawn.get(k)[1], 0.0);
            }
            String caption = Pages.elements(figure, "figcaption").get(0).getTextContent();
            assertTrue(caption.contains(Page.number(c.curve().best().error())), caption);
        }
    }
}
