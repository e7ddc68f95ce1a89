package org.gradaudit.numeric;

/** A fixture of awkward doubles, in the manner of Guava's {@code MathTesting}. */
final class EdgeValues {
    private EdgeValues() {
    }

    /** Finite values that every "x must be finite" rule accepts. */
    static final double[] FINITE = {
        0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300, 1.0, -1.0,
        Math.PI, 1e300, -1e300, Double.MAX_VALUE, -Double.MAX_VALUE
    };

    /** Values that every "must be finite" rule refuses. */
    static final double[] NON_FINITE = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    /** Values that a "must be finite and > 0" rule refuses. */
    static final double[] NOT_POSITIVE = {
        0.0, -0.0, -Double.MIN_VALUE, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY
    };
}
