package org.gradaudit.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.apache.commons.math3.complex.Complex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FiniteDifferencesTest {

    /** A smooth function, its complex extension, its derivative, and points in its domain. */
    record Smooth(String name, DoubleUnaryOperator f, UnaryOperator<Complex> fc, DoubleUnaryOperator df, double[] xs) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Smooth> smooth() {
        double[] wide = {-3.0, -0.7, 0.0, 0.3, 1.0, 2.5};
        return List.of(
                new Smooth("exp", Math::exp, Complex::exp, Math::exp, wide),
                new Smooth("log", Math::log, Complex::log, x -> 1 / x, new double[] {0.05, 0.5, 1.0, 3.0, 100.0}),
                new Smooth("sin", Math::sin, Complex::sin, Math::cos, wide),
                new Smooth("sigmoid", x -> 1 / (1 + Math.exp(-x)),
                        z -> Complex.ONE.divide(Complex.ONE.add(z.negate().exp())),
                        x -> {
                            double s = 1 / (1 + Math.exp(-x));
                            return s * (1 - s);
                        }, wide),
                new Smooth("tanh", Math::tanh, Complex::tanh,
                        x -> 1 - Math.tanh(x) * Math.tanh(x), wide));
    }

    private static double relError(double got, double want) {
        return Math.abs(got - want) / Math.max(Math.abs(want), 1e-300);
    }

    @ParameterizedTest
    @MethodSource("smooth")
    void centralIsAccurateAndItsErrorCoversTheTruth(Smooth s) {
        for (double x : s.xs()) {
            Estimate e = FiniteDifferences.central(s.f(), x);
            double want = s.df().applyAsDouble(x);
            assertTrue(relError(e.value(), want) < 1e-8, s + " at " + x + ": " + e);
            assertTrue(Math.abs(e.value() - want) <= e.error(), s + " at " + x + ": " + e + " vs " + want);
            assertTrue(e.error() < 1e-7 * Math.max(1, Math.abs(want)), s + " error too loose at " + x + ": " + e);
        }
    }

    @ParameterizedTest
    @MethodSource("smooth")
    void riddersIsWithinOneInTenToTheTen(Smooth s) {
        for (double x : s.xs()) {
            Estimate e = FiniteDifferences.ridders(s.f(), x);
            double want = s.df().applyAsDouble(x);
            assertTrue(relError(e.value(), want) <= 1e-10, s + " at " + x + ": " + e + " vs " + want);
            assertTrue(e.error() < 1e-9 * Math.max(1, Math.abs(want)), s + " at " + x + ": " + e);
        }
    }

    @ParameterizedTest
    @MethodSource("smooth")
    void complexStepIsAccurateToRounding(Smooth s) {
        for (double x : s.xs()) {
            Estimate e = FiniteDifferences.complexStep(s.fc(), x);
            double want = s.df().applyAsDouble(x);
            assertTrue(relError(e.value(), want) <= 4e-15, s + " at " + x + ": " + e + " vs " + want);
        }
    }

    @Test
    void centralStepIsExactlyRepresentable() {
        for (double x : new double[] {0.0, -0.0, 0.1, 1.0, 3.7, -1234.5, 1e300, -Double.MAX_VALUE, Double.MAX_VALUE}) {
            double h = FiniteDifferences.centralStep(x);
            assertTrue(h > 0, "h at " + x);
            assertTrue(Double.isFinite(x + h) || Double.isFinite(x - h));
            if (Double.isFinite(x + h)) {
                assertEquals(h, (x + h) - x, 0.0, "x=" + x);
            }
        }
        assertEquals(Math.cbrt(Math.ulp(1.0)), FiniteDifferences.centralStep(0.0), 0.0);
    }

    @Test
    void riddersReachesIntoTheDomainNearItsEdge() {
        Estimate e = FiniteDifferences.ridders(Math::log, 1e-3);
        assertTrue(relError(e.value(), 1e3) <= 1e-10, e.toString());
    }

    @Test
    void nonFiniteFunctionValuesGiveNonFiniteEstimatesNotExceptions() {
        Estimate c = FiniteDifferences.central(Math::log, -1.0);
        assertTrue(Double.isNaN(c.value()) && Double.isNaN(c.error()));
        assertFalse(c.isFinite());
        assertTrue(Double.isNaN(FiniteDifferences.ridders(x -> Double.NaN, 1.0).value()));
        assertTrue(Double.isNaN(FiniteDifferences.complexStep(z -> Complex.NaN, 1.0).value()));
    }

    @Test
    void oneSidedDifferencesSeeAKink() {
        DoubleUnaryOperator relu = x -> Math.max(0, x);
        Estimate right = FiniteDifferences.oneSided(relu, 0.0, 1e-6, true);
        Estimate left = FiniteDifferences.oneSided(relu, 0.0, 1e-6, false);
        assertEquals(1.0, right.value(), 1e-12);
        assertEquals(0.0, left.value(), 1e-12);
        Estimate smooth = FiniteDifferences.oneSided(Math::exp, 1.0, 1e-6, true);
        assertTrue(Math.abs(smooth.value() - Math.E) <= smooth.error(), smooth.toString());
    }

    @Test
    void argumentsAreValidated() {
        for (double x : EdgeValues.NON_FINITE) {
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                    () -> FiniteDifferences.central(Math::exp, x));
            assertEquals("x must be finite but was [" + x + "]", ex.getMessage());
            assertThrows(IllegalArgumentException.class, () -> FiniteDifferences.centralStep(x));
            assertThrows(IllegalArgumentException.class, () -> FiniteDifferences.ridders(Math::exp, x));
            assertThrows(IllegalArgumentException.class, () -> FiniteDifferences.complexStep(Complex::exp, x));
            assertThrows(IllegalArgumentException.class, () -> FiniteDifferences.oneSided(Math::exp, x, 1e-3, true));
        }
        for (double h : EdgeValues.NOT_POSITIVE) {
            IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                    () -> FiniteDifferences.central(Math::exp, 1.0, h));
            assertEquals("h must be finite and > 0 but was [" + h + "]", ex.getMessage());
            assertThrows(IllegalArgumentException.class, () -> FiniteDifferences.oneSided(Math::exp, 1.0, h, false));
        }
        IllegalArgumentException tiny = assertThrows(IllegalArgumentException.class,
                () -> FiniteDifferences.central(Math::exp, 1e10, 1e-10));
        assertTrue(tiny.getMessage().contains("too small"), tiny.getMessage());
        assertThrows(IllegalArgumentException.class, () -> FiniteDifferences.central(Math::exp, Double.MAX_VALUE, 1e300));
        assertThrows(NullPointerException.class, () -> FiniteDifferences.central(null, 1.0));
        for (double x : EdgeValues.FINITE) {
            assertTrue(FiniteDifferences.centralStep(x) > 0, "x=" + x);
            FiniteDifferences.ridders(Math::sin, x); // accepted
            FiniteDifferences.complexStep(Complex::sin, x);
            if (Math.abs(x) < 1e308) {
                FiniteDifferences.central(Math::sin, x);
            } else {
                IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                        () -> FiniteDifferences.central(Math::sin, x));
                assertTrue(ex.getMessage().contains("overflows"), ex.getMessage());
            }
        }
    }

    @Test
    void estimateRefusesANegativeError() {
        assertThrows(IllegalArgumentException.class, () -> new Estimate(1.0, -1e-300));
        assertTrue(Double.isNaN(new Estimate(Double.NaN, Double.NaN).error()));
    }

    @Test
    void methodNamesAreTheOnesInJson() {
        assertEquals("central", Method.CENTRAL.toString());
        assertEquals("ridders", Method.RIDDERS.toString());
        assertEquals("complex-step", Method.COMPLEX_STEP.toString());
    }
}
