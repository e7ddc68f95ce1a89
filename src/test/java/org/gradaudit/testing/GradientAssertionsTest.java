package org.gradaudit.testing;

import static org.gradaudit.testing.GradientAssertions.assertGradient;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GradientAssertionsTest {
    /** f = x0^2 + 3 x1 x2; the claimed gradient is wrong in x2 only. */
    private static double f(double[] x) {
        return x[0] * x[0] + 3 * x[1] * x[2];
    }

    private static double[] wrongInX2(double[] x) {
        return new double[] {2 * x[0], 3 * x[2], 3 * x[1] + 1};
    }

    private static final double[] AT = {0.5, -1, 2};

    @Test
    void selectingOnlyRightElementsPasses() {
        assertGradient(GradientAssertionsTest::f, GradientAssertionsTest::wrongInX2, AT,
                GradientOptions.defaults().onlyElements("x", 0, 1));
    }

    @Test
    void selectingTheWrongElementFailsAndNamesIt() {
        AssertionError e = assertThrows(AssertionError.class, () -> assertGradient(GradientAssertionsTest::f,
                GradientAssertionsTest::wrongInX2, AT, GradientOptions.defaults().onlyElements("x", 2)));
        assertTrue(e.getMessage().contains("\n  x[2]     -2"), e.getMessage());
        assertTrue(e.getMessage().contains(".onlyElements(\"x\", 2)"), e.getMessage());
    }

    @Test
    void unknownParametersAndComplexStepOnAFunctionAreUsageErrors() {
        assertThrows(IllegalArgumentException.class, () -> assertGradient(GradientAssertionsTest::f,
                GradientAssertionsTest::wrongInX2, AT, GradientOptions.defaults().onlyParameters("W1")));
        assertThrows(IllegalArgumentException.class, () -> assertGradient(GradientAssertionsTest::f,
                GradientAssertionsTest::wrongInX2, AT, GradientOptions.defaults().withMethod(NumericMethod.COMPLEX_STEP)));
    }

    @Test
    void aWrongLengthGradientFails() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> assertGradient(GradientAssertionsTest::f, x -> new double[2], AT));
        assertEquals("the gradient returned 2 elements for a point of 3 elements", e.getMessage());
    }

    @Test
    void theComplexStepWorksOnBuiltInNetworks() {
        Network n = new Network(List.of(2, 3, 2), Network.Activation.TANH, Network.Output.SOFTMAX,
                Network.Loss.CROSS_ENTROPY, 2);
        NetworkCase c = new NetworkCase(n, new double[n.parameterCount()], new double[] {0.1, -0.2, 0.3, 0.4},
                new double[] {1, 0, 0, 1});
        assertGradient(c, c::gradient, GradientOptions.defaults().withMethod(NumericMethod.COMPLEX_STEP)
                .withTolerance(0, 0));
    }

    @Test
    void optionsAreValidatedWhereMade() {
        GradientOptions d = GradientOptions.defaults();
        assertThrows(IllegalArgumentException.class, () -> d.withTolerance(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> d.withTolerance(0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> d.withMaxRows(0));
        assertThrows(IllegalArgumentException.class, () -> d.withThreads(0));
        assertThrows(IllegalArgumentException.class, () -> d.onlyParameters());
        assertThrows(IllegalArgumentException.class, () -> d.onlyElements("x", -1));
        assertEquals("GradientOptions.defaults().withMethod(NumericMethod.CENTRAL).withSeed(3)",
                d.withSeed(3).withMethod(NumericMethod.CENTRAL).toString());
        assertEquals(d.withSeed(3), GradientOptions.defaults().withSeed(3));
    }

    /**
     * A small cross-entropy computed from logits several times larger than itself: the loss's
     * rounding noise is about 60 eps |L|, and a Ridders error floor of eps |L| failed this correct
     * gradient (W2[0,4], error 7.7e-14 against a tolerance of 7.6e-14) before the noise was measured.
     */
    @Test
    void aNoisyLossDoesNotFailACorrectGradientAtTheBareNoiseFloor() {
        Network n = new Network(java.util.List.of(1, 5, 4), Network.Activation.IDENTITY, Network.Output.SOFTMAX,
                Network.Loss.CROSS_ENTROPY, 1);
        double[] p = {0.07, 0.14, -0.23, -0.16, 0.08, 1.35, -1.69, -0.01, -0.12, 0.73, 0.36, -1.52, -0.57, 1.3, 2.0,
            0.04, -0.05, 0.13, -1.23, 0.04, 0.62, 0.36, -0.04, -0.45, -0.02, 1.32, -0.22, 0.5, 0.15, -0.61, 0.39, -1.18,
            -0.03, -0.54};
        NetworkCase c = new NetworkCase(n, p, new double[] {-0.22}, new double[] {1, 0, 0, 0});
        GradientAssertions.assertGradient(c, c::gradient, GradientOptions.defaults().withTolerance(0, 0));
    }

    /**
     * Every parameter 2: by symmetry some gradients are exactly 0, backprop leaves 4e-16 of rounding
     * there, and real differences see a loss that does not move at all. The complex step, which has
     * no cancellation, settles it; before it was consulted this correct gradient failed.
     */
    @Test
    void aGradientThatIsZeroBySymmetryIsSettledByTheComplexStep() {
        Network n = new Network(java.util.List.of(2, 3, 3, 4, 2), Network.Activation.TANH, Network.Output.SIGMOID,
                Network.Loss.BCE, 4);
        double[] p = new double[n.parameterCount()];
        java.util.Arrays.fill(p, 2.0);
        double[] x = new double[8];
        java.util.Arrays.fill(x, 0.01);
        double[] y = new double[8];
        java.util.Arrays.fill(y, 1.0);
        NetworkCase c = new NetworkCase(n, p, x, y);
        GradientAssertions.assertGradient(c, c::gradient, GradientOptions.defaults().withTolerance(0, 0));
        GradientAssertions.assertGradient(c, c::gradient,
                GradientOptions.defaults().withTolerance(0, 0).withMethod(NumericMethod.CENTRAL));
    }
}
