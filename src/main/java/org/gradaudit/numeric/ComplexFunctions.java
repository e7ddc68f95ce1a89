package org.gradaudit.numeric;

import org.apache.commons.math3.complex.Complex;

/**
 * Complex versions of the activation functions, written to stay finite and accurate where the naive
 * formulas overflow; commons-math has none of them (its {@code tanh} drops the imaginary part for
 * large real parts, which would make the complex step read 0).
 */
final class ComplexFunctions {
    private ComplexFunctions() {
    }

    /** {@code tanh(a+ib) = (sinh 2a + i sin 2b) / (cosh 2a + cos 2b)}, divided through by {@code cosh 2a}. */
    static Complex tanh(Complex z) {
        double a2 = 2 * z.getReal();
        double b2 = 2 * z.getImaginary();
        double cosh = Math.cosh(a2);
        double d = 1 + Math.cos(b2) / cosh;
        return new Complex(Math.tanh(a2) / d, Math.sin(b2) / cosh / d);
    }

    /** {@code 1 / (1 + exp(-z))}, computed from {@code exp} of a number with non-positive real part. */
    static Complex sigmoid(Complex z) {
        if (z.getReal() >= 0) {
            return Complex.ONE.divide(Complex.ONE.add(z.negate().exp()));
        }
        Complex e = z.exp();
        return e.divide(Complex.ONE.add(e));
    }

    /** {@code log(1 + exp(z))} as {@code max(z, 0) + log1p(exp(-|z|))}, with the real part deciding the side. */
    static Complex softplus(Complex z) {
        if (z.getReal() > 0) {
            return z.add(log1p(z.negate().exp()));
        }
        return log1p(z.exp());
    }

    /** {@code log(1 + w)} without losing a small {@code w} to the addition. */
    static Complex log1p(Complex w) {
        double x = w.getReal();
        double y = w.getImaginary();
        // |1 + w|^2 = 1 + (2x + x^2 + y^2)
        return new Complex(0.5 * Math.log1p(x * (2 + x) + y * y), Math.atan2(y, 1 + x));
    }
}
