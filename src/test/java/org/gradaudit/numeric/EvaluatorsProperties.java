package org.gradaudit.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.statistics.Statistics;
import org.apache.commons.math3.complex.Complex;
import org.gradaudit.expr.Expr;

class EvaluatorsProperties {

    @Provide
    Arbitrary<Expr> smooth() {
        return ExprTrees.smooth();
    }

    @Provide
    Arbitrary<Double> values() {
        return ExprTrees.values();
    }

    @Property(seed = "20240601", tries = 2000)
    void compiledEvaluationIsBitwiseTheInterpreters(@ForAll("smooth") Expr e,
            @ForAll("values") double x, @ForAll("values") double y, @ForAll("values") double z) {
        double want = Interpreter.eval(e, Map.of("x", x, "y", y, "z", z));
        double[] point = {x, y, z};
        double got = Evaluators.compile(e, ExprTrees.VARS).eval(point);
        assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(got), e + " at " + x + ", " + y + ", " + z);
        double bounded = Evaluators.compileWithError(e, ExprTrees.VARS).eval(point).value();
        assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(bounded), "compileWithError: " + e);
    }

    @Property(seed = "20240602", tries = 1000)
    void complexEvaluationOnTheRealLineIsTheRealOne(@ForAll("smooth") Expr e,
            @ForAll @DoubleRange(min = -3, max = 3) double x, @ForAll @DoubleRange(min = -3, max = 3) double y) {
        double want = Evaluators.compile(e, ExprTrees.VARS).eval(new double[] {x, y, 0.5});
        Complex got = Evaluators.compileComplex(e, ExprTrees.VARS)
                .eval(new Complex[] {new Complex(x), new Complex(y), new Complex(0.5)});
        if (Double.isNaN(want)) {
            assertTrue(got.isNaN() || Double.isNaN(got.getReal()), e.toString());
        } else {
            assertEquals(0.0, got.getImaginary(), 0.0, e.toString());
            assertTrue(got.getReal() == want || Math.abs(got.getReal() - want) <= 1e-12 * Math.abs(want),
                    e + ": " + got + " vs " + want);
        }
    }

    /**
     * Where the function is smooth around the point (finite and of moderate size over Ridders' whole
     * first step, and its complex step is finite), Ridders and the complex step agree.
     */
    @Property(seed = "20240603", tries = 1000)
    void riddersAgreesWithTheComplexStepWhereSmooth(@ForAll("smooth") Expr e,
            @ForAll @DoubleRange(min = -2, max = 2) double x, @ForAll @DoubleRange(min = -2, max = 2) double y) {
        Evaluator real = Evaluators.compile(e, ExprTrees.VARS);
        ComplexEvaluator complex = Evaluators.compileComplex(e, ExprTrees.VARS);
        java.util.function.DoubleUnaryOperator f = t -> real.eval(new double[] {t, y, 0.7});
        Assume.that(smoothAround(f, x));
        Estimate cs = FiniteDifferences.complexStep(
                w -> complex.eval(new Complex[] {w, new Complex(y), new Complex(0.7)}), x);
        Estimate r = FiniteDifferences.ridders(f, x);
        Assume.that(cs.isFinite() && r.isFinite());
        double scale = Math.max(1, Math.abs(cs.value()));
        double rel = Math.abs(r.value() - cs.value()) / scale;
        Statistics.label("|ridders - complex step| / max(1, |d|)")
                .collect(rel == 0 ? "0" : rel < 1e-13 ? "< 1e-13" : rel < 1e-10 ? "< 1e-10" : rel < 1e-8 ? "< 1e-8" : ">= 1e-8");
        assertTrue(rel <= 1e-9,
                e + " at x=" + x + ", y=" + y + ": ridders " + r + ", complex step " + cs);
        assertTrue(Math.abs(r.value() - cs.value()) <= Math.max(r.error() * 100, 1e-9 * scale),
                "Ridders' error estimate too small: " + e + " at x=" + x + ", y=" + y + ": ridders " + r + ", complex step " + cs);
    }

    /** Finite, moderate, and of moderate curvature on a grid over Ridders' first step. */
    private static boolean smoothAround(java.util.function.DoubleUnaryOperator f, double x) {
        double reach = 0.1 * Math.max(1, Math.abs(x));
        double d = reach / 40;
        double[] v = new double[81];
        for (int i = 0; i <= 80; i++) {
            v[i] = f.applyAsDouble(x + (i - 40) * d);
            if (!Double.isFinite(v[i]) || Math.abs(v[i]) > 1e4) {
                return false;
            }
        }
        for (int i = 1; i < 80; i++) {
            if (Math.abs(v[i + 1] - 2 * v[i] + v[i - 1]) > 1e3 * d * d) {
                return false;
            }
        }
        return true;
    }
}
