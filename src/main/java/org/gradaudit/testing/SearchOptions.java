package org.gradaudit.testing;

import java.util.Objects;

/**
 * How {@link Search} and {@link GradientSearch} search: how many cases, from which seed, how much
 * effort to spend shrinking a failure, and (for gradients) how each case is checked. An immutable
 * value, validated where it is made; start from {@link #defaults()}:
 * <pre>{@code
 * SearchOptions o = SearchOptions.defaults()
 *         .withTries(300)
 *         .withSeed(20261127)
 *         .withGradientOptions(GradientOptions.defaults().withMethod(NumericMethod.CENTRAL));
 * }</pre>
 *
 * <p>{@link #toString()} is the Java expression that rebuilds the options, so that a failure can
 * say how to rerun the search.
 */
public final class SearchOptions {
    private static final SearchOptions DEFAULTS = new SearchOptions(100, 1, 1000, GradientOptions.defaults());

    private final int tries;
    private final long seed;
    private final int maxShrinks;
    private final GradientOptions gradient;

    private SearchOptions(int tries, long seed, int maxShrinks, GradientOptions gradient) {
        this.tries = tries;
        this.seed = seed;
        this.maxShrinks = maxShrinks;
        this.gradient = gradient;
    }

    /**
     * 100 cases from seed 1, at most 1,000 evaluations while shrinking, each gradient checked with
     * {@link GradientOptions#defaults()}.
     *
     * <pre>{@code
     * GradientSearch.assertGradientForAll(NetworkSpace.defaults(), NetworkCase::gradient, SearchOptions.defaults());
     * }</pre>
     *
     * @return the default options
     */
    public static SearchOptions defaults() {
        return DEFAULTS;
    }

    /**
     * The number of cases to check. Cases that a property sets aside with {@link Search#assume}
     * do not count: the search draws more, up to five times {@code n} set aside in all.
     *
     * <pre>{@code
     * SearchOptions.defaults().withTries(1000)
     * }</pre>
     *
     * @param n cases, at least 1
     * @return these options with {@code n} tries
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public SearchOptions withTries(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("tries must be >= 1, was [" + n + "]");
        }
        return new SearchOptions(n, seed, maxShrinks, gradient);
    }

    /**
     * The seed of the whole search: case {@code i} is drawn from its own {@code Random}, whose seed
     * is the {@code i}-th {@code long} of a {@link java.util.SplittableRandom} of this seed.
     *
     * <pre>{@code
     * SearchOptions.defaults().withSeed(20261127)
     * }</pre>
     *
     * @param s the seed
     * @return these options with seed {@code s}
     */
    public SearchOptions withSeed(long s) {
        return new SearchOptions(tries, s, maxShrinks, gradient);
    }

    /**
     * How many candidates shrinking may try, in all, before it reports the smallest failure found
     * so far; 0 reports the first failure as drawn.
     *
     * <pre>{@code
     * SearchOptions.defaults().withMaxShrinks(200)     // a slow model: shrink less
     * }</pre>
     *
     * @param n candidates, at least 0
     * @return these options with that budget
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public SearchOptions withMaxShrinks(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("maxShrinks must be >= 0, was [" + n + "]");
        }
        return new SearchOptions(tries, seed, n, gradient);
    }

    /**
     * How {@link GradientSearch} checks the gradient of each case (method, tolerance, selection).
     *
     * <pre>{@code
     * SearchOptions.defaults().withGradientOptions(GradientOptions.defaults().onlyParameters("W1", "b1"))
     * }</pre>
     *
     * @param g the gradient options
     * @return these options with {@code g}
     * @throws NullPointerException if {@code g} is null
     */
    public SearchOptions withGradientOptions(GradientOptions g) {
        return new SearchOptions(tries, seed, maxShrinks, Objects.requireNonNull(g, "gradient options"));
    }

    /**
     * <pre>{@code
     * int n = SearchOptions.defaults().tries();     // 100
     * }</pre>
     *
     * @return the number of cases to check
     */
    public int tries() {
        return tries;
    }

    /**
     * <pre>{@code
     * long s = SearchOptions.defaults().seed();     // 1
     * }</pre>
     *
     * @return the seed of the search
     */
    public long seed() {
        return seed;
    }

    /**
     * <pre>{@code
     * int budget = SearchOptions.defaults().maxShrinks();     // 1000
     * }</pre>
     *
     * @return how many candidates shrinking may try
     */
    public int maxShrinks() {
        return maxShrinks;
    }

    /**
     * <pre>{@code
     * GradientOptions g = SearchOptions.defaults().gradientOptions();     // GradientOptions.defaults()
     * }</pre>
     *
     * @return how each gradient is checked
     */
    public GradientOptions gradientOptions() {
        return gradient;
    }

    /** The Java expression that rebuilds these options, such as {@code SearchOptions.defaults().withSeed(7)}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("SearchOptions.defaults()");
        if (tries != DEFAULTS.tries) {
            b.append(".withTries(").append(tries).append(')');
        }
        if (seed != DEFAULTS.seed) {
            b.append(".withSeed(").append(seed).append(seed > Integer.MAX_VALUE || seed < Integer.MIN_VALUE ? "L" : "")
                    .append(')');
        }
        if (maxShrinks != DEFAULTS.maxShrinks) {
            b.append(".withMaxShrinks(").append(maxShrinks).append(')');
        }
        if (!gradient.equals(DEFAULTS.gradient)) {
            b.append(".withGradientOptions(").append(gradient).append(')');
        }
        return b.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchOptions s && s.tries == tries && s.seed == seed && s.maxShrinks == maxShrinks
                && s.gradient.equals(gradient);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tries, seed, maxShrinks, gradient);
    }
}
