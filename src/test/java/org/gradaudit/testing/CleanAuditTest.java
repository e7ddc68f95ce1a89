package org.gradaudit.testing;

import static org.gradaudit.testing.SymbolicAssertions.assertAuditsClean;
import static org.gradaudit.testing.SymbolicAssertions.assertResourceAuditsClean;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The entry points of {@code assertAuditsClean}: files, resources, options, and the messages for bad arguments. */
class CleanAuditTest {
    private static final String CLEAN = "org/gradaudit/testing/relu-mse.deriv";
    private static final String WRONG = "org/gradaudit/testing/relu-mse-sign.deriv";

    @Test
    void aCleanResourcePassesWithOrWithoutLeadingSlash() {
        assertResourceAuditsClean(CLEAN);
        assertResourceAuditsClean("/" + CLEAN, AuditOptions.defaults().withSeed(3).withPoints(32));
    }

    @Test
    void aWrongResourceFailsWithTheLineAndTheOptionsToReproduceIt() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> assertResourceAuditsClean(WRONG, AuditOptions.defaults().withSeed(5).withPoints(40)));
        assertTrue(e.getMessage().contains("line 13: dL/dw"), e.getMessage());
        assertTrue(e.getMessage().contains("(seed 5)"), e.getMessage());
        assertTrue(e.getMessage().contains("--seed 5 --points 40"), e.getMessage());
    }

    @Test
    void aMissingFileSaysNoSuchFileAndTheWorkingDirectory() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> assertAuditsClean(Path.of("no/such/dir/x.deriv")));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
        assertTrue(e.getMessage().contains(Path.of("").toAbsolutePath().toString()), e.getMessage());
    }

    @Test
    void aMissingResourceSaysSo() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> assertResourceAuditsClean("org/gradaudit/testing/none.deriv"));
        assertTrue(e.getMessage().contains("no such resource"), e.getMessage());
    }

    @Test
    void nullArgumentsAreNamed() {
        assertNamed("derivationFile", () -> assertAuditsClean((Path) null));
        assertNamed("derivationFile", () -> assertAuditsClean(null, 3));
        assertNamed("options", () -> assertAuditsClean(Path.of("x.deriv"), (AuditOptions) null));
        assertNamed("resource", () -> assertResourceAuditsClean(null));
        assertNamed("options", () -> assertResourceAuditsClean(CLEAN, null));
        assertNamed("timeLimit", () -> AuditOptions.defaults().withTimeLimit(null));
    }

    @Test
    void optionsAreValidatedWhereTheyAreMade() {
        assertThrows(IllegalArgumentException.class, () -> AuditOptions.defaults().withPoints(31));
        assertThrows(IllegalArgumentException.class, () -> AuditOptions.defaults().withPoints(10_001));
        assertThrows(IllegalArgumentException.class, () -> AuditOptions.defaults().withTimeLimit(Duration.ZERO));
        AuditOptions o = AuditOptions.defaults().withSeed(9).withPoints(100).withTimeLimit(Duration.ofMillis(1500));
        assertTrue(o.toString().contains("withSeed(9).withPoints(100)"), o.toString());
    }

    private static void assertNamed(String name, org.junit.jupiter.api.function.Executable call) {
        NullPointerException e = assertThrows(NullPointerException.class, call);
        assertTrue(e.getMessage() != null && e.getMessage().startsWith(name + " "), String.valueOf(e.getMessage()));
    }
}
