package org.gradaudit.numeric;

import org.apache.commons.math3.complex.Complex;
import org.gradaudit.expr.Builtin;

/**
 * What the evaluators know about each {@link Builtin} beyond its double value: its complex
 * extension, a bound on its slope over an interval, and a bound on the rounding error of its
 * double implementation. Each is an exhaustive switch, so a new built-in does not compile until
 * it says all three.
 *
 * <p>Complex values: where the argument's imaginary part is exactly 0 the real function is used, so a
 * subexpression that does not depend on the stepped variable is evaluated exactly as in doubles.
 * Otherwise {@code log} and {@code sqrt} need a positive real part (NaN else, where the real
 * derivative does not exist or the real function is undefined); {@code relu} follows the real
 * part's sign, and at a real part of exactly 0 gives 0, so its complex-step derivative at the kink
 * is 0, as PyTorch's is.
 */
final class NumericBuiltins {
    private NumericBuiltins() {
    }

    /**
     * Bound on the relative rounding error of the double implementation, in units of {@code u = 2^-53}:
     * twice the ulps that {@link Math} documents (an ulp is at most {@code 2u} relative), plus the
     * roundings of the steps it is composed of, rounded up.
     */
    static double roundingUnits(Builtin f) {
        return switch (f) {
            case EXP, LOG, SIN, COS -> 2.5;
            case SQRT -> 1;
            case TANH -> 5.5;
            case SIGMOID -> 5;
            case SOFTPLUS -> 6.5;
            case RELU, STEP -> 0;
        };
    }

    static Complex apply(Builtin f, Complex z) {
        double re = z.getReal();
        double im = z.getImaginary();
        if (im == 0) {
            return new Complex(f.apply(re), 0);
        }
        return switch (f) {
            case EXP -> z.exp();
            case LOG -> re > 0 ? z.log() : Complex.NaN;
            case SQRT -> re > 0 ? z.sqrt() : Complex.NaN;
            case SIN -> z.sin();
            case COS -> z.cos();
            case TANH -> ComplexFunctions.tanh(z);
            case SIGMOID -> ComplexFunctions.sigmoid(z);
            case SOFTPLUS -> ComplexFunctions.softplus(z);
            case RELU -> re > 0 ? z : re <= 0 ? Complex.ZERO : Complex.NaN;
            case STEP -> Double.isNaN(re) ? Complex.NaN : new Complex(Builtin.step(re), 0);
        };
    }

    /**
     * An upper bound on {@code |f'(t)|} for {@code t} in {@code [lo, hi]} ({@code lo <= hi}); infinite
     * when the interval reaches where {@code f} is not differentiable with a bounded slope.
     */
    static double maxSlope(Builtin f, double lo, double hi) {
        return switch (f) {
            case EXP -> Math.exp(hi);
            case LOG -> lo > 0 ? 1 / lo : Double.POSITIVE_INFINITY;
            case SQRT -> lo > 0 ? 0.5 / Math.sqrt(lo) : Double.POSITIVE_INFINITY;
            // |f''| <= 1, so |f'| grows at most linearly away from the ends.
            case SIN -> Math.min(1, Math.max(Math.abs(Math.cos(lo)), Math.abs(Math.cos(hi))) + (hi - lo));
            case COS -> Math.min(1, Math.max(Math.abs(Math.sin(lo)), Math.abs(Math.sin(hi))) + (hi - lo));
            case TANH -> {
                // 1 - tanh^2 peaks at 0 and falls off on both sides.
                if (lo <= 0 && hi >= 0) {
                    yield 1;
                }
                double t = Math.tanh(Math.min(Math.abs(lo), Math.abs(hi)));
                yield (1 - t) * (1 + t);
            }
            case SIGMOID -> {
                if (lo <= 0 && hi >= 0) {
                    yield 0.25;
                }
                double e = Math.exp(-Math.min(Math.abs(lo), Math.abs(hi)));
                yield e / ((1 + e) * (1 + e));
            }
            case SOFTPLUS -> Builtin.sigmoid(hi);
            case RELU -> hi > 0 ? 1 : 0;
            // A jump at 0: an argument that rounding may carry across it has no finite bound.
            case STEP -> lo <= 0 && hi > 0 ? Double.POSITIVE_INFINITY : 0;
        };
    }
}
