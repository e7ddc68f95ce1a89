package org.gradaudit.numeric;

/**
 * A numerically computed derivative and an estimate of how far it may be from the true one.
 *
 * <p>Both components may be NaN or infinite: an estimate is a result, not an argument, and a
 * function that is not finite near the point gives a non-finite estimate rather than an exception.
 * A NaN {@code error} means the error is unknown.
 *
 * @param value the computed value
 * @param error the estimated absolute error of {@code value} (rounding plus truncation); never negative
 */
public record Estimate(double value, double error) {

    /**
     * @throws IllegalArgumentException if {@code error} is negative
     */
    public Estimate {
        if (error < 0) {
            throw new IllegalArgumentException("error must be >= 0 or NaN but was [" + error + "]");
        }
    }

    /** Whether both the value and its error are finite. */
    public boolean isFinite() {
        return Double.isFinite(value) && Double.isFinite(error);
    }
}
