package org.gradaudit.testing.examples;

import static org.gradaudit.testing.GradientAssertions.assertGradient;

import com.example.LogisticRegression;
import org.gradaudit.testing.GradientOptions;
import org.gradaudit.testing.NumericMethod;
import org.junit.jupiter.api.Test;

/** Example: hand-written gradients that pass, as a plain function and as a {@code GradientModel}. */
class HandWrittenGradientTest {

    /** f(x) = sum of log(1 + x_i^2) * x_(i+1), its gradient by hand. */
    static double f(double[] x) {
        double s = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            s += Math.log1p(x[i] * x[i]) * x[i + 1];
        }
        return s;
    }

    static double[] gradient(double[] x) {
        double[] g = new double[x.length];
        for (int i = 0; i + 1 < x.length; i++) {
            g[i] += 2 * x[i] / (1 + x[i] * x[i]) * x[i + 1];
            g[i + 1] += Math.log1p(x[i] * x[i]);
        }
        return g;
    }

    @Test
    void aFunctionAndItsGradient() {
        assertGradient(HandWrittenGradientTest::f, HandWrittenGradientTest::gradient,
                new double[] {0.3, -1.2, 2.0, 0.7});
    }

    @Test
    void aModelWithNamedParameters() {
        assertGradient(new LogisticRegression(), GradientOptions.defaults().withSeed(7));
    }

    @Test
    void anotherMethodAndOnlySomeParameters() {
        assertGradient(new LogisticRegression(),
                GradientOptions.defaults().withMethod(NumericMethod.CENTRAL).onlyParameters("w"));
    }
}
