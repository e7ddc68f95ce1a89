package org.gradaudit.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An SVG plot of our own: one linear or logarithmic axis each way, ticks and tick labels, a title,
 * a description (the text alternative), marker series, lines, horizontal reference lines and a
 * vertical band, and a legend. Values outside an axis are drawn at its edge. Every marker keeps its
 * value in {@code data-x} and {@code data-y}, so what is drawn can be checked against the result.
 * The plot computes nothing about the data: it places what it is given.
 */
final class Plot {
    /** How an axis maps values. */
    enum Scale { LINEAR, LOG }

    /** How a marker is drawn; shapes differ, so the plot reads without colour. */
    enum Shape { CIRCLE, TRIANGLE, DIAMOND, DOT }

    /**
     * An axis from {@code min} to {@code max} (both positive for a log axis).
     *
     * @param integers whether only whole numbers are meaningful (element numbers), so ticks fall on them
     */
    record Axis(String label, Scale scale, double min, double max, boolean integers) {
        Axis(String label, Scale scale, double min, double max) {
            this(label, scale, min, max, false);
        }

        Axis {
            if (!(min < max) || scale == Scale.LOG && !(min > 0)) {
                throw new IllegalArgumentException("axis " + label + " needs 0 < min < max on a log scale and"
                        + " min < max on any, was [" + min + ", " + max + "]");
            }
        }

        double fraction(double v) {
            double f = scale == Scale.LOG ? (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
                    : (v - min) / (max - min);
            return Double.isNaN(f) ? 0 : Math.max(0, Math.min(1, f));
        }
    }

    private record Series(String cssClass, Shape shape, String legend, List<double[]> points) {
    }

    private record Line(String cssClass, String legend, List<double[]> points) {
    }

    private record Band(String cssClass, String legend, double from, double to) {
    }

    static final int WIDTH = 680;
    static final int HEIGHT = 370;
    private static final int LEFT = 74;
    private static final int RIGHT = 16;
    private static final int TOP = 30;
    private static final int BOTTOM = 84;

    private final String title;
    private final String description;
    private final Axis x;
    private final Axis y;
    private final List<Series> series = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private final List<Band> bands = new ArrayList<>();

    Plot(String title, String description, Axis x, Axis y) {
        this.title = title;
        this.description = description;
        this.x = x;
        this.y = y;
    }

    /** Markers at the given (x, y) points. */
    Plot markers(String cssClass, Shape shape, String legend, List<double[]> points) {
        series.add(new Series(cssClass, shape, legend, List.copyOf(points)));
        return this;
    }

    /** A polyline through the given points, in order. */
    Plot line(String cssClass, String legend, List<double[]> points) {
        lines.add(new Line(cssClass, legend, List.copyOf(points)));
        return this;
    }

    /** A horizontal line at {@code value} across the plot. */
    Plot horizontal(String cssClass, String legend, double value) {
        return line(cssClass, legend, List.of(new double[] {x.min(), value}, new double[] {x.max(), value}));
    }

    /** A vertical band from {@code from} to {@code to}; a line when they are equal. */
    Plot band(String cssClass, String legend, double from, double to) {
        bands.add(new Band(cssClass, legend, from, to));
        return this;
    }

    double px(double v) {
        return LEFT + x.fraction(v) * (WIDTH - LEFT - RIGHT);
    }

    double py(double v) {
        return HEIGHT - BOTTOM - y.fraction(v) * (HEIGHT - TOP - BOTTOM);
    }

    /** Writes the plot as an {@code <svg>} element whose ids start with {@code id}. */
    void write(Html h, String id) {
        h.open("svg", "class", "plot", "viewBox", "0 0 " + WIDTH + " " + HEIGHT, "width", String.valueOf(WIDTH),
                "height", String.valueOf(HEIGHT), "role", "img", "aria-labelledby", id + "-title " + id + "-desc");
        h.element("title", title, "id", id + "-title");
        h.element("desc", description, "id", id + "-desc");
        h.element("text", title, "x", String.valueOf(LEFT), "y", "18", "font-weight", "600");
        axes(h);
        for (Band b : bands) {
            double a = px(b.from());
            double c = px(b.to());
            if (b.from() == b.to()) {
                h.empty("line", "class", b.cssClass() + "-line", "x1", f(a), "x2", f(a), "y1", f(TOP),
                        "y2", f(HEIGHT - BOTTOM));
            } else {
                h.empty("rect", "class", b.cssClass(), "x", f(Math.min(a, c)), "y", f(TOP), "width", f(Math.abs(c - a)),
                        "height", f(HEIGHT - TOP - BOTTOM));
            }
        }
        for (Line l : lines) {
            StringBuilder pts = new StringBuilder();
            for (double[] p : l.points()) {
                pts.append(pts.length() == 0 ? "" : " ").append(f(px(p[0]))).append(',').append(f(py(p[1])));
            }
            h.empty("polyline", "class", l.cssClass(), "points", pts.toString());
        }
        for (Series s : series) {
            h.open("g", "class", s.cssClass());
            for (double[] p : s.points()) {
                h.empty("path", "d", marker(s.shape(), px(p[0]), py(p[1])), "data-x", Double.toString(p[0]),
                        "data-y", Double.toString(p[1]));
            }
            h.close("g");
        }
        legend(h);
        h.close("svg");
    }

