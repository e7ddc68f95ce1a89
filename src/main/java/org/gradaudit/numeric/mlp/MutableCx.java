package org.gradaudit.numeric.mlp;

/**
 * A complex number in two mutable fields, changed in place by the analytic functions the
 * complex-step forward pass needs: {@link Cx}'s functions without an object made for every step of
 * every function. A cold JVM runs the complex step's inner loops interpreted and then through code
 * compiled without escape analysis, which made a {@code Cx} at every operation (about 14 for every
 * example of every element of a full check, 50 MB and three young collections on 100-64-1); each
 * probe keeps a few of these instead. {@link Cx}'s functions are computed here, so the two give the
 * same bits. Branches compare real parts only, as {@link Cx}'s do.
 */
final class MutableCx {
    /** The real part. */
    double re;
    /** The imaginary part. */
    double im;

    /** Sets both parts and returns this. */
    MutableCx set(double real, double imaginary) {
        re = real;
        im = imaginary;
        return this;
    }

    /** This number as a value. */
    Cx toCx() {
        return new Cx(re, im);
    }

    /** {@code exp(this)}. */
    MutableCx exp() {
        double e = Math.exp(re);
        double i = im;
        re = e * SmallAngles.cos(i);
        im = e * SmallAngles.sin(i);
        return this;
    }

    /** The principal {@code log(this)}. */
    MutableCx log() {
        double r = re;
        double i = im;
        re = Math.log(StrictFunctions.hypot(r, i));
        im = StrictFunctions.atan2(i, r);
        return this;
    }

    /** {@code log(1 + this)}, accurate for small arguments: |1+w|^2 = 1 + 2u + u^2 + v^2. */
    MutableCx log1p() {
        double u = re;
        double v = im;
        re = 0.5 * Math.log1p(2 * u + u * u + v * v);
        im = StrictFunctions.atan2(v, 1 + u);
        return this;
    }

    /** {@code log(1 + exp(this))}, branching on the real part only; both branches are analytic. */
    MutableCx softplus() {
        if (re > 0) {
            // this + log1p(exp(-this))
            double r = re;
            double i = im;
            set(-r, -i).exp().log1p();
            re = r + re;
            im = i + im;
            return this;
        }
        return exp().log1p();
    }

    /** {@code 1 / (1 + exp(-this))}, from whichever side keeps the exponential from overflowing. */
    MutableCx sigmoid() {
        if (re >= 0) {
            set(-re, -im).exp();
            return quotient(1, 0, re + 1, im);
        }
        exp();
        return quotient(re, im, re + 1, im);
    }

    /**
     * tanh(a + ib) = (sinh 2a + i sin 2b) / (cosh 2a + cos 2b), rewritten with t = exp(-2|a|) so that
     * nothing overflows: re = sign(a)(1 - t^2)/d, im = 2t sin 2b / d, d = 1 + t^2 + 2t cos 2b.
     */
    MutableCx tanh() {
        double a = re;
        double b = im;
        double t = Math.exp(-2 * Math.abs(a));
        double d = 1 + t * t + 2 * t * SmallAngles.cos(2 * b);
        re = Math.signum(a) * (1 - t * t) / d;
        im = 2 * t * SmallAngles.sin(2 * b) / d;
        return this;
    }

    /**
     * Sets this to {@code (this - t)^2} for a real {@code t}, as {@link Cx}'s subtraction and product
     * compute it ({@code re + (-t)}, then the complex square), so the same bits.
     */
    MutableCx squaredDifference(double t) {
        double dr = re + (-t);
        double di = im;
        return set(dr * dr - di * di, dr * di + di * dr);
    }

    /** Sets this to {@code (ar + i ai) / (br + i bi)} by Smith's algorithm: no overflow from squaring the divisor. */
    MutableCx quotient(double ar, double ai, double br, double bi) {
        if (Math.abs(br) >= Math.abs(bi)) {
            double r = bi / br;
            double den = br + bi * r;
            return set((ar + ai * r) / den, (ai - ar * r) / den);
        }
        double r = br / bi;
        double den = br * r + bi;
        return set((ar * r + ai) / den, (ai * r - ar) / den);
    }
}
