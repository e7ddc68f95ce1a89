package org.gradaudit.check.grad;

import java.util.Objects;
import org.gradaudit.numeric.Method;

/**
 * How to check: the numeric method, full or fast mode, the number of random directions over all
 * parameters in fast mode, how many failing elements to list, the seed of the directions, threads, and an
 * allowance the caller grants on top of the computed noise floor: an element also passes when
 * {@code |analytic - numeric| <= atol + rtol |numeric|} (0 and 0 by default: the noise floor alone).
 */
public record CheckOptions(Method method, Mode mode, int directions, int maxFailures, long seed, int threads,
        double atol, double rtol) {
    /**
     * @throws IllegalArgumentException if directions or threads is not positive, maxFailures
     *     negative, or atol or rtol negative, NaN or infinite
     */
    public CheckOptions {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(mode, "mode");
        if (directions <= 0) {
            throw new IllegalArgumentException("directions must be positive, was " + directions);
        }
        if (maxFailures < 0) {
            throw new IllegalArgumentException("max failures must be >= 0, was " + maxFailures);
        }
        if (threads <= 0) {
            throw new IllegalArgumentException("threads must be positive, was " + threads);
        }
        if (!(atol >= 0) || !(rtol >= 0) || Double.isInfinite(atol) || Double.isInfinite(rtol)) {
            throw new IllegalArgumentException("atol and rtol must be finite and >= 0, were [" + atol + ", " + rtol + "]");
        }
    }

    /** Options with no allowance beyond the noise floor. */
    public CheckOptions(Method method, Mode mode, int directions, int maxFailures, long seed, int threads) {
        this(method, mode, directions, maxFailures, seed, threads, 0, 0);
    }

    /** Ridders, full mode, 1 direction (fast mode), 10 failures listed, seed 1, every available core. */
    public static CheckOptions defaults() {
        return new CheckOptions(Method.RIDDERS, Mode.FULL, 1, 10, 1, Runtime.getRuntime().availableProcessors());
    }

    public CheckOptions withMethod(Method m) {
        return new CheckOptions(m, mode, directions, maxFailures, seed, threads, atol, rtol);
    }

    public CheckOptions withMode(Mode m) {
        return new CheckOptions(method, m, directions, maxFailures, seed, threads, atol, rtol);
    }

    public CheckOptions withThreads(int t) {
        return new CheckOptions(method, mode, directions, maxFailures, seed, t, atol, rtol);
    }

    public CheckOptions withMaxFailures(int max) {
        return new CheckOptions(method, mode, directions, max, seed, threads, atol, rtol);
    }

    public CheckOptions withSeed(long s) {
        return new CheckOptions(method, mode, directions, maxFailures, s, threads, atol, rtol);
    }

    /** @throws IllegalArgumentException if either is negative, NaN or infinite */
    public CheckOptions withAllowance(double absolute, double relative) {
        return new CheckOptions(method, mode, directions, maxFailures, seed, threads, absolute, relative);
    }
}
