package org.gradaudit.matrix.numeric;

import org.gradaudit.matrix.expr.MExpr;

/**
 * The elementwise functions of the forward pass on real and on complex numbers, for
 * {@link TapeLoss}: the complex forms are the functions' analytic extensions, written to stay finite
 * where the real function is (sigmoid from whichever side keeps the exponential small, tanh from
 * tanh and tan). Relu and masks branch on the real part, as the code does at a kink.
 */
final class Elementwise {
    private Elementwise() {
    }

    /** The real value of a unary step ({@code NEG}, {@code POW}, {@code APPLY}). */
    static double real(MExpr op, double x) {
        if (op instanceof MExpr.Neg) {
            return -x;
        } else if (op instanceof MExpr.Pow p) {
            return p.exponent() == 2 ? x * x : Math.pow(x, p.exponent());
        }
        return switch (((MExpr.Apply) op).fn()) {
            case EXP -> Math.exp(x);
            case LOG -> Math.log(x);
            case TANH -> Math.tanh(x);
            case SQRT -> Math.sqrt(x);
            case SIGMOID -> 1 / (1 + Math.exp(-x));
            case RELU -> x > 0 ? x : 0;
        };
    }

    /** {@code out[k] = fn(x[k])} for k from {@code from} to {@code to}, the function chosen once. */
    static void realRow(MExpr.Fn fn, double[] x, double[] out, int from, int to) {
        switch (fn) {
            case EXP -> {
                for (int k = from; k < to; k++) {
                    out[k] = Math.exp(x[k]);
                }
            }
            case LOG -> {
                for (int k = from; k < to; k++) {
                    out[k] = Math.log(x[k]);
                }
            }
            case TANH -> {
                for (int k = from; k < to; k++) {
                    out[k] = Math.tanh(x[k]);
                }
            }
            case SQRT -> {
                for (int k = from; k < to; k++) {
                    out[k] = Math.sqrt(x[k]);
                }
            }
            case SIGMOID -> {
                for (int k = from; k < to; k++) {
                    out[k] = 1 / (1 + Math.exp(-x[k]));
                }
            }
            case RELU -> {
                for (int k = from; k < to; k++) {
                    out[k] = x[k] > 0 ? x[k] : 0;
                }
            }
        }
    }

    /**
     * The complex value of a unary step at {@code a + ib}, into {@code out[0]} and {@code out[1]}.
     * Where {@code |b|} is below {@link #FIRST_ORDER} of the scale on which the function varies (1, or
     * {@code |a|} for log, sqrt and powers), the value is {@code f(a) + i b f'(a)}: the terms left
     * out are {@code b^2} times that scale's inverse square, below a double's rounding, so this is the
     * complex value to rounding, at a fraction of the cost of sines, cosines and arctangents. The
     * complex step's {@code b = h dx} with {@code h = 1e-20} always takes this path.
     */
    static void complex(MExpr op, double a, double b, double[] out) {
        if (firstOrder(op, a, b, out)) {
            return;
        }
        if (op instanceof MExpr.Neg) {
            set(out, -a, -b);
        } else if (op instanceof MExpr.Pow p) {
            pow(a, b, p.exponent(), out);
        } else {
            switch (((MExpr.Apply) op).fn()) {
                case EXP -> exp(a, b, out);
                case LOG -> set(out, Math.log(Math.hypot(a, b)), Math.atan2(b, a));
                case TANH -> {
                    // tanh(a + ib) = (tanh a + i tan b) / (1 + i tanh a tan b)
                    double t = Math.tanh(a);
                    double s = Math.tan(b);
                    divide(t, s, 1, t * s, out);
                }
                case SQRT -> sqrt(a, b, out);
                case SIGMOID -> {
                    if (a >= 0) { // 1 / (1 + e^-z)
                        exp(-a, -b, out);
                        divide(1, 0, 1 + out[0], out[1], out);
                    } else { // e^z / (1 + e^z)
                        exp(a, b, out);
                        divide(out[0], out[1], 1 + out[0], out[1], out);
                    }
                }
                case RELU -> set(out, a > 0 ? a : 0, a > 0 ? b : 0);
            }
        }
    }

