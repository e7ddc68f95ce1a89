package org.gradaudit.numeric;

import java.util.Locale;

/** The ways {@link FiniteDifferences} can differentiate a function of one variable. */
public enum Method {
    /** A central difference with one step: two evaluations for the value, two more for its error. */
    CENTRAL,
    /** Ridders' polynomial extrapolation of central differences to step zero. */
    RIDDERS,
    /** The complex step {@code Im f(x + ih) / h}: no cancellation, needs an analytic complex extension of f. */
    COMPLEX_STEP;

    /** The name used on the command line and in JSON: {@code central}, {@code ridders}, {@code complex-step}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
