package org.gradaudit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTest {
    /** Integers 0..999, shrinking toward 0 by halving and by one. */
    private static final Generator<Integer> INTS = r -> r.nextInt(1000);
    private static final Shrinker<Integer> HALVES = n -> n == 0 ? List.of() : List.of(0, n / 2, n - 1);

    @Test
    void aPropertyThatHoldsChecksExactlyTheTriesAskedFor() {
        List<Integer> seen = new ArrayList<>();
        Search.forAll(INTS, HALVES, SearchOptions.defaults().withTries(37), seen::add);
        assertEquals(37, seen.size());
    }

    @Test
    void theFirstFailureShrinksToTheSmallestValueThatStillFails() {
        PropertyFailure e = assertThrows(PropertyFailure.class, () -> Search.forAll(INTS, HALVES,
                SearchOptions.defaults(), n -> assertTrue(n < 100, n + " is too big")));
        assertEquals(100, e.counterexample());
        assertTrue(e.getMessage().contains("smallest case: 100\n"), e.getMessage());
        assertTrue(e.getMessage().contains("  100 is too big"), e.getMessage());
        assertTrue(e.getCause().getMessage().startsWith("100 is too big"));
        assertTrue(e.shrinks() > 0);
    }

    @Test
    void theSameSeedFindsTheSameCaseAndAnotherSeedAnother() {
        Property<Integer> small = n -> assertTrue(n < 500);
        PropertyFailure a = assertThrows(PropertyFailure.class,
                () -> Search.forAll(INTS, Shrinker.none(), SearchOptions.defaults().withSeed(5), small));
        PropertyFailure b = assertThrows(PropertyFailure.class,
                () -> Search.forAll(INTS, Shrinker.none(), SearchOptions.defaults().withSeed(5), small));
        assertEquals(a.counterexample(), b.counterexample());
        assertEquals(a.caseSeed(), b.caseSeed());
        assertEquals(a.counterexample(), INTS.generate(new java.util.Random(a.caseSeed())));
        assertTrue(a.getMessage().contains("rerun:         SearchOptions.defaults().withSeed(5)"), a.getMessage());
    }

    @Test
    void aCandidateThatFailsAnotherWayIsNotTaken() {
        PropertyFailure e = assertThrows(PropertyFailure.class, () -> Search.forAll(r -> 40, HALVES,
                SearchOptions.defaults(), n -> {
                    if (n < 10) {
                        throw new IllegalStateException("another bug");
                    }
                    assertTrue(n < 20);
                }));
        assertEquals(20, e.counterexample());
        assertTrue(e.getCause() instanceof AssertionError);
    }

    @Test
    void assumedAwayCasesAreReplacedUntilTooManyAreSetAside() {
        List<Integer> checked = new ArrayList<>();
        Search.forAll(INTS, HALVES, SearchOptions.defaults().withTries(50), n -> {
            Search.assume(n % 2 == 0);
            checked.add(n);
        });
        assertEquals(50, checked.size());
        assertTrue(checked.stream().allMatch(n -> n % 2 == 0));
        AssertionError e = assertThrows(AssertionError.class, () -> Search.forAll(INTS, HALVES,
                SearchOptions.defaults().withTries(10), n -> Search.assume(false)));
        assertTrue(e.getMessage().contains("set aside 51 cases"), e.getMessage());
    }

    @Test
    void noShrinkingBudgetReportsTheCaseAsDrawn() {
        PropertyFailure e = assertThrows(PropertyFailure.class, () -> Search.forAll(r -> 777, HALVES,
                SearchOptions.defaults().withMaxShrinks(0), n -> assertTrue(n < 100)));
        assertEquals(777, e.counterexample());
        assertTrue(e.getMessage().contains("did not shrink (0 candidates tried)"), e.getMessage());
    }

    @Test
    void aGeneratorThatThrowsIsReportedWithTheCaseSeed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Search.forAll(
                r -> { throw new IllegalArgumentException("no"); }, HALVES, SearchOptions.defaults(), n -> { }));
        assertTrue(e.getMessage().contains("the generator failed on case 1 (its seed "), e.getMessage());
    }

    @Test
    void optionsAreValidatedAndPrintAsJava() {
        assertThrows(IllegalArgumentException.class, () -> SearchOptions.defaults().withTries(0));
        assertThrows(IllegalArgumentException.class, () -> SearchOptions.defaults().withMaxShrinks(-1));
        assertEquals("SearchOptions.defaults()", SearchOptions.defaults().toString());
        assertEquals("SearchOptions.defaults().withTries(7).withSeed(3000000000L).withMaxShrinks(5)"
                + ".withGradientOptions(GradientOptions.defaults().withMethod(NumericMethod.CENTRAL))",
                SearchOptions.defaults().withTries(7).withSeed(3_000_000_000L).withMaxShrinks(5)
                        .withGradientOptions(GradientOptions.defaults().withMethod(NumericMethod.CENTRAL)).toString());
    }
}
