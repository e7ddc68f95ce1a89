package org.gradaudit.testing;

import java.util.Objects;
import java.util.Random;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A generator of random values: a plain function from a seeded {@link Random} to a value. The
 * same seed gives the same value, so a case is reproduced by its seed alone.
 *
 * <p>{@link NetworkSpace#generate} and {@link Box#generate} are generators; so is any lambda:
 * <pre>{@code
 * Generator<NetworkCase> cases = NetworkSpace.defaults()::generate;
 * NetworkCase c = cases.generate(new Random(42));        // the same case for seed 42, every run
 * Generator<double[]> pairs = r -> new double[] {r.nextDouble(), r.nextDouble()};
 * }</pre>
 *
 * <p>To use one in another property-based testing library, wrap the call: a library that hands its
 * generators a {@code java.util.Random} (or can make one, like junit-quickcheck's
 * {@code SourceOfRandomness.toJDKRandom()}) calls {@code generate} with it; a plain JUnit 5
 * {@code @ParameterizedTest} over seeds calls {@code generate(new Random(seed))}.
 *
 * @param <T> the type of the values
 */
@FunctionalInterface
public interface Generator<T> {

    /**
     * Draws one value. Only {@code random} may be a source of randomness, so that its seed
     * reproduces the value.
     *
     * <pre>{@code
     * Generator<NetworkCase> cases = NetworkSpace.defaults()::generate;
     * NetworkCase c = cases.generate(new Random(7));
     * }</pre>
     *
     * @param random the source of randomness, seeded by the caller
     * @return the value
     */
    T generate(Random random);

    /**
     * The values of this generator, transformed.
     *
     * <pre>{@code
     * Generator<NetworkCase> cases = NetworkSpace.defaults()::generate;
     * Generator<Network> shapes = cases.map(NetworkCase::network);
     * }</pre>
     *
     * @param f the transformation
     * @param <R> the type of the transformed values
     * @return the generator of {@code f(value)}
     */
    default <R> Generator<R> map(Function<? super T, ? extends R> f) {
        Objects.requireNonNull(f, "f");
        return r -> f.apply(generate(r));
    }

    /**
     * The values of this generator that {@code accept} holds for, drawn again (from the same
     * {@code Random}) until one does, at most 1,000 times.
     *
     * <pre>{@code
     * Generator<NetworkCase> cases = NetworkSpace.defaults()::generate;
     * Generator<NetworkCase> deep = cases.filter(c -> c.network().hiddenLayers() == 2);
     * }</pre>
     *
     * @param accept the values to keep
     * @return the filtered generator; it throws {@link IllegalStateException} when 1,000 draws in a
     *     row are rejected
     */
    default Generator<T> filter(Predicate<? super T> accept) {
        Objects.requireNonNull(accept, "accept");
        return r -> {
            for (int i = 0; i < 1000; i++) {
                T value = generate(r);
                if (accept.test(value)) {
                    return value;
                }
            }
            throw new IllegalStateException("the filter rejected 1000 values in a row; generate values it accepts instead");
        };
    }
}
