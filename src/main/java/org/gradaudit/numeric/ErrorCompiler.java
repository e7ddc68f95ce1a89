package org.gradaudit.numeric;

import java.util.Map;
import java.util.Objects;
import org.gradaudit.expr.Builtin;
import org.gradaudit.expr.Expr;

/**
 * Turns an {@link Expr} into a tree of nodes that compute the same doubles as {@link RealCompiler}'s
 * and, alongside, a bound on their rounding error; the rules are on
 * {@link Evaluators#compileWithError}.
 */
final class ErrorCompiler {
    /** The unit roundoff of round-to-nearest doubles, 2^-53. */
    static final double U = 0x1p-53;
    /** The absolute error that an underflow can add to a multiplication, division or function. */
    private static final double ETA = Double.MIN_VALUE;
    /** Relative rounding of {@link Math#pow}, documented to be within 1 ulp. */
    private static final double POW_UNITS = 2.5;

    /** A compiled node: returns the value and leaves its error bound in {@code err[0]}. */
    @FunctionalInterface
    interface Node {
        double eval(double[] values, double[] err);
    }

    private final Map<String, Integer> slots;
    /** Nodes already compiled, by the identity of their expression; null when none are kept. */
    private final Map<Expr, Node> compiled;

    ErrorCompiler(Map<String, Integer> slots) {
        this(slots, null);
    }

    /**
     * A compiler that reuses {@code compiled}'s nodes for subtrees it has seen (by identity) and adds
     * the ones it makes: a node depends only on its subtree and the slots, and keeps no state.
     */
    ErrorCompiler(Map<String, Integer> slots, Map<Expr, Node> compiled) {
        this.slots = slots;
        this.compiled = compiled;
    }

    Node compile(Expr e) {
        Objects.requireNonNull(e, "expression");
        if (compiled == null) {
            return make(e);
        }
        Node known = compiled.get(e);
        if (known == null) {
            known = make(e);
            compiled.put(e, known);
        }
        return known;
    }

    private Node make(Expr e) {
        if (e instanceof Expr.Num n) {
            double c = n.value();
            return (v, err) -> {
                err[0] = 0;
                return c;
            };
        }
        if (e instanceof Expr.Var x) {
            int i = Evaluators.slot(x, slots);
            return (v, err) -> {
                err[0] = 0;
                return v[i];
            };
        }
        if (e instanceof Expr.Neg g) {
            Node a = compile(g.arg());
            return (v, err) -> -a.eval(v, err);
        }
        if (e instanceof Expr.Bin b) {
            return binary(b);
        }
        if (e instanceof Expr.Call c) {
            Builtin f = Evaluators.builtin(c);
            Node a = compile(c.args().get(0));
            return (v, err) -> {
                double x = a.eval(v, err);
                double r = f.apply(x);
                err[0] = function(f, x, err[0], r);
                return r;
            };
        }
        if (e instanceof Expr.Deriv d) {
            throw Evaluators.derivative(d);
        }
        throw new AssertionError(e);
    }

    private Node binary(Expr.Bin b) {
        Node l = compile(b.left());
        double k = Evaluators.constant(b.right());
        if (b.op() == Expr.Op.POW && Evaluators.isSmallInteger(k)) {
            return (v, err) -> {
                double x = l.eval(v, err);
                double r = Math.pow(x, k);
                err[0] = integerPower(x, err[0], k, r);
                return r;
            };
        }
        Node r = compile(b.right());
        Expr.Op op = b.op();
        return (v, err) -> {
            double x = l.eval(v, err);
            double ex = err[0];
            double y = r.eval(v, err);
            double ey = err[0];
            double z;
            switch (op) {
                case ADD:
                    z = x + y;
                    err[0] = ex + ey + U * Math.abs(z);
                    return z;
                case SUB:
                    z = x - y;
                    err[0] = ex + ey + U * Math.abs(z);
                    return z;
                case MUL:
                    z = x * y;
                    err[0] = scale(Math.abs(y), ex) + scale(Math.abs(x), ey) + scale(ex, ey) + U * Math.abs(z) + ETA;
                    return z;
                case DIV:
                    z = x / y;
                    err[0] = quotient(z, ex, y, ey) + U * Math.abs(z) + ETA;
                    return z;
                case POW:
                    z = Math.pow(x, y);
                    err[0] = generalPower(x, ex, y, ey, z) + POW_UNITS * U * Math.abs(z) + ETA;
                    return z;
                default:
                    throw new AssertionError(op);
            }
        };
    }

    /** {@code k * e}, but 0 when either is 0: an exact zero times an unbounded error is still exact. */
    static double scale(double k, double e) {
        return k == 0 || e == 0 ? 0 : k * e;
    }

    private static double quotient(double q, double ex, double y, double ey) {
        double ay = Math.abs(y);
        if (ey == 0) {
            return ex / ay;
        }
        if (!(ey < ay)) {
            return Double.POSITIVE_INFINITY;
        }
        return (ex + scale(Math.abs(q), ey)) / (ay - ey);
    }

    private static double function(Builtin f, double x, double ex, double r) {
        double propagated = 0;
        if (ex != 0) {
            double slope = NumericBuiltins.maxSlope(f, Math.nextDown(x - ex), Math.nextUp(x + ex));
            propagated = scale(slope, ex);
        }
        double units = NumericBuiltins.roundingUnits(f);
        double rounding = units == 0 ? 0 : units * U * Math.abs(r) + ETA;
        return propagated + rounding;
    }

    /** {@code |x^n - a^n| <= |n| max|t|^(n-1) |x - a|} over the reachable {@code t}, by the mean value theorem. */
    private static double integerPower(double x, double ex, double n, double r) {
        if (n == 0) {
            return 0;
        }
        double propagated = 0;
        if (ex != 0) {
            double ax = Math.abs(x);
            if (n > 0) {
                propagated = n * Math.pow(ax + ex, n - 1) * ex;
            } else {
                propagated = ex < ax ? -n * Math.pow(ax - ex, n - 1) * ex : Double.POSITIVE_INFINITY;
            }
        }
        return propagated + POW_UNITS * U * Math.abs(r) + ETA;
    }

    /** First order only: {@code |y x^(y-1)| err(x) + |x^y ln x| err(y)}; infinite where that is undefined. */
    private static double generalPower(double x, double ex, double y, double ey, double r) {
        double p = scale(Math.abs(y * Math.pow(x, y - 1)), ex) + scale(Math.abs(r * Math.log(x)), ey);
        return Double.isNaN(p) ? Double.POSITIVE_INFINITY : p;
    }
}
