package org.gradaudit.numeric;

import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.complex.Complex;
import org.gradaudit.expr.Expr;

/** Turns an {@link Expr} into a tree of lambdas over commons-math {@link Complex} numbers. */
final class ComplexCompiler {
    private final Map<String, Integer> slots;

    ComplexCompiler(Map<String, Integer> slots) {
        this.slots = slots;
    }

    ComplexEvaluator compile(Expr e) {
        Objects.requireNonNull(e, "expression");
        if (e instanceof Expr.Num n) {
            Complex c = new Complex(n.value(), 0);
            return v -> c;
        }
        if (e instanceof Expr.Var x) {
            int i = Evaluators.slot(x, slots);
            return v -> v[i];
        }
        if (e instanceof Expr.Neg g) {
            ComplexEvaluator a = compile(g.arg());
            return v -> a.eval(v).negate();
        }
        if (e instanceof Expr.Bin b) {
            ComplexEvaluator l = compile(b.left());
            ComplexEvaluator r = compile(b.right());
            switch (b.op()) {
                case ADD: return v -> l.eval(v).add(r.eval(v));
                case SUB: return v -> l.eval(v).subtract(r.eval(v));
                case MUL: return v -> multiply(l.eval(v), r.eval(v));
                case DIV: return v -> divide(l.eval(v), r.eval(v));
                case POW: return v -> pow(l.eval(v), r.eval(v));
                default: throw new AssertionError(b.op());
            }
        }
        if (e instanceof Expr.Call c) {
            Builtin f = Evaluators.builtin(c);
            ComplexEvaluator a = compile(c.args().get(0));
            return v -> f.apply(a.eval(v));
        }
        if (e instanceof Expr.Deriv d) {
            throw Evaluators.derivative(d);
        }
        throw new AssertionError(e);
    }

    /**
     * {@code z * w}, component-wise when either is real: commons-math turns any product with an
     * infinite part into {@code (Inf, Inf)}, and the real parts must match the double evaluation.
     */
    static Complex multiply(Complex z, Complex w) {
        if (w.getImaginary() == 0) {
            return new Complex(z.getReal() * w.getReal(), z.getImaginary() == 0 ? 0 : z.getImaginary() * w.getReal());
        }
        if (z.getImaginary() == 0) {
            return new Complex(z.getReal() * w.getReal(), z.getReal() * w.getImaginary());
        }
        return z.multiply(w);
    }

    /** {@code z / w}, component-wise when {@code w} is real, for the same reasons as {@link #multiply}. */
    static Complex divide(Complex z, Complex w) {
        if (w.getImaginary() == 0) {
            return new Complex(z.getReal() / w.getReal(), z.getImaginary() == 0 ? 0 : z.getImaginary() / w.getReal());
        }
        return z.divide(w);
    }

    /**
     * {@code z^w}: repeated squaring for a real integer {@code w} (as exact as doubles allow, and
     * defined for a negative base), {@code exp(w log z)} for a base with positive real part.
     */
    static Complex pow(Complex z, Complex w) {
        if (w.getReal() == 0 && w.getImaginary() == 0) {
            return Complex.ONE; // as Math.pow, which the real evaluators use: anything, even NaN, to the power 0 is 1
        }
        if (z.isNaN() || w.isNaN()) {
            return Complex.NaN;
        }
        double n = w.getReal();
        if (w.getImaginary() == 0 && Evaluators.isSmallInteger(n)) {
            if (z.getImaginary() == 0) {
                return new Complex(Math.pow(z.getReal(), n), 0);
            }
            Complex p = integerPower(z, (long) Math.abs(n));
            return n >= 0 ? p : Complex.ONE.divide(p);
        }
        if (z.getImaginary() == 0 && w.getImaginary() == 0) {
            return new Complex(Math.pow(z.getReal(), n), 0);
        }
        if (z.getReal() > 0) {
            return w.multiply(z.log()).exp();
        }
        if (z.getReal() == 0 && z.getImaginary() == 0 && n > 0) {
            return Complex.ZERO;
        }
        return Complex.NaN;
    }

    private static Complex integerPower(Complex z, long n) {
        Complex result = Complex.ONE;
        Complex base = z;
        while (n > 0) {
            if ((n & 1) != 0) {
                result = result.multiply(base);
            }
            n >>= 1;
            if (n > 0) {
                base = base.multiply(base);
            }
        }
        return result;
    }
}
