package org.gradaudit.numeric;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.List;
import java.util.Random;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.RandomExprs;
import org.gradaudit.testing.Generator;
import org.gradaudit.testing.Search;
import org.gradaudit.testing.SearchOptions;
import org.gradaudit.testing.Shrinker;
import org.junit.jupiter.api.Test;

/**
 * The rounding-error bound of {@link Evaluators#compileWithError} holds: on random trees of
 * {@code + - * /} and integer powers, the distance from the double value to the value computed in
 * 80-digit decimal arithmetic from the same inputs never exceeds the bound.
 */
class ErrorBoundsProperties {
    /** 80 digits: its own rounding, 1e-80 relative, is far below anything a double can show. */
    private static final MathContext MC = new MathContext(80);

    static final List<String> VARS = List.of("x", "y", "z");
    private static final RandomExprs RATIONAL = RandomExprs.rational(VARS);

    /** A tree and a point. */
    record Case(Expr e, double x, double y, double z) {
    }

    /** Values that make cancellation likely: near-equal numbers, powers of two, small integers. */
    static double input(Random r) {
        int pick = r.nextInt(7);
        if (pick < 4) {
            return -3 + 6 * r.nextDouble();
        }
        if (pick < 6) {
            double[] edges = {1 + 0x1p-30, 1 - 0x1p-40, 3.0, -2.0, 0.1, 1e-8, 1e8, 0.0};
            return edges[r.nextInt(edges.length)];
        }
        return 1 + 1e-9 * r.nextDouble();
    }

    private static final Generator<Case> CASES = r -> new Case(RATIONAL.generate(r), input(r), input(r), input(r));

    /** The same point on a smaller tree. */
    static List<Case> smaller(Case c) {
        return RandomExprs.shrink(c.e()).stream().map(e -> new Case(e, c.x(), c.y(), c.z())).toList();
    }

    @Test
    void theTrueErrorNeverExceedsTheBound() {
        int[] bounds = new int[3]; // infinite, zero, finite
        int[] ratios = new int[2]; // true error / bound below 0.5, at least 0.5
        Search.forAll(CASES, ErrorBoundsProperties::smaller, SearchOptions.defaults().withTries(2000).withSeed(20240604),
                c -> {
                    Expr e = c.e();
                    double x = c.x();
                    double y = c.y();
                    double z = c.z();
                    BoundedValue b = Evaluators.compileWithError(e, VARS).eval(new double[] {x, y, z});
                    Search.assume(Double.isFinite(b.value()));
                    BigDecimal exact = exact(e, Map.of("x", x, "y", y, "z", z));
                    if (exact == null) {
                        // A divisor that is exactly 0 came out nonzero in doubles: the bound must admit it knows nothing.
                        assertTrue(b.errorBound() == Double.POSITIVE_INFINITY, e + " divides by an exact 0 but " + b);
                        return;
                    }
                    bounds[Double.isInfinite(b.errorBound()) ? 0 : b.errorBound() == 0 ? 1 : 2]++;
                    if (Double.isInfinite(b.errorBound())) {
                        return;
                    }
                    BigDecimal trueError = new BigDecimal(b.value()).subtract(exact, MC).abs();
                    if (b.errorBound() > 0) {
                        ratios[trueError.doubleValue() / b.errorBound() < 0.5 ? 0 : 1]++;
                    }
                    assertTrue(trueError.compareTo(new BigDecimal(b.errorBound())) <= 0,
                            e + " at x=" + x + ", y=" + y + ", z=" + z + ": true error " + trueError.doubleValue()
                                    + " > bound " + b);
                });
        // The law is not vacuous: most bounds are finite, and some are nearly attained.
        assertTrue(bounds[2] > 1000, "finite bounds: " + bounds[2]);
        assertTrue(ratios[1] > 0, "no true error reached half its bound");
    }

    @Test
    void theBoundIsNotVacuousForWellConditionedSums() {
        Generator<double[]> positive = r -> new double[] {input(r), input(r)};
        Search.forAll(positive, Shrinker.none(), SearchOptions.defaults().withTries(500).withSeed(20240605), p -> {
            double x = p[0];
            double y = p[1];
            Search.assume(x > 0 && y > 0);
            BoundedValue b = Evaluators.compileWithError(Expr.mul(Expr.add(Expr.var("x"), Expr.var("y")), Expr.var("x")),
                    VARS).eval(new double[] {x, y, 0});
            // (x + y) * x with positive inputs: two roundings, each at most u relative.
            assertTrue(b.errorBound() <= 3 * ErrorCompiler.U * b.value() + Double.MIN_VALUE, b.toString());
        });
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
