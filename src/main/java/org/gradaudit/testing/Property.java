package org.gradaudit.testing;

/**
 * A law checked on one value: it returns normally when the law holds and throws (usually an
 * {@link AssertionError}) when it does not. It may call {@link Search#assume} to set aside a value
 * that the law does not speak about.
 *
 * <pre>{@code
 * Property<double[]> symmetric = x -> {
 *     Search.assume(x[0] != 0);
 *     assertEquals(f(x[0]), f(-x[0]), 1e-12);
 * };
 * }</pre>
 *
 * @param <T> the type of the values
 */
@FunctionalInterface
public interface Property<T> {

    /**
     * Checks the law on {@code value}.
     *
     * <pre>{@code
     * Property<NetworkCase> p = c -> GradientAssertions.assertGradient(c, c::gradient);
     * p.check(NetworkSpace.defaults().generate(new Random(1)));
     * }</pre>
     *
     * @param value the value
     * @throws Exception when the law does not hold, or the code under test fails
     */
    void check(T value) throws Exception;
}
