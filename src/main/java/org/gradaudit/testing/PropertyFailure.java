package org.gradaudit.testing;

/**
 * The failure of a property search ({@link Search}, {@link GradientSearch}): an
 * {@link AssertionError} whose message names the smallest failing case, the seed, and how to rerun
 * it, and whose cause is that case's own failure. The case itself is available to a test that
 * wants to look at it.
 *
 * <pre>{@code
 * PropertyFailure e = assertThrows(PropertyFailure.class,
 *         () -> GradientSearch.assertGradientForAll(space, NetworkCase::publishedGradient, options));
 * NetworkCase smallest = (NetworkCase) e.counterexample();
 * assertEquals(1, smallest.network().batch());
 * }</pre>
 */
public final class PropertyFailure extends AssertionError {
    private static final long serialVersionUID = 1L;

    /** Not serialized: a case need not be serializable, and a deserialized failure keeps its message. */
    private final transient Object counterexample;
    private final long seed;
    private final long caseSeed;
    private final int shrinks;

    PropertyFailure(String message, Throwable cause, Object counterexample, long seed, long caseSeed, int shrinks) {
        super(message, cause);
        this.counterexample = counterexample;
        this.seed = seed;
        this.caseSeed = caseSeed;
        this.shrinks = shrinks;
    }

    /**
     * The smallest failing case, as the generator's type ({@link NetworkCase} for a network search,
     * {@code double[]} for a box).
     *
     * <pre>{@code
     * double[] x = (double[]) failure.counterexample();
     * }</pre>
     *
     * @return the case (null only after deserialization)
     */
    public Object counterexample() {
        return counterexample;
    }

    /**
     * <pre>{@code
     * SearchOptions rerun = SearchOptions.defaults().withSeed(failure.seed());
     * }</pre>
     *
     * @return the seed of the search ({@link SearchOptions#seed()})
     */
    public long seed() {
        return seed;
    }

    /**
     * The seed of the {@code Random} that the failing case was drawn from, before shrinking.
     *
     * <pre>{@code
     * NetworkCase drawn = space.generate(new java.util.Random(failure.caseSeed()));
     * }</pre>
     *
     * @return the case's own seed
     */
    public long caseSeed() {
        return caseSeed;
    }

    /**
     * <pre>{@code
     * assertTrue(failure.shrinks() > 0);
     * }</pre>
     *
     * @return how many times the case was replaced by a smaller failing one
     */
    public int shrinks() {
        return shrinks;
    }
}
