package org.gradaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --time-limit} holds for the whole command on every command: a file whose every CAS call
 * is slow (1,000 definitions of 150 nested sines ran 104 s, then overflowed the stack) ends within
 * the limit plus a margin, and says what was cut short.
 */
class TimeLimitTest {
    /** The margin over the limit: the deadline is checked before each piece of work, which is short. */
    private static final long MARGIN_MILLIS = 15_000;

    @TempDir
    static Path dir;
    static Path slow;

    @BeforeAll
    static void writeSlowFile() throws IOException {
        StringBuilder s = new StringBuilder("input x\n");
        String previous = "x";
        for (int k = 0; k < 1000; k++) {
            s.append('a').append(k).append(" = ").append("sin(".repeat(150)).append(previous)
                    .append(")".repeat(150)).append('\n');
            previous = "a" + k;
        }
        s.append("da999/dx = 0\n");
        slow = dir.resolve("slow.deriv");
        Files.writeString(slow, s);
    }

    private static AuditCommandTest.Run within(long limitSeconds, String... args) {
        long start = System.nanoTime();
        AuditCommandTest.Run r = AuditCommandTest.run(args);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < limitSeconds * 1000 + MARGIN_MILLIS, String.join(" ", args) + " took " + millis + " ms");
        assertFalse(r.err().contains("\tat ") || r.err().contains("internal error"), r.err());
        return r;
    }

    @Test
    void anAuditEndsByItsLimitAndSaysWhatWasCutShort() {
        AuditCommandTest.Run r = within(2, "audit", "--time-limit", "2", slow.toString());
        assertEquals(1, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("UNVERIFIED"), r.out());
        assertTrue(r.out().contains("time limit of 2 s ran out"), r.out());
    }

    @Test
    void aDerivationEndsByItsLimitAndSaysSo() {
        AuditCommandTest.Run r = within(2, "derive", "--time-limit", "2", slow.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("(stopped: the time limit of 2 s ran out"), r.out());
    }

    @Test
    void aGradientCheckEndsByItsLimitWithExitCode2() {
        AuditCommandTest.Run r = within(1, "check", "--time-limit", "1", "--layers", "300,300,300,1", "--batch", "64",
                "--threads", "1");
        assertEquals(2, r.code(), r.err() + r.out());
        assertEquals("gradaudit: the time limit of 1 s ran out while checking the gradient; raise --time-limit, or"
                + " try --mode fast\n", r.err());
    }

    @Test
    void aTimeLimitBelowOneSecondIsRefused() {
        for (String command : new String[] {"audit", "derive", "check"}) {
            AuditCommandTest.Run r = AuditCommandTest.run(command, "--time-limit", "0", "derivations/relu-mse.deriv");
            assertEquals(2, r.code(), r.err());
            assertTrue(r.err().contains("Invalid value for option '--time-limit': must be more than 0"), r.err());
        }
    }
}
