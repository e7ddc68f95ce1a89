package org.gradaudit.testing;

/**
 * The code under test in a search over networks: a hand-written gradient of a built-in network's
 * loss, for the case's shape, inputs and targets, at parameters {@code theta}.
 *
 * <pre>{@code
 * NetworkGradient mine = (c, theta) -> MyBackprop.gradient(c.network(), theta, c.inputs(), c.targets());
 * NetworkGradient builtIn = NetworkCase::gradient;                 // gradaudit's own backprop
 * NetworkGradient published = NetworkCase::publishedGradient;      // a published mistake
 * }</pre>
 */
@FunctionalInterface
public interface NetworkGradient {

    /**
     * The gradient of {@code c.loss(theta)}, flat in the order of {@link Network#parameters()}.
     *
     * <pre>{@code
     * double[] g = mine.gradient(c, c.parameters());
     * }</pre>
     *
     * @param c the case: shape, inputs and targets (and parameters, which {@code theta} equals)
     * @param theta the parameters to differentiate at; do not modify or keep it
     * @return the gradient, {@link Network#parameterCount()} values
     */
    double[] gradient(NetworkCase c, double[] theta);
}
