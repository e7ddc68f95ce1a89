package org.gradaudit.bench;

import java.util.List;
import java.util.stream.Collectors;
import org.gradaudit.testing.GradientArbitraries;
import org.gradaudit.testing.GradientAssertions;
import org.gradaudit.testing.GradientOptions;
import org.gradaudit.testing.NetworkCase;

/**
 * N random correct networks from the testing API's arbitraries (edge cases included: every
 * parameter equal, saturated units), each checked with Ridders at the bare noise floor
 * ({@code withTolerance(0, 0)}); prints any false alarm. Run with
 * {@code bench/check.sh --bare-floor [N]}.
 */
public final class BareFloorRuns {
    private BareFloorRuns() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        long t0 = System.nanoTime();
        // jqwik draws these outside a property, so unseeded: each mismatch prints its whole case to reproduce it.
        List<NetworkCase> cases = GradientArbitraries.cases(GradientArbitraries.networks(0, 3, 5, 4))
                .sampleStream().limit(n).collect(Collectors.toList());
        int alarms = 0;
        for (NetworkCase c : cases) {
            try {
                GradientAssertions.assertGradient(c, c::gradient, GradientOptions.defaults().withTolerance(0, 0));
            } catch (AssertionError e) {
                alarms++;
                System.out.println("mismatch: " + e.getMessage().lines().limit(6).collect(Collectors.joining(" / ")));
                System.out.println("  case: " + c.network() + " parameters " + java.util.Arrays.toString(c.parameters())
                        + " inputs " + java.util.Arrays.toString(c.inputs()) + " targets "
                        + java.util.Arrays.toString(c.targets()));
            }
        }
        System.out.printf("%d random networks at the bare noise floor: %d mismatches, %.1f s%n", cases.size(), alarms,
                (System.nanoTime() - t0) / 1e9);
    }
}
