package org.gradaudit.testing.examples;

import static org.gradaudit.testing.GradientAssertions.assertGradient;

import java.util.List;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import org.gradaudit.testing.GradientArbitraries;
import org.gradaudit.testing.NetworkCase;

/**
 * Example: a property over a wrong gradient (the published tutorial's dZ1 mistake). jqwik finds a
 * failing network and shrinks it; the hook below expects that failure and checks that the shrunk
 * counterexample is a network of at most 2 units in every layer. In your own suite, the property
 * alone is what you write: jqwik then reports the shrunk case.
 */
class ShrinkingExampleProperties {

    // PREVIOUS_SEED: rerun the whole search and shrinking each time, not just the stored sample.
    @Property(tries = 100, seed = "20261127", afterFailure = AfterFailureMode.PREVIOUS_SEED)
    @AddLifecycleHook(ExpectSmallCounterexample.class)
    void thePublishedBackpropIsWrong(@ForAll("cases") NetworkCase c) {
        assertGradient(c, c::publishedGradient);
    }

    @Provide
    Arbitrary<NetworkCase> cases() {
        return GradientArbitraries.cases(GradientArbitraries.networks(1, 2, 4, 3));
    }

    /** Turns the expected failure into a pass, if and only if it shrank to a small network. */
    static class ExpectSmallCounterexample implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            PropertyExecutionResult r = property.execute();
            if (r.status() != PropertyExecutionResult.Status.FAILED) {
                return r.mapToFailed("expected the wrong gradient to fail, but the property " + r.status());
            }
            List<Object> sample = r.shrunkSample().orElseThrow().parameters();
            NetworkCase shrunk = (NetworkCase) sample.get(0);
            if (shrunk.network().maxUnits() > 2) {
                return r.mapToFailed("shrunk only to " + shrunk);
            }
            if (!(r.throwable().orElseThrow() instanceof AssertionError)) {
                return r.mapToFailed(r.throwable().orElseThrow());
            }
            if (System.getProperty("gradaudit.showShrunk") != null) {
                System.out.println("shrunk to " + shrunk + "\n" + r.throwable().orElseThrow().getMessage());
            }
            return r.mapToSuccessful();
        }
    }
}
