package org.gradaudit.numeric;

import static org.gradaudit.numeric.NumericPreconditions.checkFinite;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.DoubleUnaryOperator;

/**
 * The error of the central difference {@code (f(x+h) - f(x-h)) / 2h} against its step {@code h},
 * for one function at one point: the curve numerical-analysis texts draw, computed for the user's
 * own function. Large steps are ruled by truncation, which falls as {@code h^2}; small ones by the
 * rounding of {@code f}, which grows as {@code 1/h}; the best step lies where they cross.
 *
 * <p>The error of each step is measured against a {@code reference} derivative the caller trusts
 * more than any central difference (the complex step, or Ridders' extrapolation). With the curve
 * come the two halves of the textbook model {@code E(h) = T h^2 + R / h}: {@code T = |f'''| / 6},
 * with {@code f'''} from a third difference, and {@code R = eps |f(x)|}.
 *
 * @param x the point
 * @param reference the derivative each step's error is measured against
 * @param points the steps from {@code 1e-16 max(1,|x|)} to {@code max(1,|x|)}, four per decade, and
 *     each one's error {@code |D(h) - reference|}; steps where f is not finite are left out
 * @param truncation {@code T} of the model, {@code |f'''(x)| / 6}; NaN when f''' could not be estimated
 * @param rounding {@code R} of the model, {@code eps |f(x)|}
 */
public record StepErrorCurve(double x, double reference, List<Point> points, double truncation, double rounding) {
    /** Steps per decade. */
    static final int PER_DECADE = 4;
    /** The smallest step, in decades below max(1,|x|). */
    static final int DECADES = 16;

    /** One step and the central difference's error there. */
    public record Point(double step, double error) {
    }

    public StepErrorCurve {
        points = List.copyOf(points);
    }

    /**
     * The curve of {@code f} at {@code x}.
     *
     * @throws IllegalArgumentException if {@code x} or {@code reference} is not finite
     * @throws NullPointerException if {@code f} is null
     */
    public static StepErrorCurve central(DoubleUnaryOperator f, double x, double reference) {
        Objects.requireNonNull(f, "f");
        checkFinite("x", x);
        checkFinite("reference", reference);
        double scale = Math.max(1, Math.abs(x));
        List<Point> points = new ArrayList<>();
        for (int k = -DECADES * PER_DECADE; k <= 0; k++) {
            double h = FiniteDifferences.exactStep(x, scale * Math.pow(10, (double) k / PER_DECADE));
            if (h <= 0 || !Double.isFinite(x + h) || !Double.isFinite(x - h)) {
                continue;
            }
            double d = (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
            if (Double.isFinite(d)) {
                points.add(new Point(h, Math.abs(d - reference)));
            }
        }
        double h3 = FiniteDifferences.exactStep(x, Math.pow(FiniteDifferences.EPS, 0.2) * scale);
        double third = (f.applyAsDouble(x + 2 * h3) - 2 * f.applyAsDouble(x + h3) + 2 * f.applyAsDouble(x - h3)
                - f.applyAsDouble(x - 2 * h3)) / (2 * h3 * h3 * h3);
        double truncation = Double.isFinite(third) ? Math.abs(third) / 6 : Double.NaN;
        return new StepErrorCurve(x, reference, points, truncation, FiniteDifferences.EPS * Math.abs(f.applyAsDouble(x)));
    }

    /** The step with the smallest measured error; null when there are no points. */
    public Point best() {
        Point best = null;
        for (Point p : points) {
            if (best == null || p.error() < best.error()) {
                best = p;
            }
        }
        return best;
    }

    /** Where the model's truncation and rounding balance, {@code cbrt(R / 2T)}; NaN when T is 0 or unknown. */
    public double modelBestStep() {
        return truncation > 0 ? Math.cbrt(rounding / (2 * truncation)) : Double.NaN;
    }
}