    /** {@link #complex} of an elementwise function for k from {@code from} to {@code to}. */
    static void complexRow(MExpr.Fn fn, double[] xr, double[] xi, double[] or, double[] oi, int from, int to,
                           double[] z) {
        MExpr.Apply op = new MExpr.Apply(fn, new MExpr.Num(0));
        for (int k = from; k < to; k++) {
            double b = xi[k];
            double a = xr[k];
            if (Math.abs(b) < FIRST_ORDER && fn == MExpr.Fn.SIGMOID) {
                double sg = 1 / (1 + Math.exp(-a));
                or[k] = sg;
                oi[k] = b * sg * (1 - sg);
            } else if (Math.abs(b) < FIRST_ORDER * a && fn == MExpr.Fn.LOG) {
                or[k] = Math.log(a);
                oi[k] = b / a;
            } else {
                complex(op, a, b, z);
                or[k] = z[0];
                oi[k] = z[1];
            }
        }
    }

    /** Relative size of an imaginary part below which the first-order expansion is exact to rounding. */
    static final double FIRST_ORDER = 1e-9;

    private static boolean firstOrder(MExpr op, double a, double b, double[] out) {
        if (!(op instanceof MExpr.Apply f) || Math.abs(b) >= FIRST_ORDER) {
            return false;
        }
        switch (f.fn()) {
            case EXP -> {
                double e = Math.exp(a);
                set(out, e, e * b);
            }
            case LOG -> {
                if (!(a > 0) || Math.abs(b) >= FIRST_ORDER * a) {
                    return false;
                }
                set(out, Math.log(a), b / a);
            }
            case TANH -> {
                double t = Math.tanh(a);
                set(out, t, b * (1 - t) * (1 + t));
            }
            case SQRT -> {
                if (!(a > 0) || Math.abs(b) >= FIRST_ORDER * a) {
                    return false;
                }
                double r = Math.sqrt(a);
                set(out, r, b / (2 * r));
            }
            case SIGMOID -> {
                double sg = 1 / (1 + Math.exp(-a));
                set(out, sg, b * sg * (1 - sg));
            }
            case RELU -> set(out, a > 0 ? a : 0, a > 0 ? b : 0);
        }
        return true;
    }

    private static void set(double[] out, double re, double im) {
        out[0] = re;
        out[1] = im;
    }

    static void exp(double a, double b, double[] out) {
        double r = Math.exp(a);
        boolean small = Math.abs(b) < FIRST_ORDER; // cos b = 1 and sin b = b to rounding
        set(out, small ? r : r * Math.cos(b), small ? r * b : r * Math.sin(b));
    }

    /** {@code (a + ib) / (c + id)}, scaled against overflow (Smith's method). */
    static void divide(double a, double b, double c, double d, double[] out) {
        if (Math.abs(c) >= Math.abs(d)) {
            double r = d / c;
            double den = c + d * r;
            set(out, (a + b * r) / den, (b - a * r) / den);
        } else {
            double r = c / d;
            double den = c * r + d;
            set(out, (a * r + b) / den, (b * r - a) / den);
        }
    }

    private static void sqrt(double a, double b, double[] out) {
        if (b == 0) {
            set(out, a >= 0 ? Math.sqrt(a) : 0, a >= 0 ? 0 : Math.sqrt(-a));
            return;
        }
        double m = Math.hypot(a, b);
        double re = Math.sqrt((m + a) / 2);
        set(out, re, b / (2 * re));
    }

    /** A small integer power by repeated products (exact where the real power is), else exp(c log z). */
    private static void pow(double a, double b, double c, double[] out) {
        if (c == Math.rint(c) && Math.abs(c) <= 16) {
            double re = 1;
            double im = 0;
            for (int k = 0; k < Math.abs(c); k++) {
                double t = re * a - im * b;
                im = re * b + im * a;
                re = t;
            }
            if (c < 0) {
                divide(1, 0, re, im, out);
            } else {
                set(out, re, im);
            }
            return;
        }
        double lr = Math.log(Math.hypot(a, b));
        double li = Math.atan2(b, a);
        exp(c * lr, c * li, out);
    }
}
