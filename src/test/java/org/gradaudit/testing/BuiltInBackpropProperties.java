package org.gradaudit.testing;

import static org.gradaudit.testing.GradientSearch.assertGradientForAll;

import org.junit.jupiter.api.Test;

/**
 * The built-in backpropagation equals Ridders' differences on random network shapes, activations,
 * outputs, losses, batches, parameters, inputs and targets: through the public API, as a user's
 * suite would check their own.
 */
class BuiltInBackpropProperties {

    @Test
    void builtInBackpropMatchesRidders() {
        assertGradientForAll(NetworkSpace.defaults().withHiddenLayers(0, 3).withMaxUnits(5).withMaxBatch(4),
                NetworkCase::gradient, SearchOptions.defaults().withTries(200).withSeed(20261127));
    }

    @Test
    void awayFromKinksAlsoByCentralDifferences() {
        assertGradientForAll(NetworkSpace.defaults().awayFromKinks(1e-3), NetworkCase::gradient,
                SearchOptions.defaults().withTries(50).withSeed(20261128)
                        .withGradientOptions(GradientOptions.defaults().withMethod(NumericMethod.CENTRAL)));
    }

    @Test
    void reluNetworksAwayFromKinksByTheComplexStep() {
        assertGradientForAll(NetworkSpace.defaults().withActivations(Network.Activation.RELU).awayFromKinks(1e-3),
                NetworkCase::gradient, SearchOptions.defaults().withTries(50).withSeed(20261129)
                        .withGradientOptions(GradientOptions.defaults().withMethod(NumericMethod.COMPLEX_STEP)));
    }
}
