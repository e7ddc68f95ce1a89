package org.gradaudit.bench;

import java.util.Random;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.gradaudit.testing.GradientAssertions;
import org.gradaudit.testing.GradientOptions;
import org.gradaudit.testing.NetworkCase;
import org.gradaudit.testing.NetworkSpace;

/**
 * N random correct networks from the testing API's {@link NetworkSpace} (edge cases included:
 * every parameter equal, saturated units), each checked with Ridders at the bare noise floor
 * ({@code withTolerance(0, 0)}); prints any false alarm with the seed that draws it again. Run with
 * {@code bench/check.sh --bare-floor [N] [SEED] [defaults]}; with {@code defaults}, the same networks at
 * {@link GradientOptions#defaults()}' allowance instead.
 */
public final class BareFloorRuns {
    private BareFloorRuns() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261127;
        // "defaults" as a third argument: the testing API's default allowance on top of the noise floor.
        boolean defaults = args.length > 2 && args[2].equals("defaults");
        GradientOptions options = defaults ? GradientOptions.defaults() : GradientOptions.defaults().withTolerance(0, 0);
        NetworkSpace space = NetworkSpace.defaults().withHiddenLayers(0, 3).withMaxUnits(5).withMaxBatch(4);
        SplittableRandom seeds = new SplittableRandom(seed);
        long t0 = System.nanoTime();
        int alarms = 0;
        for (int i = 0; i < n; i++) {
            long caseSeed = seeds.nextLong();
            NetworkCase c = space.generate(new Random(caseSeed));
            try {
                GradientAssertions.assertGradient(c, c::gradient, options);
            } catch (AssertionError e) {
                alarms++;
                System.out.println("mismatch: " + e.getMessage().lines().limit(6).collect(Collectors.joining(" / ")));
                System.out.println("  case: " + space + ".generate(new Random(" + caseSeed + "L)) = " + c);
            }
        }
        System.out.printf("%d random networks at %s (seed %d): %d mismatches, %.1f s%n", n,
                defaults ? "the default tolerance" : "the bare noise floor", seed, alarms, (System.nanoTime() - t0) / 1e9);
    }
}
