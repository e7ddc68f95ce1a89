package org.gradaudit.bounds;

import java.time.Duration;

/**
 * The end of a command's time limit, passed into every piece of work that can take long (each CAS
 * call, the diagnoser's hypotheses, the code run, a gradient check's loss evaluations), so that the
 * limit holds for the whole command, not only between statements.
 *
 * @param end the {@link System#nanoTime} at which time is up
 * @param limit the limit as the user gave it, for messages
 */
public record Deadline(long end, Duration limit) {
    /** No limit: work runs under its own bounds only. */
    public static final Deadline NONE = new Deadline(Long.MAX_VALUE, Duration.ofSeconds(Long.MAX_VALUE));

    /**
     * @throws IllegalArgumentException if {@code limit} is null or negative
     */
    public Deadline {
        if (limit == null || limit.isNegative()) {
            throw new IllegalArgumentException("limit must be >= 0, was [" + limit + "]");
        }
    }

    /** A deadline {@code limit} from now. */
    public static Deadline after(Duration limit) {
        long now = System.nanoTime();
        long nanos = limit.compareTo(Duration.ofDays(365)) > 0 ? Long.MAX_VALUE / 2 : limit.toNanos();
        return new Deadline(now + nanos, limit);
    }

    /** Whether time is up. */
    public boolean passed() {
        return this != NONE && System.nanoTime() - end > 0;
    }

    /** Nanoseconds left, at most {@code cap}, and 0 when time is up. */
    public long remainingNanos(long cap) {
        if (this == NONE) {
            return cap;
        }
        return Math.max(0, Math.min(cap, end - System.nanoTime()));
    }

    /**
     * @param what what was being done, for the message
     * @throws TimeLimitException if time is up
     */
    public void check(String what) {
        if (passed()) {
            throw new TimeLimitException(this, what);
        }
    }

    /** The limit in words: "the time limit of 60 s". */
    public String describe() {
        long s = limit.toSeconds();
        return "the time limit of " + (s > 0 ? s + " s" : limit.toMillis() + " ms");
    }
}
