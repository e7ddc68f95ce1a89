package org.gradaudit.numeric.mlp;

/**
 * A complex number for the MLP's complex-step forward pass: only the operations the activations
 * and losses need, each the analytic extension of its real counterpart, so that
 * {@code Im f(x + ih) / h} is f'(x). Branches compare real parts only, which keeps each branch
 * analytic (a kink such as relu's stays a kink, as in the real code).
 */
record Cx(double re, double im) {
    static final Cx ZERO = new Cx(0, 0);
    static final Cx ONE = new Cx(1, 0);

    static Cx real(double re) {
        return new Cx(re, 0);
    }

    Cx plus(Cx o) {
        return new Cx(re + o.re, im + o.im);
    }

    Cx plus(double d) {
        return new Cx(re + d, im);
    }

    Cx minus(Cx o) {
        return new Cx(re - o.re, im - o.im);
    }

    Cx negate() {
        return new Cx(-re, -im);
    }

    Cx times(Cx o) {
        return new Cx(re * o.re - im * o.im, re * o.im + im * o.re);
    }

    Cx times(double d) {
        return new Cx(re * d, im * d);
    }

    Cx dividedBy(Cx o) {
        // Smith's algorithm: no overflow from squaring the divisor.
        if (Math.abs(o.re) >= Math.abs(o.im)) {
            double r = o.im / o.re;
            double den = o.re + o.im * r;
            return new Cx((re + im * r) / den, (im - re * r) / den);
        }
        double r = o.re / o.im;
        double den = o.re * r + o.im;
        return new Cx((re * r + im) / den, (im * r - re) / den);
    }

    Cx exp() {
        double e = Math.exp(re);
        return new Cx(e * SmallAngles.cos(im), e * SmallAngles.sin(im));
    }

    Cx log() {
        return new Cx(Math.log(StrictFunctions.hypot(re, im)), StrictFunctions.atan2(im, re));
    }

    /** log(1 + this), accurate for small arguments: |1+w|^2 = 1 + 2u + u^2 + v^2. */
    Cx log1p() {
        double u = re;
        double v = im;
        return new Cx(0.5 * Math.log1p(2 * u + u * u + v * v), StrictFunctions.atan2(v, 1 + u));
    }

    /** log(1 + exp(z)), branching on the real part only; both branches are analytic. */
    Cx softplus() {
        return re > 0 ? plus(negate().exp().log1p()) : exp().log1p();
    }

    Cx sigmoid() {
        if (re >= 0) {
            return ONE.dividedBy(negate().exp().plus(1));
        }
        Cx e = exp();
        return e.dividedBy(e.plus(1));
    }

    /**
     * tanh(a + ib) = (sinh 2a + i sin 2b) / (cosh 2a + cos 2b), rewritten with t = exp(-2|a|) so that
     * nothing overflows: re = sign(a)(1 - t^2)/d, im = 2t sin 2b / d, d = 1 + t^2 + 2t cos 2b.
     */
    Cx tanh() {
        double t = Math.exp(-2 * Math.abs(re));
        double d = 1 + t * t + 2 * t * SmallAngles.cos(2 * im);
        return new Cx(Math.signum(re) * (1 - t * t) / d, 2 * t * SmallAngles.sin(2 * im) / d);
    }
}
