package org.gradaudit.bench;

import java.util.Arrays;
import java.util.List;
import org.gradaudit.check.grad.CheckOptions;
import org.gradaudit.check.grad.CheckResult;
import org.gradaudit.check.grad.CheckTarget;
import org.gradaudit.check.grad.CheckTargets;
import org.gradaudit.check.grad.GradientChecker;
import org.gradaudit.check.grad.Mode;
import org.gradaudit.numeric.Method;
import org.gradaudit.numeric.mlp.Activation;
import org.gradaudit.numeric.mlp.Backprop;
import org.gradaudit.numeric.mlp.Loss;
import org.gradaudit.numeric.mlp.MlpSpec;
import org.gradaudit.numeric.mlp.Output;

/**
 * Benchmark, not a test: full- and fast-mode checks of a 784-64-10 sigmoid/softmax cross-entropy MLP
 * at batch 32 (50,890 parameters) with each method, each the median of 5 runs after one warm-up:
 * the check's in-process seconds (its {@code seconds}, building the target excluded) and the
 * process's CPU seconds over the check (every thread: a shared machine inflates the first, not the
 * second; Linux counts it in 10 ms ticks, so below 0.01 s it says little). Run with {@code bench/check.sh}. Arguments: optional layer sizes, e.g. {@code 100,64,1}.
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
        for (Method m : Method.values()) {
            run(spec, base.withMethod(m).withMode(Mode.FAST));
        }
    }

    /** CPU time of the whole process, every thread (the JIT compiler's too), where the JVM tells it. */
    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static void run(MlpSpec spec, CheckOptions options) {
        double[] seconds = new double[RUNS];
        double[] cpu = new double[RUNS];
        CheckResult last = null;
        long elements = 0;
        for (int r = -1; r < RUNS; r++) {
            CheckTarget target = CheckTargets.mlp(spec, 1, Backprop.CORRECT);
            long c0 = processCpuNanos();
            last = GradientChecker.check(target, options);
            if (r >= 0) {
                seconds[r] = last.seconds();
                cpu[r] = (processCpuNanos() - c0) / 1e9;
            }
            elements = last.elementsChecked();
        }
        Arrays.sort(seconds);
        Arrays.sort(cpu);
        double median = seconds[RUNS / 2];
        System.out.printf(java.util.Locale.ROOT,
                "%-13s %-4s  median %8.4f s  (min %.4f, max %.4f; cpu %.4f s)  %,12.0f elements/s  %s%n",
                options.method(), options.mode(), median, seconds[0], seconds[RUNS - 1], cpu[RUNS / 2],
                elements / median, last.passed() ? "pass" : "FAIL (" + last.failed() + " failed)");
    }
}
