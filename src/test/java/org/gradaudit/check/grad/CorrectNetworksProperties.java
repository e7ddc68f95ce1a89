package org.gradaudit.check.grad;

import java.util.ArrayList;
import java.util.List;
import org.gradaudit.numeric.Method;
import org.gradaudit.numeric.mlp.Activation;
import org.gradaudit.numeric.mlp.Backprop;
import org.gradaudit.numeric.mlp.Loss;
import org.gradaudit.numeric.mlp.MlpSpec;
import org.gradaudit.numeric.mlp.Output;
import org.gradaudit.testing.Generator;
import org.gradaudit.testing.Search;
import org.gradaudit.testing.SearchOptions;
import org.gradaudit.testing.Shrinker;
import org.junit.jupiter.api.Test;

/**
 * No false alarms: correct backprop passes on networks of random shape, activation, output, loss
 * and batch. 150 cases here; {@code org.gradaudit.bench.FalseAlarmRuns} runs 1,000 seeded ones.
 */
class CorrectNetworksProperties {

    /** A network, the seed of its parameters and data, and the numeric method to check it with. */
    record Case(MlpSpec spec, int seed, Method method) {
    }

    /** 2 to 5 layers of 1 to 6 units, every activation, output and loss that go together, batches of 1 to 5. */
    private static final Generator<Case> CASES = r -> {
        Output output = Output.values()[r.nextInt(Output.values().length)];
        Loss loss = output == Output.IDENTITY ? Loss.MSE : Loss.values()[r.nextInt(Loss.values().length)];
        List<Integer> layers = new ArrayList<>();
        for (int k = 2 + r.nextInt(4); k > 0; k--) {
            layers.add(1 + r.nextInt(6));
        }
        if (output == Output.SOFTMAX) {
            layers.set(layers.size() - 1, 2 + r.nextInt(5));
        }
        MlpSpec spec = new MlpSpec(layers, Activation.values()[r.nextInt(Activation.values().length)], output, loss,
                1 + r.nextInt(5));
        return new Case(spec, 1 + r.nextInt(1000), Method.values()[r.nextInt(Method.values().length)]);
    };

    @Test
    void correctBackpropPasses() {
        Search.forAll(CASES, Shrinker.none(), SearchOptions.defaults().withTries(150).withSeed(20261127), c -> {
            CheckResult r = GradientChecker.check(CheckTargets.mlp(c.spec(), c.seed(), Backprop.CORRECT),
                    CheckOptions.defaults().withMethod(c.method()).withThreads(1));
            if (!r.passed()) {
                throw new AssertionError(c.spec().describe() + " seed " + c.seed() + " " + c.method() + ": " + r.failures());
            }
        });
    }
}
