package org.gradaudit.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.complex.Complex;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.RandomExprs;
import org.gradaudit.numeric.ErrorBoundsProperties.Case;
import org.gradaudit.testing.Generator;
import org.gradaudit.testing.Search;
import org.gradaudit.testing.SearchOptions;
import org.junit.jupiter.api.Test;

/** Laws of the compiled evaluators: the same bits as the interpreter, the complex ones on the real line, Ridders and the complex step agree. */
class EvaluatorsProperties {
    private static final List<String> VARS = ErrorBoundsProperties.VARS;
    private static final RandomExprs SMOOTH = RandomExprs.smooth(VARS);

    /** Ordinary values, with edge values now and then. */
    static double value(Random r) {
        int pick = r.nextInt(9);
        if (pick < 4) {
            return -4 + 8 * r.nextDouble();
        }
        if (pick < 8) {
            return Math.rint((-4 + 8 * r.nextDouble()) * 100) / 100; // two decimals, as a person writes them
        }
        double[] edges = {0.0, -0.0, 1.0, -1.0, 1 + 0x1p-40, 1e-300, 1e300, Double.MIN_VALUE, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        return edges[r.nextInt(edges.length)];
    }

    /** A tree with values from {@link #value}, or with x and y uniform in [-width, width] (and z fixed). */
    private static Generator<Case> cases(double width, double z) {
        return r -> width == 0 ? new Case(SMOOTH.generate(r), value(r), value(r), value(r))
                : new Case(SMOOTH.generate(r), -width + 2 * width * r.nextDouble(), -width + 2 * width * r.nextDouble(), z);
    }

    @Test
    void compiledEvaluationIsBitwiseTheInterpreters() {
        Search.forAll(cases(0, 0), ErrorBoundsProperties::smaller, SearchOptions.defaults().withTries(2000).withSeed(20240601),
                c -> {
                    Expr e = c.e();
                    double want = Interpreter.eval(e, Map.of("x", c.x(), "y", c.y(), "z", c.z()));
                    double[] point = {c.x(), c.y(), c.z()};
                    double got = Evaluators.compile(e, VARS).eval(point);
                    assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got), e + " at " + c);
                    double bounded = Evaluators.compileWithError(e, VARS).eval(point).value();
                    assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(bounded), "compileWithError: " + e);
                });
    }

    @Test
    void complexEvaluationOnTheRealLineIsTheRealOne() {
        Search.forAll(cases(3, 0.5), ErrorBoundsProperties::smaller, SearchOptions.defaults().withTries(1000).withSeed(20240602),
                c -> {
                    Expr e = c.e();
                    double want = Evaluators.compile(e, VARS).eval(new double[] {c.x(), c.y(), 0.5});
                    Complex got = Evaluators.compileComplex(e, VARS)
                            .eval(new Complex[] {new Complex(c.x()), new Complex(c.y()), new Complex(0.5)});
                    if (Double.isNaN(want)) {
                        assertTrue(got.isNaN() || Double.isNaN(got.getReal()), e.toString());
                    } else {
                        assertEquals(0.0, got.getImaginary(), 0.0, e.toString());
                        assertTrue(got.getReal() == want || Math.abs(got.getReal() - want) <= 1e-12 * Math.abs(want),
                                e + ": " + got + " vs " + want);
                    }
                });
    }

    /**
     * Where the function is smooth around the point (finite and of moderate size over Ridders' whole
     * first step, and its complex step is finite), Ridders' error estimate covers its distance from
     * the complex step, and where that estimate is below 1e-10 they agree to 1e-9. (A point within
     * Ridders' first step of a non-smooth one, such as x^1.05 near 0, passes the grid test but gets a
     * large, honest estimate.)
     */
    @Test
    void riddersAgreesWithTheComplexStepWhereSmooth() {
        Search.forAll(cases(2, 0.7), ErrorBoundsProperties::smaller, SearchOptions.defaults().withTries(1000).withSeed(20240603),
                c -> {
                    Expr e = c.e();
                    double x = c.x();
                    double y = c.y();
                    Evaluator real = Evaluators.compile(e, VARS);
                    ComplexEvaluator complex = Evaluators.compileComplex(e, VARS);
                    java.util.function.DoubleUnaryOperator f = t -> real.eval(new double[] {t, y, 0.7});
                    Search.assume(Smooth.around(f, x));
                    Estimate cs = FiniteDifferences.complexStep(
                            w -> complex.eval(new Complex[] {w, new Complex(y), new Complex(0.7)}), x);
                    Estimate r = FiniteDifferences.ridders(f, x);
                    Search.assume(cs.isFinite() && r.isFinite());
                    double scale = Math.max(1, Math.abs(cs.value()));
                    double rel = Math.abs(r.value() - cs.value()) / scale;
                    // Where Ridders' own estimate says it is accurate, it is; everywhere, its estimate is honest.
                    if (r.error() <= 1e-10 * scale) {
                        assertTrue(rel <= 1e-9, e + " at x=" + x + ", y=" + y + ": ridders " + r + ", complex step " + cs);
                    }
                    assertTrue(Math.abs(r.value() - cs.value()) <= Math.max(r.error() * 100, 1e-9 * scale),
                            "Ridders' error estimate too small: " + e + " at x=" + x + ", y=" + y + ": ridders " + r
                                    + ", complex step " + cs);
                });
    }
}
