/**
 * gradaudit's public Java API, for test suites and for {@code gradaudit check --model}. Everything
 * outside this package is internal and may change.
 *
 * <ul>
 *   <li>{@link org.gradaudit.testing.GradientAssertions}: a hand-written gradient against numeric
 *       derivatives, for a plain function, a {@link org.gradaudit.testing.GradientModel} or a
 *       built-in network; options in {@link org.gradaudit.testing.GradientOptions}.
 *   <li>{@link org.gradaudit.testing.SymbolicAssertions}: that a formula is a derivative, and that a
 *       derivation file audits clean.
 *   <li>{@link org.gradaudit.testing.GradientSearch}: searches random built-in networks
 *       ({@link org.gradaudit.testing.NetworkSpace}) or points of a {@link org.gradaudit.testing.Box}
 *       for a wrong gradient, shrinks the first one found, and fails with the smallest case, the
 *       seed and a Java expression that rebuilds it; options in
 *       {@link org.gradaudit.testing.SearchOptions}.
 *   <li>{@link org.gradaudit.testing.Generator}, {@link org.gradaudit.testing.Shrinker} and the
 *       runner {@link org.gradaudit.testing.Search}: plain functions (seeded random to case, case to
 *       smaller cases) that any property-based testing library can wrap.
 * </ul>
 *
 * Assertions throw the JDK's {@link java.lang.AssertionError}: no test framework is needed at run
 * time, and none is brought in by depending on gradaudit. A search over networks:
 * <pre>{@code
 * GradientSearch.assertGradientForAll(NetworkSpace.defaults(),
 *         (c, theta) -> MyBackprop.gradient(c.network(), theta, c.inputs(), c.targets()),
 *         SearchOptions.defaults().withTries(200));
 * }</pre>
 *
 * <pre>{@code
 * import static org.gradaudit.testing.GradientAssertions.assertGradient;
 * import static org.gradaudit.testing.SymbolicAssertions.assertDerivative;
 *
 * class MyLayerTest {
 *     @Test
 *     void softplusGradient() {
 *         assertGradient(x -> Math.log1p(Math.exp(x[0])) * x[1],
 *                        x -> new double[] {x[1] / (1 + Math.exp(-x[0])), Math.log1p(Math.exp(x[0]))},
 *                        new double[] {0.4, -1.3});
 *     }
 *
 *     @Test
 *     void sigmoidDerivative() {
 *         assertDerivative("a2*(1 - a2)", "sigmoid(Z2)", "Z2", "a2 = sigmoid(Z2)");
 *     }
 * }
 * }</pre>
 *
 * A failure of {@code assertGradient} reads like this:
 * <pre>
 * gradient check failed: 1 of 2 elements differ in f at x = [1.5, 0.0]
 * failing: x (1 of 2)
 *   element  analytic  numeric  abs err  rel err   tolerance
 *   x[1]     1.25      3.25     2        0.615385  1.325e-10
 * method: Ridders' extrapolation of central differences, first step h0 = 0.1 or 0.01 times max(1,|x|), ...
 * seed: 42 (reproduce with GradientOptions.defaults().withSeed(42))
 * </pre>
 */
package org.gradaudit.testing;
