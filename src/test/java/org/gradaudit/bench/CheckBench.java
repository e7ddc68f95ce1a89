package org.gradaudit.bench;

import java.util.Arrays;
import java.util.List;
import org.gradaudit.check.grad.CheckOptions;
import org.gradaudit.check.grad.CheckResult;
import org.gradaudit.check.grad.GradientChecker;
import org.gradaudit.check.grad.Mode;
import org.gradaudit.gradient.CheckTarget;
import org.gradaudit.numeric.Method;
import org.gradaudit.numeric.mlp.Activation;
import org.gradaudit.numeric.mlp.Backprop;
import org.gradaudit.numeric.mlp.Loss;
import org.gradaudit.numeric.mlp.MlpSpec;
import org.gradaudit.numeric.mlp.MlpTargets;
import org.gradaudit.numeric.mlp.Output;

/**
 * Benchmark, not a test: full-mode checks of a 784-64-10 sigmoid/softmax cross-entropy MLP at batch
 * 32 (50,890 parameters) with each method, and fast mode, each the median of 5 runs after one
 * warm-up. Run with {@code bench/check.sh}. Arguments: optional layer sizes, e.g. {@code 100,64,1}.
 */
public final class CheckBench {
    private static final int RUNS = 5;

    private CheckBench() {
    }

    public static void main(String[] args) {
        List<Integer> layers = args.length > 0
                ? Arrays.stream(args[0].split(",")).map(Integer::valueOf).toList() : List.of(784, 64, 10);
        Output out = layers.get(layers.size() - 1) == 1 ? Output.SIGMOID : Output.SOFTMAX;
        Loss loss = out == Output.SIGMOID ? Loss.BCE : Loss.CROSS_ENTROPY;
        MlpSpec spec = new MlpSpec(layers, Activation.SIGMOID, out, loss, 32);
        int threads = Runtime.getRuntime().availableProcessors();
        System.out.printf("%s, %d threads%n", spec.describe(), threads);
        CheckOptions base = CheckOptions.defaults().withThreads(threads);
        for (Method m : Method.values()) {
            run(spec, base.withMethod(m).withMode(Mode.FULL));
        }
        run(spec, base.withMethod(Method.CENTRAL).withMode(Mode.FAST));
        run(spec, base.withMethod(Method.RIDDERS).withMode(Mode.FAST));
    }

    private static void run(MlpSpec spec, CheckOptions options) {
        double[] seconds = new double[RUNS];
        CheckResult last = null;
        long elements = 0;
        for (int r = -1; r < RUNS; r++) {
            long t0 = System.nanoTime();
            CheckTarget target = MlpTargets.mlp(spec, 1, Backprop.CORRECT);
            last = GradientChecker.check(target, options);
            double s = (System.nanoTime() - t0) / 1e9;
            if (r >= 0) {
                seconds[r] = s;
            }
            elements = last.elementsChecked();
        }
        Arrays.sort(seconds);
        double median = seconds[RUNS / 2];
        System.out.printf("%-13s %-4s  median %7.3f s  (min %.3f, max %.3f)  %,12.0f elements/s  %s%n",
                options.method(), options.mode(), median, seconds[0], seconds[RUNS - 1], elements / median,
                last.passed() ? "pass" : "FAIL (" + last.failed() + " failed)");
    }
}
