package org.gradaudit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.gradaudit.check.grad.CheckOptions;
import org.gradaudit.check.grad.CheckResult;
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
 * N seeded runs (default 1,000) of correct networks of random shape, activation, output and
 * loss, each checked in full and in fast mode with every method; prints any false alarm. Run with
 * {@code bench/check.sh --false-alarms [N]}; {@code NoFalseAlarmsTest} runs the same 1,000.
 */
public final class FalseAlarmRuns {
    private FalseAlarmRuns() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long t0 = System.nanoTime();
        List<String> alarms = alarms(n);
        alarms.forEach(a -> System.out.println("false alarm: " + a));
        System.out.printf("%d networks x %d methods x %d modes: %d false alarms, %.1f s%n", n, Method.values().length,
                Mode.values().length,
                alarms.size(), (System.nanoTime() - t0) / 1e9);
    }

    /** The false alarms among {@code n} seeded correct networks, each checked with every method in both modes. */
    public static List<String> alarms(int n) {
        SplittableRandom r = new SplittableRandom(20261127);
        List<String> alarms = new ArrayList<>();
        for (int run = 0; run < n; run++) {
            List<Integer> layers = new ArrayList<>();
            int depth = 1 + r.nextInt(4);
            for (int i = 0; i <= depth; i++) {
                layers.add(1 + r.nextInt(8));
            }
            Output out = Output.values()[r.nextInt(3)];
            if (out == Output.SOFTMAX && layers.get(depth) < 2) {
                layers.set(depth, 2);
            }
            Loss loss = out == Output.IDENTITY ? Loss.MSE : Loss.values()[r.nextInt(3)];
            MlpSpec spec = new MlpSpec(layers, Activation.values()[r.nextInt(4)], out, loss, 1 + r.nextInt(8));
            long seed = r.nextLong();
            for (Mode mode : Mode.values()) {
                for (Method m : Method.values()) {
                    CheckResult res = GradientChecker.check(CheckTargets.mlp(spec, seed, Backprop.CORRECT),
                            CheckOptions.defaults().withMethod(m).withMode(mode));
                    if (!res.passed()) {
                        alarms.add(spec.describe() + " seed " + seed + " " + m + " " + mode + " " + res.failures());
                    }
                }
            }
        }
        return alarms;
    }
}
