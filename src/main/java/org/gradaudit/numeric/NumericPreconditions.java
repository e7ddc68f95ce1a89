package org.gradaudit.numeric;

/** Argument checks that name the argument and show its value in brackets. */
final class NumericPreconditions {
    private NumericPreconditions() {
    }

    /** @throws IllegalArgumentException if {@code x} is NaN or infinite */
    static double checkFinite(String name, double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(name + " must be finite but was [" + x + "]");
        }
        return x;
    }

    /** @throws IllegalArgumentException if {@code x} is not finite and strictly positive */
    static double checkPositiveFinite(String name, double x) {
        if (!(x > 0) || x == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be finite and > 0 but was [" + x + "]");
        }
        return x;
    }
}
