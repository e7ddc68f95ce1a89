package org.gradaudit.testing;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How {@link SymbolicAssertions#assertAuditsClean(java.nio.file.Path, AuditOptions)} audits: the
 * same choices as {@code gradaudit audit --seed --points --time-limit}, an immutable value validated
 * where it is made.
 *
 * <pre>{@code
 * assertAuditsClean(Path.of("derivations/my-network.deriv"),
 *         AuditOptions.defaults().withSeed(7).withPoints(128).withTimeLimit(Duration.ofSeconds(20)));
 * }</pre>
 */
public final class AuditOptions {
    /** Fewest random points per statement, as on the command line. */
    public static final int MIN_POINTS = 32;
    /** Most random points per statement, as on the command line. */
    public static final int MAX_POINTS = 10_000;

    private static final AuditOptions DEFAULTS = new AuditOptions(1, 64, Duration.ofSeconds(60));

    private final long seed;
    private final int points;
    private final Duration timeLimit;

    private AuditOptions(long seed, int points, Duration timeLimit) {
        this.seed = seed;
        this.points = points;
        this.timeLimit = timeLimit;
    }

    /**
     * Seed 1, 64 points per statement, a minute for the whole audit: what {@code gradaudit audit}
     * does by default.
     *
     * @return the default options
     */
    public static AuditOptions defaults() {
        return DEFAULTS;
    }

    /**
     * @param seed the seed of the random points (printed with every failure)
     * @return these options with that seed
     */
    public AuditOptions withSeed(long seed) {
        return new AuditOptions(seed, points, timeLimit);
    }

    /**
     * @param points random points each statement is compared at
     * @return these options with that many points
     * @throws IllegalArgumentException if {@code points} is outside [{@value #MIN_POINTS}, {@value #MAX_POINTS}]
     */
    public AuditOptions withPoints(int points) {
        if (points < MIN_POINTS || points > MAX_POINTS) {
            throw new IllegalArgumentException("points must be in [" + MIN_POINTS + ", " + MAX_POINTS
                    + "], was [" + points + "]");
        }
        return new AuditOptions(seed, points, timeLimit);
    }

    /**
     * @param timeLimit time for the whole audit; statements not reached are reported unverified,
     *     which fails the assertion
     * @return these options with that limit
     * @throws NullPointerException if {@code timeLimit} is null (the message names it)
     * @throws IllegalArgumentException if {@code timeLimit} is zero or negative
     */
    public AuditOptions withTimeLimit(Duration timeLimit) {
        Objects.requireNonNull(timeLimit, "timeLimit must not be null");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("timeLimit must be positive, was [" + timeLimit + "]");
        }
        return new AuditOptions(seed, points, timeLimit);
    }

    /** @return the seed of the random points */
    public long seed() {
        return seed;
    }

    /** @return random points per statement */
    public int points() {
        return points;
    }

    /** @return time for the whole audit */
    public Duration timeLimit() {
        return timeLimit;
    }

    /** The Java expression that rebuilds these options. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "AuditOptions.defaults().withSeed(%d).withPoints(%d).withTimeLimit(Duration.parse(\"%s\"))",
                seed, points, timeLimit);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AuditOptions a && a.seed == seed && a.points == points && a.timeLimit.equals(timeLimit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(seed, points, timeLimit);
    }
}
