package org.gradaudit.numeric;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.complex.Complex;

/**
 * The built-in functions of one argument: their real and complex values, a bound on their slope over
 * an interval, and a bound on the rounding error of their double implementation.
 *
 * <p>Complex values: where the argument's imaginary part is exactly 0 the real function is used, so a
 * subexpression that does not depend on the stepped variable is evaluated exactly as in doubles.
 * Otherwise {@code log} and {@code sqrt} need a positive real part (NaN else, where the real
 * derivative does not exist or the real function is undefined); {@code relu} and {@code abs} follow
 * the real part's sign, and at a real part of exactly 0 give 0, so their complex-step derivative at
 * the kink is 0, as PyTorch's is.
 */
enum Builtin {
    EXP(2.5), LOG(2.5), SQRT(1), SIN(2.5), COS(2.5), TANH(5.5), SIGMOID(5), SOFTPLUS(6.5), RELU(0), ABS(0), STEP(0);

    private static final Map<String, Builtin> BY_NAME;

    static {
        Map<String, Builtin> m = new LinkedHashMap<>();
        for (Builtin b : values()) {
            m.put(b.name().toLowerCase(java.util.Locale.ROOT), b);
        }
        m.put("ln", LOG);
        BY_NAME = Collections.unmodifiableMap(m);
    }

    /**
     * Bound on the relative rounding error of the double implementation, in units of {@code u = 2^-53}:
     * twice the ulps that {@link Math} documents (an ulp is at most {@code 2u} relative), plus the
     * roundings of the steps it is composed of, rounded up.
     */
    final double roundingUnits;

    Builtin(double roundingUnits) {
        this.roundingUnits = roundingUnits;
    }

    /** The built-in called {@code name}, or null. */
    static Builtin named(String name) {
        return BY_NAME.get(name);
    }

    static Set<String> names() {
        return BY_NAME.keySet();
    }

    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    static double relu(double z) {
        return Math.max(0.0, z);
    }

    /** The derivative of relu: 1 for z > 0, else 0 (the convention backprop uses at 0). */
    static double step(double z) {
        return Double.isNaN(z) ? z : z > 0 ? 1 : 0;
    }

    double apply(double a) {
        switch (this) {
            case EXP: return Math.exp(a);
            case LOG: return Math.log(a);
            case SQRT: return Math.sqrt(a);
            case SIN: return Math.sin(a);
            case COS: return Math.cos(a);
            case TANH: return Math.tanh(a);
            case SIGMOID: return sigmoid(a);
            case SOFTPLUS: return softplus(a);
            case RELU: return relu(a);
            case ABS: return Math.abs(a);
            case STEP: return step(a);
            default: throw new AssertionError(this);
        }
    }

    Complex apply(Complex z) {
        double re = z.getReal();
        double im = z.getImaginary();
        if (im == 0) {
            return new Complex(apply(re), 0);
        }
        switch (this) {
            case EXP: return z.exp();
            case LOG: return re > 0 ? z.log() : Complex.NaN;
            case SQRT: return re > 0 ? z.sqrt() : Complex.NaN;
            case SIN: return z.sin();
            case COS: return z.cos();
            case TANH: return ComplexFunctions.tanh(z);
            case SIGMOID: return ComplexFunctions.sigmoid(z);
            case SOFTPLUS: return ComplexFunctions.softplus(z);
            case RELU: return re > 0 ? z : re <= 0 ? Complex.ZERO : Complex.NaN;
            case ABS: return re > 0 ? z : re < 0 ? z.negate() : re == 0 ? Complex.ZERO : Complex.NaN;
            case STEP: return Double.isNaN(re) ? Complex.NaN : new Complex(step(re), 0);
            default: throw new AssertionError(this);
        }
    }

    /**
     * An upper bound on {@code |f'(t)|} for {@code t} in {@code [lo, hi]} ({@code lo <= hi}); infinite
     * when the interval reaches where {@code f} is not differentiable with a bounded slope.
     */
    double maxSlope(double lo, double hi) {
        switch (this) {
            case EXP: return Math.exp(hi);
            case LOG: return lo > 0 ? 1 / lo : Double.POSITIVE_INFINITY;
            case SQRT: return lo > 0 ? 0.5 / Math.sqrt(lo) : Double.POSITIVE_INFINITY;
            // |f''| <= 1, so |f'| grows at most linearly away from the ends.
            case SIN: return Math.min(1, Math.max(Math.abs(Math.cos(lo)), Math.abs(Math.cos(hi))) + (hi - lo));
            case COS: return Math.min(1, Math.max(Math.abs(Math.sin(lo)), Math.abs(Math.sin(hi))) + (hi - lo));
            case TANH: {
                // 1 - tanh^2 peaks at 0 and falls off on both sides.
                if (lo <= 0 && hi >= 0) {
                    return 1;
                }
                double t = Math.tanh(Math.min(Math.abs(lo), Math.abs(hi)));
                return (1 - t) * (1 + t);
            }
            case SIGMOID: {
                if (lo <= 0 && hi >= 0) {
                    return 0.25;
                }
                double e = Math.exp(-Math.min(Math.abs(lo), Math.abs(hi)));
                return e / ((1 + e) * (1 + e));
            }
            case SOFTPLUS: return sigmoid(hi);
            case RELU: return hi > 0 ? 1 : 0;
            case ABS: return 1;
            // A jump at 0: an argument that rounding may carry across it has no finite bound.
            case STEP: return lo <= 0 && hi > 0 ? Double.POSITIVE_INFINITY : 0;
            default: throw new AssertionError(this);
        }
    }
}
