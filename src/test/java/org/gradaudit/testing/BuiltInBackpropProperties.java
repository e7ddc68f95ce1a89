package org.gradaudit.testing;

import static org.gradaudit.testing.GradientAssertions.assertGradient;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The built-in backpropagation equals Ridders' differences on random network shapes, activations,
 * outputs, losses, batches, parameters, inputs and targets: through the public API, as a user's
 * suite would check their own.
 */
class BuiltInBackpropProperties {

    @Property(tries = 200, seed = "20261127")
    void builtInBackpropMatchesRidders(@ForAll("cases") NetworkCase c) {
        assertGradient(c, c::gradient);
    }

    @Property(tries = 50, seed = "20261128")
    void awayFromKinksAlsoByCentralDifferences(@ForAll("smooth") NetworkCase c) {
        assertGradient(c, c::gradient, GradientOptions.defaults().withMethod(NumericMethod.CENTRAL));
    }

    @Provide
    Arbitrary<NetworkCase> cases() {
        return GradientArbitraries.cases(GradientArbitraries.networks(0, 3, 5, 4));
    }

    @Provide
    Arbitrary<NetworkCase> smooth() {
        return GradientArbitraries.awayFromKinks(GradientArbitraries.cases(), 1e-3);
    }
}
