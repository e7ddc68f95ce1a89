package org.gradaudit.testing;

import static org.gradaudit.testing.GradientAssertions.assertGradient;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A regression found by {@code BuiltInBackpropProperties} once it searched with the new engine:
 * softmax with bce at a saturated output (logits -16 and 16, so 1 - a = e^-32) lost every digit of
 * dL/dz to cancellation and came out 1.125 where it is 1.
 */
class SaturatedSoftmaxTest {

    @Test
    void softmaxWithBceIsRightWhereAnOutputSaturates() {
        NetworkCase c = new NetworkCase(new Network(List.of(1, 1, 1, 2), Network.Activation.IDENTITY,
                Network.Output.SOFTMAX, Network.Loss.BCE, 1), new double[] {-2.0, 0.0, 2.0, 0.0, -2.0, 2.0, 0.0, 0.0},
                new double[] {-2.0}, new double[] {0.0, 0.0});
        assertGradient(c, c::gradient);
    }
}
