package org.gradaudit.numeric.mlp;

/**
 * {@link StrictMath#atan2} and {@link StrictMath#hypot}, which Java 17 runs as native code through a
 * call into the C library (about 30 ns a call), with their results where one argument is below 2^-62
 * of the other computed here, where the JIT inlines them: there atan2 is {@code y / x} (for
 * {@code x > 0}: {@code atan(t) = t} to the last bit for {@code |t|} that small) and hypot is
 * {@code |x|} ({@code sqrt(x^2 + y^2)} rounds to it). That is what the complex step asks almost always
 * (imaginary parts of 1e-20); anywhere else they call {@link StrictMath}, so every value is bit for bit
 * {@link StrictMath}'s (and so {@link Math}'s, which delegates to it for these two).
 * {@code StrictFunctionsTest} compares both with {@link StrictMath} on seeded arguments near and far
 * from the border and on the edge values.
 */
final class StrictFunctions {
    /** Below this ratio of the other argument, {@link #atan2} and {@link #hypot} have their short forms. */
    private static final double TINY_RATIO = 0x1p-62;

    private StrictFunctions() {
    }

    /** The angle of {@code (x, y)}, bit for bit {@link StrictMath#atan2}. */
    static double atan2(double y, double x) {
        // atan(|y/x|) with its sign, for x > 0, and atan(t) rounds to t for |t| this small.
        if (x > 0 && x < Double.POSITIVE_INFINITY && Math.abs(y) < TINY_RATIO * x) {
            return y / x;
        }
        return StrictMath.atan2(y, x);
    }

    /** {@code sqrt(x^2 + y^2)}, bit for bit {@link StrictMath#hypot}. */
    static double hypot(double x, double y) {
        // x^2 + y^2 rounds to x^2 when y is this much smaller, and its square root is |x|.
        double a = Math.abs(x);
        if (a < Double.POSITIVE_INFINITY && Math.abs(y) < TINY_RATIO * a) {
            return a;
        }
        return StrictMath.hypot(x, y);
    }
}
