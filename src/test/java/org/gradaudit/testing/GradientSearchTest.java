package org.gradaudit.testing;

import static org.gradaudit.testing.GradientSearch.assertGradientForAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GradientSearchTest {

    static double f(double[] x) {
        return x[0] * x[0] * x[1] + Math.sin(x[1]);
    }

    static double[] rightGradient(double[] x) {
        return new double[] {2 * x[0] * x[1], x[0] * x[0] + Math.cos(x[1])};
    }

    /** df/dx0 forgets the factor 2: wrong wherever x0 x1 != 0. */
    static double[] wrongGradient(double[] x) {
        return new double[] {x[0] * x[1], x[0] * x[0] + Math.cos(x[1])};
    }

    @Test
    void aRightGradientPassesEveryPoint() {
        assertGradientForAll(Box.of(2, -2, 2), GradientSearchTest::f, GradientSearchTest::rightGradient,
                SearchOptions.defaults().withTries(50));
    }

    @Test
    void aWrongGradientShrinksToTheSimplestPointWhereItIsWrong() {
        PropertyFailure e = assertThrows(PropertyFailure.class, () -> assertGradientForAll(Box.of(2, -2, 2),
                GradientSearchTest::f, GradientSearchTest::wrongGradient, SearchOptions.defaults().withSeed(3)));
        double[] x = (double[]) e.counterexample();
        // Neither coordinate can be 0, and the simplest nonzero values are the integers +-1 and +-2.
        assertTrue(Math.abs(x[0]) >= 1 && x[0] == Math.rint(x[0]) && Math.abs(x[1]) >= 1 && x[1] == Math.rint(x[1]),
                e.getMessage());
        assertTrue(e.getMessage().contains("reproduce it: GradientAssertions.assertGradient(f, gradient, new double[] {"
                + x[0] + ", " + x[1] + "}, GradientOptions.defaults());"), e.getMessage());
        assertTrue(e.getMessage().contains("failing: x (1 of 2)"), e.getMessage());
    }

    @Test
    void theBoxsConditionKeepsTheSearchAwayFromAKink() {
        // |x| has a kink at 0; its gradient sign(x) is right everywhere else.
        Box away = Box.of(1, -1, 1).where(x -> Math.abs(x[0]) > 1e-3);
        assertGradientForAll(away, x -> Math.abs(x[0]), x -> new double[] {Math.signum(x[0])});
        PropertyFailure e = assertThrows(PropertyFailure.class, () -> assertGradientForAll(away,
                x -> Math.abs(x[0]), x -> new double[] {1}));
        assertArrayEquals(new double[] {-1}, (double[]) e.counterexample());
    }

    @Test
    void theBuiltInBackpropPassesASpaceWithEverythingFixed() {
        assertGradientForAll(NetworkSpace.defaults().withActivations(Network.Activation.TANH)
                .withOutputs(Network.Output.SOFTMAX).withLosses(Network.Loss.CROSS_ENTROPY), NetworkCase::gradient,
                SearchOptions.defaults().withTries(20));
    }

    @Test
    void theComplexStepIsRefusedForAJavaFunction() {
        assertThrows(IllegalArgumentException.class, () -> assertGradientForAll(Box.of(1, -1, 1), x -> x[0],
                x -> new double[] {1}, SearchOptions.defaults()
                        .withGradientOptions(GradientOptions.defaults().withMethod(NumericMethod.COMPLEX_STEP))));
    }
}
