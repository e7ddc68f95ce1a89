package org.gradaudit.numeric;

import static org.gradaudit.numeric.NumericPreconditions.checkFinite;
import static org.gradaudit.numeric.NumericPreconditions.checkPositiveFinite;

import java.util.Objects;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.apache.commons.math3.complex.Complex;

/**
 * Derivatives of functions of one variable from their values alone: central differences,
 * Ridders' extrapolation, the complex step, and one-sided differences.
 *
 * <p>Every method returns an {@link Estimate}: the derivative and an estimate of its absolute error.
 * Arguments are checked: {@code x} must be finite and a step {@code h} finite and positive.
 * A function that returns NaN or an infinity near {@code x} is not an error: the estimate is then
 * non-finite (or its error NaN, meaning unknown), and the caller decides what that means.
 *
 * <p>Steps are made exactly representable, {@code h = (x + h) - x}, so that the points
 * {@code x + h} and {@code x} differ by exactly the {@code h} the quotient divides by.
 */
public final class FiniteDifferences {
    /** Machine epsilon, 2^-52: the spacing of doubles at 1. */
    static final double EPS = Math.ulp(1.0);

    /** The step of {@link #complexStep}: small enough that {@code h^2} terms vanish, not so small that it underflows. */
    public static final double COMPLEX_STEP = 1e-20;

    private static final double CBRT_EPS = Math.cbrt(EPS);
    private static final double RIDDERS_SHRINK = 1.4;
    private static final double RIDDERS_SHRINK2 = RIDDERS_SHRINK * RIDDERS_SHRINK;
    private static final int RIDDERS_COLUMNS = 10;
    private static final double RIDDERS_SAFE = 2.0;
    /** How often Ridders' first step may shrink to bring both points into f's domain. */
    private static final int RIDDERS_DOMAIN_SHRINKS = 60;

    private FiniteDifferences() {
    }

    /**
     * The step for {@link #central(DoubleUnaryOperator, double)}: {@code cbrt(eps) * max(1, |x|)},
     * which balances truncation error ({@code ~h^2}) against rounding error ({@code ~eps/h}),
     * made exactly representable as {@code (x + h) - x}.
     *
     * @throws IllegalArgumentException if {@code x} is NaN or infinite
     */
    public static double centralStep(double x) {
        checkFinite("x", x);
        return exactStep(x, CBRT_EPS * Math.max(1.0, Math.abs(x)));
    }

    /**
     * {@link #central(DoubleUnaryOperator, double, double)} with the step {@link #centralStep(double)}.
     *
     * @throws IllegalArgumentException if {@code x} is NaN or infinite, or so close to
     *     {@code +-Double.MAX_VALUE} that {@code x +- h} overflows
     * @throws NullPointerException if {@code f} is null
     */
    public static Estimate central(DoubleUnaryOperator f, double x) {
        return central(f, x, centralStep(x));
    }

    /**
     * The central difference {@code (f(x+h) - f(x-h)) / 2h}, with {@code h} first made exactly
     * representable ({@code (x + h) - x}). Four evaluations of {@code f}: two for the value, two
     * more ({@code x +- 2h}) for the error.
     *
     * <p>The error is the sum of
     * <ul>
     *   <li>rounding: {@code eps * (|f(x+h)| + |f(x-h)|) / h}, that is, each value of {@code f}
     *       taken to be off by up to two machine epsilons relative (a composed function is rarely
     *       better), which is the {@code eps*(|f(x+h)|+|f(x-h)|)/2h} of the textbook plus an
     *       {@code eps*|f(x)|/h}-sized allowance for {@code f}'s own evaluation error;
     *   <li>truncation: {@code |f'''| h^2 / 6}, with {@code f'''} estimated from the third difference
     *       {@code f(x+2h) - 2f(x+h) + 2f(x-h) - f(x-2h)} over {@code 2h^3}, and doubled because that
     *       estimate is itself only first-order: {@code |third difference| / 6h} in all;
     *   <li>{@code eps * |value|} for the final division.
     * </ul>
     * If {@code f} is not finite at {@code x +- 2h} the error is NaN (unknown).
     *
     * @throws IllegalArgumentException if {@code x} is NaN or infinite, {@code h} is not finite and
     *     positive, or {@code h} is too small to change {@code x} or so large that {@code x + h} overflows
     * @throws NullPointerException if {@code f} is null
     */
    public static Estimate central(DoubleUnaryOperator f, double x, double h) {
        Objects.requireNonNull(f, "f");
        checkFinite("x", x);
        checkPositiveFinite("h", h);
        double s = usableStep(x, h);
        double fp = f.applyAsDouble(x + s);
        double fm = f.applyAsDouble(x - s);
        double value = (fp - fm) / (2 * s);
        double fp2 = f.applyAsDouble(x + 2 * s);
        double fm2 = f.applyAsDouble(x - 2 * s);
        double rounding = EPS * (Math.abs(fp) + Math.abs(fm)) / s;
        double truncation = Math.abs(fp2 - 2 * fp + 2 * fm - fm2) / (6 * s);
        return estimate(value, rounding + truncation + EPS * Math.abs(value));
    }

