package org.gradaudit.check.grad;

import java.util.Objects;
import org.gradaudit.numeric.Method;

/**
 * How to check: the numeric method, full or fast mode, the number of random directions per tensor
 * in fast mode, how many failing elements to list, the seed of the directions, and threads.
 */
public record CheckOptions(Method method, Mode mode, int directions, int maxFailures, long seed, int threads) {
    /**
     * @throws IllegalArgumentException if directions or threads is not positive, or maxFailures negative
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
    }

    /** Ridders, full mode, 8 directions, 10 failures listed, seed 1, every available core. */
    public static CheckOptions defaults() {
        return new CheckOptions(Method.RIDDERS, Mode.FULL, 8, 10, 1, Runtime.getRuntime().availableProcessors());
    }

    public CheckOptions withMethod(Method m) {
        return new CheckOptions(m, mode, directions, maxFailures, seed, threads);
    }

    public CheckOptions withMode(Mode m) {
        return new CheckOptions(method, m, directions, maxFailures, seed, threads);
    }

    public CheckOptions withThreads(int t) {
        return new CheckOptions(method, mode, directions, maxFailures, seed, t);
    }
}
