package org.gradaudit.testing;

import java.util.Locale;
import org.gradaudit.numeric.Method;

/** How {@link GradientAssertions} computes the numeric derivatives it compares a gradient with. */
public enum NumericMethod {
    /**
     * A central difference with step {@code h = cbrt(eps) max(1, |x|)} (about
     * {@code 6.1e-6 max(1, |x|)}): four evaluations of the loss per element, accurate to about 1e-10
     * relative on smooth functions.
     */
    CENTRAL(Method.CENTRAL, "central difference, step h = cbrt(eps) max(1,|x|) = 6.06e-6 max(1,|x|)"),
    /**
     * Ridders' extrapolation of central differences to step zero, from a first step of
     * {@code 0.1 max(1, |x|)} or {@code 0.01 max(1, |x|)} (the better of the two) shrinking by 1.4:
     * about 17 evaluations per element on a smooth loss (two quick tableaux; about 24 when the full
     * ones must decide; on a built-in network about 10 and one complex evaluation, the complex step
     * vouching for the long tableau), accurate to about 1e-13 relative. The default.
     */
    RIDDERS(Method.RIDDERS, "Ridders' extrapolation of central differences, first step h0 = 0.1 or 0.01"
            + " times max(1,|x|), shrinking by 1.4"),
    /**
     * The complex step {@code Im f(x + ih) / h} with {@code h = 1e-20}: exact to rounding, but it needs
     * a loss with a complex extension, which the built-in networks ({@link NetworkCase}) have and a
     * plain Java function or {@link GradientModel} has not.
     */
    COMPLEX_STEP(Method.COMPLEX_STEP, "complex step, h = 1e-20");

    private final Method method;
    private final String step;

    NumericMethod(Method method, String step) {
        this.method = method;
        this.step = step;
    }

    Method internal() {
        return method;
    }

    /** The method and its step, in words, for failure messages. */
    String step() {
        return step;
    }

    /** {@code central}, {@code ridders} or {@code complex-step}, as on gradaudit's command line. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