    /**
     * Ridders' method: central differences at steps {@code h, h/1.4, h/1.4^2, ...} extrapolated to
     * step zero in a Neville tableau of up to 10 columns, keeping the entry
     * whose difference from its neighbours is smallest, and stopping once the error of the newest
     * diagonal grows to twice the best so far (Ridders 1982; the idea of Numerical Recipes'
     * {@code dfridr}). The first step is {@code 0.1 * max(1, |x|)}; if {@code f} is not finite at
     * {@code x +- h} it is shrunk by 1.4 until it is (at most 60 times)
     * and then by 4 more, so that the points stay well inside the domain: a point near the edge of one
     * ({@code log} near 0) still gets an accurate estimate.
     *
     * <p>The error is the method's own estimate, that largest neighbour difference, plus
     * {@code eps * |value|} so that it is never zero. Typically 20 evaluations or fewer; at most
     * {@code 2 * (10 + 60)}.
     *
     * @throws IllegalArgumentException if {@code x} is NaN or infinite
     * @throws NullPointerException if {@code f} is null
     */
    public static Estimate ridders(DoubleUnaryOperator f, double x) {
        checkFinite("x", x);
        return ridders(f, x, 0.1 * Math.max(1.0, Math.abs(x)));
    }

    /**
     * {@link #ridders(DoubleUnaryOperator, double)} from a chosen first step instead of
     * {@code 0.1 * max(1, |x|)}. A function that varies on a smaller scale (a network's loss in one
     * weight, whose effect the inputs multiply) needs a smaller first step: from too large a one the
     * tableau can stop with an error estimate well below its true error.
     *
     * @throws IllegalArgumentException if {@code x} is NaN or infinite, or {@code firstStep} is not
     *     finite and positive
     * @throws NullPointerException if {@code f} is null
     */
    public static Estimate ridders(DoubleUnaryOperator f, double x, double firstStep) {
        return ridders(f, x, firstStep, Double.NEGATIVE_INFINITY);
    }

    /**
     * {@link #ridders(DoubleUnaryOperator, double, double)} that also stops as soon as its error
     * estimate (before {@code eps * |value|} is added) is at most {@code enough}: a caller that adds
     * a rounding floor of its own to the error needs no column that would only refine the estimate
     * below that floor. The tableau is the same up to the column where it stops, so the value is
     * that of the full tableau's prefix; {@code enough = -infinity} never stops early.
     *
     * @throws IllegalArgumentException if {@code x} is NaN or infinite, {@code firstStep} is not
     *     finite and positive, or {@code enough} is NaN
     * @throws NullPointerException if {@code f} is null
     */
    public static Estimate ridders(DoubleUnaryOperator f, double x, double firstStep, double enough) {
        Objects.requireNonNull(f, "f");
        checkFinite("x", x);
        checkPositiveFinite("firstStep", firstStep);
        if (Double.isNaN(enough)) {
            throw new IllegalArgumentException("enough must not be NaN");
        }
        double initial = exactStep(x, firstStep);
        double h = initial;
        double first = centralQuotient(f, x, h);
        for (int i = 0; i < RIDDERS_DOMAIN_SHRINKS && !Double.isFinite(first); i++) {
            h = exactStep(x, h / RIDDERS_SHRINK);
            if (h == 0) {
                break;
            }
            first = centralQuotient(f, x, h);
        }
        if (!Double.isFinite(first)) {
            return new Estimate(first, Double.NaN);
        }
        if (h < initial) {
            // The edge of the domain is within about h of x: extrapolation needs room to be accurate.
            h = exactStep(x, h / 4);
            first = h == 0 ? Double.NaN : centralQuotient(f, x, h);
        }
        // The tableau's column i is step h/1.4^i, its row j the j-th extrapolation; column i needs only
        // column i - 1, so two columns are kept: prev (i - 1) and col (i).
        double[] prev = new double[RIDDERS_COLUMNS];
        double[] col = new double[RIDDERS_COLUMNS];
        prev[0] = first;
        double best = first;
        double err = Double.POSITIVE_INFINITY;
        for (int i = 1; i < RIDDERS_COLUMNS; i++) {
            h = exactStep(x, h / RIDDERS_SHRINK);
            if (h == 0) {
                break;
            }
            col[0] = centralQuotient(f, x, h);
            double fac = RIDDERS_SHRINK2;
            for (int j = 1; j <= i; j++) {
                col[j] = (col[j - 1] * fac - prev[j - 1]) / (fac - 1);
                fac *= RIDDERS_SHRINK2;
                double errt = Math.max(Math.abs(col[j] - col[j - 1]), Math.abs(col[j] - prev[j - 1]));
                if (errt <= err) {
                    err = errt;
                    best = col[j];
                }
            }
            if (!(Math.abs(col[i] - prev[i - 1]) < RIDDERS_SAFE * err) || err <= enough) {
                break;
            }
            double[] t = prev;
            prev = col;
            col = t;
        }
        if (err == Double.POSITIVE_INFINITY) {
            // Never a finite comparison: the function went non-finite on a smaller step.
            return new Estimate(best, Double.NaN);
        }
        return estimate(best, err + EPS * Math.abs(best));
    }

