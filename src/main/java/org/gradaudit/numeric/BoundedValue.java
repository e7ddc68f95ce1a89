package org.gradaudit.numeric;

/**
 * A value computed in doubles and a bound on how far rounding took it from the exact value of the
 * same expression at the same (exact) inputs.
 *
 * @param value the computed value
 * @param errorBound a bound on {@code |value - exact|}; {@code +Infinity} when no finite bound is
 *     known (a divisor whose sign rounding could flip, a logarithm at the edge of its domain), NaN
 *     when the value is NaN; never negative
 */
public record BoundedValue(double value, double errorBound) {

    /** @throws IllegalArgumentException if {@code errorBound} is negative */
    public BoundedValue {
        if (errorBound < 0) {
            throw new IllegalArgumentException("errorBound must be >= 0 or NaN but was [" + errorBound + "]");
        }
    }
}
