package org.gradaudit.numeric;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import org.gradaudit.expr.Expr;

/**
 * The rounding-error bound of {@link Evaluators#compileWithError} holds: on random trees of
 * {@code + - * /} and integer powers, the distance from the double value to the value computed in
 * 80-digit decimal arithmetic from the same inputs never exceeds the bound.
 */
class ErrorBoundsProperties {
    /** 80 digits: its own rounding, 1e-80 relative, is far below anything a double can show. */
    private static final MathContext MC = new MathContext(80);

    @Provide
    Arbitrary<Expr> rational() {
        return ExprTrees.rational();
    }

    /** Values that make cancellation likely: near-equal numbers, powers of two, small integers. */
    @Provide
    Arbitrary<Double> inputs() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.randomValue(r -> -3 + 6 * r.nextDouble())),
                Tuple.of(2, Arbitraries.of(1 + 0x1p-30, 1 - 0x1p-40, 3.0, -2.0, 0.1, 1e-8, 1e8, 0.0)),
                Tuple.of(1, Arbitraries.randomValue(r -> 1 + 1e-9 * r.nextDouble())));
    }

    @Property(seed = "20240604", tries = 2000)
    void theTrueErrorNeverExceedsTheBound(@ForAll("rational") Expr e,
            @ForAll("inputs") double x, @ForAll("inputs") double y, @ForAll("inputs") double z) {
        BoundedValue b = Evaluators.compileWithError(e, ExprTrees.VARS).eval(new double[] {x, y, z});
        Assume.that(Double.isFinite(b.value()));
        BigDecimal exact = exact(e, Map.of("x", x, "y", y, "z", z));
        if (exact == null) {
            // A divisor that is exactly 0 came out nonzero in doubles: the bound must admit it knows nothing.
            assertTrue(b.errorBound() == Double.POSITIVE_INFINITY, e + " divides by an exact 0 but " + b);
            return;
        }
        Statistics.label("bound").collect(Double.isInfinite(b.errorBound()) ? "infinite" : b.errorBound() == 0 ? "zero" : "finite");
        if (Double.isInfinite(b.errorBound())) {
            return;
        }
        BigDecimal trueError = new BigDecimal(b.value()).subtract(exact, MC).abs();
        if (b.errorBound() > 0) {
            double ratio = trueError.doubleValue() / b.errorBound();
            Statistics.label("true error / bound").collect(ratio == 0 ? "0" : ratio < 1e-2 ? "< 0.01" : ratio < 0.1 ? "< 0.1" : ratio < 0.5 ? "< 0.5" : ">= 0.5");
        }
        assertTrue(trueError.compareTo(new BigDecimal(b.errorBound())) <= 0,
                e + " at x=" + x + ", y=" + y + ", z=" + z + ": true error " + trueError.doubleValue() + " > bound " + b);
    }

    @Property(seed = "20240605", tries = 500)
    void theBoundIsNotVacuousForWellConditionedSums(@ForAll("inputs") double x, @ForAll("inputs") double y) {
        Assume.that(x > 0 && y > 0);
        BoundedValue b = Evaluators.compileWithError(Expr.mul(Expr.add(Expr.var("x"), Expr.var("y")), Expr.var("x")),
                ExprTrees.VARS).eval(new double[] {x, y, 0});
        // (x + y) * x with positive inputs: two roundings, each at most u relative.
        assertTrue(b.errorBound() <= 3 * ErrorCompiler.U * b.value() + Double.MIN_VALUE, b.toString());
    }

    /** The exact value in 80 digits, or null where a divisor is exactly 0. */
    static BigDecimal exact(Expr e, Map<String, Double> env) {
        if (e instanceof Expr.Num n) {
            return new BigDecimal(n.value());
        }
        if (e instanceof Expr.Var v) {
            return new BigDecimal(env.get(v.name()));
        }
        if (e instanceof Expr.Neg g) {
            BigDecimal a = exact(g.arg(), env);
            return a == null ? null : a.negate();
        }
        if (e instanceof Expr.Bin b) {
            if (b.op() == Expr.Op.POW && Evaluators.constant(b.right()) == 0) {
                return BigDecimal.ONE; // as Math.pow: anything, even NaN, to the power 0 is 1
            }
            BigDecimal l = exact(b.left(), env);
            if (l == null) {
                return null;
            }
            if (b.op() == Expr.Op.POW) {
                int n = (int) Evaluators.constant(b.right());
                if (n >= 0) {
                    return l.pow(n, MC);
                }
                return l.signum() == 0 ? null : BigDecimal.ONE.divide(l.pow(-n, MC), MC);
            }
            BigDecimal r = exact(b.right(), env);
            if (r == null) {
                return null;
            }
            switch (b.op()) {
                case ADD: return l.add(r, MC);
                case SUB: return l.subtract(r, MC);
                case MUL: return l.multiply(r, MC);
                case DIV: return r.signum() == 0 ? null : l.divide(r, MC);
                default: throw new AssertionError(b.op());
            }
        }
        throw new AssertionError(e);
    }
}
