package org.gradaudit.numeric.mlp;

/**
 * A complex number for the MLP's complex-step forward pass: only the operations the activations
 * and losses need, each the analytic extension of its real counterpart, so that
 * {@code Im f(x + ih) / h} is f'(x). Branches compare real parts only, which keeps each branch
 * analytic (a kink such as relu's stays a kink, as in the real code). The functions beyond arithmetic
 * are {@link MutableCx}'s, which computes them in place for the inner loops.
 */
record Cx(double re, double im) {
    static final Cx ZERO = new Cx(0, 0);

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
        return new MutableCx().quotient(re, im, o.re, o.im).toCx();
    }

    Cx exp() {
        return mutable().exp().toCx();
    }

    Cx log() {
        return mutable().log().toCx();
    }

    /** log(1 + this), accurate for small arguments. */
    Cx log1p() {
        return mutable().log1p().toCx();
    }

    /** log(1 + exp(z)), branching on the real part only; both branches are analytic. */
    Cx softplus() {
        return mutable().softplus().toCx();
    }

    Cx sigmoid() {
        return mutable().sigmoid().toCx();
    }

    Cx tanh() {
        return mutable().tanh().toCx();
    }

    /** This number in a {@link MutableCx}, where these functions are computed. */
    MutableCx mutable() {
        return new MutableCx().set(re, im);
    }
}
