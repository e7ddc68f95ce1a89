package org.gradaudit.check.grad;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.gradaudit.numeric.Method;
import org.gradaudit.numeric.mlp.Activation;
import org.gradaudit.numeric.mlp.Backprop;
import org.gradaudit.numeric.mlp.Loss;
import org.gradaudit.numeric.mlp.MlpSpec;
import org.gradaudit.numeric.mlp.MlpTargets;
import org.gradaudit.numeric.mlp.Output;

/**
 * No false alarms: correct backprop passes on networks of random shape, activation, output, loss
 * and batch. 150 tries here; {@code org.gradaudit.bench.FalseAlarmRuns} runs 1,000 seeded ones.
 */
class CorrectNetworksProperties {

    @Property(tries = 150, seed = "20261127")
    void correctBackpropPasses(@ForAll("specs") MlpSpec spec, @ForAll @IntRange(min = 1, max = 1000) int seed,
            @ForAll("methods") Method method) {
        CheckResult r = GradientChecker.check(MlpTargets.mlp(spec, seed, Backprop.CORRECT),
                CheckOptions.defaults().withMethod(method).withThreads(1));
        if (!r.passed()) {
            throw new AssertionError(spec.describe() + " seed " + seed + " " + method + ": " + r.failures());
        }
    }

    @Provide
    Arbitrary<Method> methods() {
        return Arbitraries.of(Method.values());
    }

    @Provide
    Arbitrary<MlpSpec> specs() {
        Arbitrary<List<Integer>> layers = Arbitraries.integers().between(1, 6).list().ofMinSize(2).ofMaxSize(5);
        Arbitrary<Output> outputs = Arbitraries.of(Output.values());
        Arbitrary<Loss> losses = Arbitraries.of(Loss.values());
        return Combinators.combine(layers, Arbitraries.of(Activation.values()), outputs, losses,
                Arbitraries.integers().between(1, 5))
                .filter((l, a, o, loss, b) -> o != Output.IDENTITY || loss == Loss.MSE)
                .filter((l, a, o, loss, b) -> o != Output.SOFTMAX || l.get(l.size() - 1) >= 2)
                .as(MlpSpec::new);
    }
}
