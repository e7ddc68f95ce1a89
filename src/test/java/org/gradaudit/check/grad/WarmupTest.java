package org.gradaudit.check.grad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gradaudit.numeric.Method;
import org.gradaudit.numeric.mlp.Activation;
import org.gradaudit.numeric.mlp.Backprop;
import org.gradaudit.numeric.mlp.Loss;
import org.gradaudit.numeric.mlp.MlpSpec;
import org.gradaudit.numeric.mlp.MlpTargets;
import org.gradaudit.numeric.mlp.Output;
import org.gradaudit.report.CheckReport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A warm-up changes nothing a check reports (but its seconds), and stops when it is finished. */
class WarmupTest {
    private static final MlpSpec SPEC = new MlpSpec(List.of(30, 9, 4), Activation.SIGMOID, Output.SOFTMAX,
            Loss.CROSS_ENTROPY, 5);

    @ParameterizedTest
    @CsvSource({"COMPLEX_STEP, FAST, CORRECT", "RIDDERS, FAST, PUBLISHED_DZ1", "CENTRAL, FULL, PUBLISHED_DZ1",
        "RIDDERS, FULL, CORRECT"})
    void aCheckAfterAWarmupReportsWhatOneWithoutReports(Method method, Mode mode, Backprop backprop) {
        CheckOptions options = CheckOptions.defaults().withMethod(method).withMode(mode).withThreads(2);
        CheckResult cold = GradientChecker.check(MlpTargets.mlp(SPEC, 3, backprop), options);
        MlpSpec miniature = SPEC.miniature();
        Warmup warmup = Warmup.start(() -> MlpTargets.mlp(miniature, 3, backprop), options);
        CheckResult warm = GradientChecker.check(MlpTargets.mlp(SPEC, 3, backprop), options);
        int finished = warmup.finish();
        assertTrue(finished >= 0 && finished <= Warmup.MAX_CHECKS, finished + " miniature checks");
        assertEquals(backprop == Backprop.CORRECT, warm.passed(), warm.failures().toString());
        assertEquals(report(cold), report(warm));
    }

    /** The JSON report, every value in it, but the seconds. */
    private static String report(CheckResult r) {
        return CheckReport.json(r, "test").replaceAll("\"seconds\": [0-9.eE+-]+", "\"seconds\": <seconds>");
    }

    @ParameterizedTest
    @CsvSource({"FAST", "FULL"})
    void finishingStopsTheWarmupAndAMiniatureIsTheSameNetworkInSmall(Mode mode) {
        MlpSpec big = new MlpSpec(List.of(784, 64, 10), Activation.TANH, Output.SOFTMAX, Loss.BCE, 32);
        MlpSpec small = big.miniature();
        assertEquals(List.of(6, 6, 6), small.layers());
        assertEquals(4, small.batch());
        assertEquals(big.activation(), small.activation());
        assertEquals(big.output(), small.output());
        assertEquals(big.loss(), small.loss());
        assertEquals(small, small.miniature(), "a miniature is its own miniature");
        Warmup warmup = Warmup.start(() -> MlpTargets.mlp(small, 1, Backprop.CORRECT),
                CheckOptions.defaults().withMode(mode));
        int finished = warmup.finish();
        assertTrue(finished < Warmup.MAX_CHECKS, finished + " miniature checks: finish() did not stop it");
    }
}