    /**
     * The complex step {@code Im f(x + ih) / h} with {@code h = 1e-20}: no subtraction, so no
     * cancellation, and the value is accurate to rounding when {@code f} is the analytic extension of
     * a real function (its truncation error, {@code h^2 |f'''| / 6}, is below 1e-40 |f'''|). The error
     * is {@code eps * |value|}. It is wrong, without warning, for a {@code f} that is not analytic
     * (one that uses {@code abs}, conjugates or compares real parts around {@code x}); one evaluation.
     *
     * @throws IllegalArgumentException if {@code x} is NaN or infinite
     * @throws NullPointerException if {@code f} is null or returns null
     */
    public static Estimate complexStep(UnaryOperator<Complex> f, double x) {
        Objects.requireNonNull(f, "f");
        checkFinite("x", x);
        Complex fz = Objects.requireNonNull(f.apply(new Complex(x, COMPLEX_STEP)), "f returned null");
        double value = fz.getImaginary() / COMPLEX_STEP;
        return estimate(value, EPS * Math.abs(value));
    }

    /**
     * A one-sided difference: {@code (f(x+h) - f(x)) / h} when {@code right}, else
     * {@code (f(x) - f(x-h)) / h}, with {@code h} made exactly representable. Comparing the two sides
     * tells a kink ({@code relu} at 0) from a smooth point. Three evaluations; the error is rounding,
     * {@code 2 eps (|f(x+-h)| + |f(x)|) / h}, plus truncation {@code |f''| h / 2} with {@code f''}
     * from the second difference through {@code x +- 2h}, plus {@code eps * |value|}.
     *
     * @throws IllegalArgumentException if {@code x} is NaN or infinite, {@code h} is not finite and
     *     positive, or {@code h} is too small to change {@code x} or so large that {@code x + h} overflows
     * @throws NullPointerException if {@code f} is null
     */
    public static Estimate oneSided(DoubleUnaryOperator f, double x, double h, boolean right) {
        Objects.requireNonNull(f, "f");
        checkFinite("x", x);
        checkPositiveFinite("h", h);
        double s = usableStep(x, h);
        double sign = right ? 1 : -1;
        double f0 = f.applyAsDouble(x);
        double f1 = f.applyAsDouble(x + sign * s);
        double f2 = f.applyAsDouble(x + sign * 2 * s);
        double value = sign * (f1 - f0) / s;
        double rounding = 2 * EPS * (Math.abs(f1) + Math.abs(f0)) / s;
        double truncation = Math.abs(f2 - 2 * f1 + f0) / (2 * s);
        return estimate(value, rounding + truncation + EPS * Math.abs(value));
    }

    private static double centralQuotient(DoubleUnaryOperator f, double x, double h) {
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }

    /** {@code (x + h) - x}, or {@code x - (x - h)} when {@code x + h} overflows. */
    static double exactStep(double x, double h) {
        double t = x + h;
        return Double.isInfinite(t) ? x - (x - h) : t - x;
    }

    private static double usableStep(double x, double h) {
        double s = exactStep(x, h);
        if (s == 0) {
            throw new IllegalArgumentException("h [" + h + "] is too small to change x [" + x + "]");
        }
        if (!Double.isFinite(x + s) || !Double.isFinite(x - s)) {
            throw new IllegalArgumentException("x +- h overflows for x [" + x + "] and h [" + h + "]");
        }
        return s;
    }

    /** An estimate whose error is NaN (unknown) rather than a misleading number when the value is not finite. */
    private static Estimate estimate(double value, double error) {
        return new Estimate(value, Double.isFinite(value) ? error : Double.NaN);
    }
}
