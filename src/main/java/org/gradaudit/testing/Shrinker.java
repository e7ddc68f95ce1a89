package org.gradaudit.testing;

import java.util.List;

/**
 * A shrinker: a plain function from a value to smaller, simpler candidates that might still fail
 * a property. {@link Search} tries them in order and keeps the first that fails, then shrinks that
 * one, until none fails; the result is a small counterexample.
 *
 * <p>Contract: every candidate is strictly simpler than the value by a measure that cannot
 * decrease forever (so shrinking ends), and lies in the same space (a case the generator could
 * have produced). The most aggressive candidates come first.
 *
 * <pre>{@code
 * Shrinker<NetworkCase> smaller = NetworkSpace.defaults()::shrink;
 * Shrinker<Integer> towardZero = n -> n == 0 ? List.of() : List.of(0, n / 2);
 * }</pre>
 *
 * <p>Another property-based testing library that lets a generator shrink (junit-quickcheck's
 * {@code Generator.doShrink(SourceOfRandomness, T)} returns exactly such a list) calls
 * {@code shrink} from there.
 *
 * @param <T> the type of the values
 */
@FunctionalInterface
public interface Shrinker<T> {

    /**
     * The simpler candidates for {@code value}, most aggressive first; empty when it is as simple
     * as it gets.
     *
     * <pre>{@code
     * List<NetworkCase> candidates = NetworkSpace.defaults().shrink(failingCase);
     * }</pre>
     *
     * @param value the failing value
     * @return the candidates, never null
     */
    List<T> shrink(T value);

    /**
     * A shrinker that proposes nothing: the first failing value is reported as it was drawn.
     *
     * <pre>{@code
     * Search.forAll(r -> r.nextInt(100), Shrinker.none(), SearchOptions.defaults(), n -> check(n));
     * }</pre>
     *
     * @param <T> the type of the values
     * @return the shrinker
     */
    static <T> Shrinker<T> none() {
        return value -> List.of();
    }
}