    private static String marker(Shape shape, double cx, double cy) {
        String at = "M" + f(cx) + "," + f(cy);
        return switch (shape) {
            case CIRCLE -> at + " m-3.5,0 a3.5,3.5 0 1,0 7,0 a3.5,3.5 0 1,0 -7,0";
            case TRIANGLE -> at + " m0,-5.5 l5,9 l-10,0 z";
            case DIAMOND -> at + " m0,-5 l5,5 l-5,5 l-5,-5 z";
            case DOT -> at + " m-2,0 a2,2 0 1,0 4,0 a2,2 0 1,0 -4,0";
        };
    }

    private void axes(Html h) {
        double x0 = LEFT;
        double x1 = WIDTH - RIGHT;
        double y0 = HEIGHT - BOTTOM;
        double y1 = TOP;
        for (double t : ticks(y)) {
            double p = py(t);
            h.empty("line", "class", "grid", "x1", f(x0), "x2", f(x1), "y1", f(p), "y2", f(p));
            label(h, y, t, x0 - 6, p + 4, "end");
        }
        for (double t : ticks(x)) {
            double p = px(t);
            h.empty("line", "class", "grid", "x1", f(p), "x2", f(p), "y1", f(y0), "y2", f(y1));
            label(h, x, t, p, y0 + 16, "middle");
        }
        h.empty("rect", "class", "frame", "x", f(x0), "y", f(y1), "width", f(x1 - x0), "height", f(y0 - y1));
        h.element("text", x.label(), "class", "axis-label", "x", f((x0 + x1) / 2), "y", f(y0 + 34),
                "text-anchor", "middle");
        h.element("text", y.label(), "class", "axis-label", "x", "14", "y", f((y0 + y1) / 2), "text-anchor", "middle",
                "transform", "rotate(-90 14 " + f((y0 + y1) / 2) + ")");
    }

    private static void label(Html h, Axis a, double t, double px, double py, String anchor) {
        h.open("text", "x", f(px), "y", f(py), "text-anchor", anchor);
        if (a.scale() == Scale.LOG) {
            int e = (int) Math.round(Math.log10(t));
            h.text("10").element("tspan", (e < 0 ? "\u2212" : "") + Math.abs(e), "dy", "-6", "font-size", "9");
        } else {
            h.text(t == Math.rint(t) ? Long.toString((long) t) : String.format(Locale.ROOT, "%.3g", t));
        }
        h.close("text");
    }

    /** Decades on a log axis (every second, third... when there are many); 1, 2 or 5 times a power of ten on a linear one. */
    static List<Double> ticks(Axis a) {
        List<Double> out = new ArrayList<>();
        if (a.scale() == Scale.LOG) {
            int lo = (int) Math.ceil(Math.log10(a.min()) - 1e-9);
            int hi = (int) Math.floor(Math.log10(a.max()) + 1e-9);
            int every = Math.max(1, (int) Math.ceil((hi - lo + 1) / 9.0));
            for (int e = hi; e >= lo; e -= every) {
                out.add(0, Math.pow(10, e));
            }
            return out;
        }
        double span = a.max() - a.min();
        double step = Math.pow(10, Math.floor(Math.log10(span / 6)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (span / (step * m) <= 7) {
                step *= m;
                break;
            }
        }
        if (a.integers()) {
            step = Math.max(1, Math.rint(step));
        }
        for (double t = Math.ceil(a.min() / step) * step; t <= a.max() + 1e-9 * span; t += step) {
            out.add(Math.abs(t) < 1e-12 * span ? 0 : t);
        }
        return out;
    }

    private double lx;
    private double ly;

    private void legend(Html h) {
        lx = LEFT;
        ly = HEIGHT - 26;
        for (Series s : series) {
            if (s.legend() != null) {
                room(16 + width(s.legend()));
                h.empty("path", "class", s.cssClass(), "d", marker(s.shape(), lx + 6, ly - 4));
                legendText(h, s.legend(), 16);
            }
        }
        for (Line l : lines) {
            if (l.legend() != null) {
                room(28 + width(l.legend()));
                h.empty("line", "class", l.cssClass(), "x1", f(lx), "x2", f(lx + 22), "y1", f(ly - 4), "y2", f(ly - 4));
                legendText(h, l.legend(), 28);
            }
        }
        for (Band b : bands) {
            room(20 + width(b.legend()));
            if (b.from() == b.to()) {
                h.empty("line", "class", b.cssClass() + "-line", "x1", f(lx + 6), "x2", f(lx + 6), "y1", f(ly - 12),
                        "y2", f(ly + 2));
            } else {
                h.empty("rect", "class", b.cssClass(), "x", f(lx), "y", f(ly - 12), "width", "14", "height", "12");
            }
            legendText(h, b.legend(), 20);
        }
    }

    /** Starts a second legend row when the next entry would not fit on this one. */
    private void room(double needed) {
        if (lx + needed > WIDTH - RIGHT && lx > LEFT) {
            lx = LEFT;
            ly += 17;
        }
    }

    private static double width(String text) {
        return 6.2 * text.length();
    }

    private void legendText(Html h, String text, double offset) {
        h.element("text", text, "x", f(lx + offset), "y", f(ly));
        lx += offset + width(text) + 16;
    }

    static String f(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
