package org.gradaudit.numeric;

/**
 * The domain assumption of the tests that compare with Ridders' differences: a function is smooth
 * around a point when it is finite, of moderate size and of moderate curvature over Ridders' whole
 * first step, so that the extrapolation's error estimate can be trusted there.
 */
public final class Smooth {
    private Smooth() {
    }

    /** Finite, moderate, and of moderate curvature on a grid over Ridders' first step. */
    public static boolean around(java.util.function.DoubleUnaryOperator f, double x) {
        double reach = 0.1 * Math.max(1, Math.abs(x));
        double d = reach / 40;
        double[] v = new double[81];
        for (int i = 0; i <= 80; i++) {
            v[i] = f.applyAsDouble(x + (i - 40) * d);
            if (!Double.isFinite(v[i]) || Math.abs(v[i]) > 1e4) {
                return false;
            }
        }
        for (int i = 1; i < 80; i++) {
            if (Math.abs(v[i + 1] - 2 * v[i] + v[i - 1]) > 1e3 * d * d) {
                return false;
            }
        }
        return true;
    }
}
