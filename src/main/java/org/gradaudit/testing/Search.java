package org.gradaudit.testing;

import java.util.Objects;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A small property-based test runner: draws cases from a {@link Generator}, each from its own
 * seeded {@link Random}, checks a {@link Property} on each, and on the first failure shrinks the
 * case with a {@link Shrinker} for as long as it still fails the same way. It then throws a
 * {@link PropertyFailure} (an {@link AssertionError}) that names the smallest case, the seed and
 * how to rerun. Framework-neutral: call it from a JUnit test, a TestNG test or a {@code main}.
 *
 * <pre>{@code
 * @Test
 * void absIsEven() {
 *     Search.forAll(r -> -5 + 10 * r.nextDouble(), x -> x == 0 ? List.of() : List.of(0.0, Math.rint(x)),
 *             SearchOptions.defaults().withTries(500),
 *             x -> assertEquals(Math.abs(x), Math.abs(-x)));
 * }
 * }</pre>
 *
 * For gradients, {@link GradientSearch#assertGradientForAll} does the same over random networks or
 * points, with shrinkers that make networks smaller and values simpler.
 */
public final class Search {
    /** A property may set aside five times as many cases as it checks before the search gives up. */
    private static final int MAX_DISCARD_RATIO = 5;

    private Search() {
    }

    /**
     * Checks {@code property} on {@code options.tries()} cases drawn from {@code generator}, and
     * shrinks the first failure with {@code shrinker}: a candidate is kept when it fails with an
     * exception of the same class, and shrinking goes on from it until no candidate fails or
     * {@link SearchOptions#maxShrinks()} candidates have been tried.
     *
     * <pre>{@code
     * Search.forAll(NetworkSpace.defaults()::generate, NetworkSpace.defaults()::shrink, SearchOptions.defaults(),
     *         c -> assertTrue(c.loss(c.parameters()) >= 0));
     * }</pre>
     *
     * @param generator draws a case from a seeded {@code Random}
     * @param shrinker simpler candidates for a failing case
     * @param options tries, seed and shrinking budget
     * @param property the law
     * @param <T> the type of the cases
     * @throws PropertyFailure if the property fails on a case; its message names the smallest
     *     failing case, its cause is that case's failure
     * @throws AssertionError if the property sets aside (with {@link #assume}) more than five
     *     times as many cases as {@code options.tries()}
     * @throws IllegalStateException if the generator throws; the message names the case's seed
     */
    public static <T> void forAll(Generator<T> generator, Shrinker<T> shrinker, SearchOptions options,
            Property<T> property) {
        run(generator, shrinker, options, property, String::valueOf, null);
    }

    /**
     * Sets aside the current case unless {@code condition} holds: a case the law does not speak
     * about (a point outside the domain, a formula that does not depend on the variable) is neither
     * a pass nor a failure, and the search draws another in its place. Call it only inside a
     * {@link Property} run by this class; elsewhere it throws an unchecked exception of its own.
     *
     * <pre>{@code
     * Search.forAll(gen, Shrinker.none(), SearchOptions.defaults(), x -> {
     *     Search.assume(x > 0);
     *     assertEquals(x, Math.exp(Math.log(x)), 1e-12 * x);
     * });
     * }</pre>
     *
     * @param condition whether the current case is one the law is about
     */
    public static void assume(boolean condition) {
        if (!condition) {
            throw Discarded.INSTANCE;
        }
    }

    /**
     * The search, with a reproducer: a Java expression that rebuilds a case, or null where there
     * is none.
     */
    static <T> void run(Generator<T> generator, Shrinker<T> shrinker, SearchOptions options, Property<T> property,
            Function<? super T, String> describe, Function<? super T, String> reproducer) {
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(shrinker, "shrinker");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(property, "property");
        SplittableRandom seeds = new SplittableRandom(options.seed());
        int checked = 0;
        int discarded = 0;
        while (checked < options.tries()) {
            long caseSeed = seeds.nextLong();
            T value;
            try {
                value = generator.generate(new Random(caseSeed));
            } catch (RuntimeException e) {
                throw new IllegalStateException("the generator failed on case " + (checked + discarded + 1) + " (its seed "
                        + caseSeed + "L, search " + options + "): " + e.getMessage(), e);
            }
            Throwable failure = outcome(property, value);
            if (failure == Discarded.INSTANCE) {
                discarded++;
                if (discarded > MAX_DISCARD_RATIO * options.tries()) {
                    throw new AssertionError("the property set aside " + discarded + " cases (Search.assume) and checked only "
                            + checked + " of the " + options.tries() + " asked for; generate cases it is about ("
                            + options + ")");
                }
                continue;
            }
            checked++;
            if (failure != null) {
                throw shrunk(shrinker, options, property, describe, reproducer, value, failure, checked, caseSeed);
            }
        }
    }

    private static <T> PropertyFailure shrunk(Shrinker<T> shrinker, SearchOptions options, Property<T> property,
            Function<? super T, String> describe, Function<? super T, String> reproducer, T drawn, Throwable drawnFailure,
            int caseNumber, long caseSeed) {
        T smallest = drawn;
        Throwable failure = drawnFailure;
        int steps = 0;
        int tried = 0;
        boolean progress = true;
        while (progress && tried < options.maxShrinks()) {
            progress = false;
            for (T candidate : shrinker.shrink(smallest)) {
                if (tried >= options.maxShrinks()) {
                    break;
                }
                tried++;
                Throwable f = outcome(property, candidate);
                if (f != null && f != Discarded.INSTANCE && f.getClass() == drawnFailure.getClass()) {
                    smallest = candidate;
                    failure = f;
                    steps++;
                    progress = true;
                    break;
                }
            }
        }
        String message = message(options, describe, reproducer, drawn, smallest, failure, caseNumber, caseSeed, steps,
                tried, progress);
        return new PropertyFailure(message, failure, smallest, options.seed(), caseSeed, steps);
    }

    /** Null when the property holds, {@link Discarded#INSTANCE} when it set the case aside, else the failure. */
    private static <T> Throwable outcome(Property<T> property, T value) {
        try {
            property.check(value);
            return null;
        } catch (Discarded d) {
            return d;
        } catch (StackOverflowError e) {
            return e;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable t) {
            return t;
        }
    }

    private static <T> String message(SearchOptions options, Function<? super T, String> describe,
            Function<? super T, String> reproducer, T drawn, T smallest, Throwable failure, int caseNumber,
            long caseSeed, int steps, int tried, boolean budgetLeftProgress) {
        StringBuilder b = new StringBuilder("property failed on case ").append(caseNumber).append(" of ")
                .append(options.tries()).append(" (seed ").append(options.seed()).append(")");
        if (steps == 0) {
            b.append(", which did not shrink (").append(tried).append(tried == 1 ? " candidate" : " candidates")
                    .append(" tried)");
        } else {
            b.append(", shrunk ").append(steps).append(steps == 1 ? " time" : " times").append(" (")
                    .append(tried).append(" candidates tried");
            if (budgetLeftProgress && tried >= options.maxShrinks()) {
                b.append("; the shrinking budget ran out, withMaxShrinks for more");
            }
            b.append(")");
        }
        b.append("\nsmallest case: ").append(describe.apply(smallest)).append('\n');
        if (reproducer != null) {
            b.append("reproduce it: ").append(reproducer.apply(smallest)).append('\n');
        }
        if (steps > 0) {
            b.append("as drawn:      ").append(describe.apply(drawn)).append('\n');
        }
        b.append("rerun:         ").append(options).append(" (this case was drawn from new Random(").append(caseSeed)
                .append("L))\n");
        b.append("the smallest case fails with:\n");
        String reason = failure.getMessage() == null ? failure.getClass().getName()
                : failure instanceof AssertionError ? failure.getMessage()
                : failure.getClass().getName() + ": " + failure.getMessage();
        reason.lines().forEach(line -> b.append("  ").append(line).append('\n'));
        return b.toString().stripTrailing();
    }

    /** The signal of {@link #assume}; one shared instance without a stack trace, as it is control flow. */
    static final class Discarded extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Discarded INSTANCE = new Discarded();

        private Discarded() {
            super("Search.assume set this case aside; call it only inside a property run by Search", null, false, false);
        }
    }
}
