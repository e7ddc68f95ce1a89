package org.gradaudit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.gradaudit.cli.AuditCommandTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code +=} written {@code =}: the overwriting line is the one wrong, a missing term whose term is
 * the lost value and whose fix is the whole sum; the run before it is a part of the accumulation only
 * when nothing read it and the two values add up to the truth.
 */
class OverwrittenRunsTest {
    @TempDir
    Path dir;

    private static final String NETWORK = """
            input t, y
            param a, b, w
            x = w*t
            u = a*x
            v = tanh(b*x)
            p = u + v
            loss L(p, y) = (p - y)^2/2
            code dp = p - y
            code du = dp
            code dv = dp
            """;

    private Map<Integer, SeededMistakesTest.Finding> audit(String code) throws IOException {
        AuditCommandTest.Run r = AuditCommandTest.audit(dir, NETWORK + code, "--format", "json");
        return SeededMistakesTest.parse(r.out());
    }

    @Test
    void theOverwritingLineIsTheMissingTermAndTheRunBeforeItIsNotJudgedAlone() throws IOException {
        var findings = audit("""
                code dx = du*a
                code dx = dv*(1 - v^2)*b
                """);
        assertFalse(findings.containsKey(11), "the overwritten line is a part of the accumulation: " + findings);
        assertEquals("wrong", findings.get(12).verdict());
        assertEquals("missing-term", findings.get(12).diagnosis());
    }

    @Test
    void theFixIsTheWholeSumAndTheLostTermIsNamedWithItsLines() throws IOException {
        AuditCommandTest.Run r = AuditCommandTest.audit(dir, NETWORK + """
                code dx = 0
                code dx += du*a
                code dx = dv*(1 - v^2)*b
                """);
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("it lacks the term du*a, which lines 11 to 12 put in dx and the '=' of line 13"
                + " overwrites: '+=' belongs there"), r.out());
        assertTrue(r.out().contains("corrected: du*a + dv*(1 - v^2)*b."), r.out());
    }

    @Test
    void aRunThatIsReadBeforeTheOverwriteIsJudgedOnItsOwn() throws IOException {
        // dw reads dx's first value: that value was used as the whole gradient, and is wrong as such.
        var findings = audit("""
                code dx = du*a
                code dw = dx*t
                code dx = dv*(1 - v^2)*b
                """).values();
        assertEquals(2, findings.stream().filter(f -> "wrong".equals(f.verdict())).count(), findings.toString());
    }

    @Test
    void aRecomputedWholeGradientIsNoLostTerm() throws IOException {
        // The earlier line is wrong on its own, and with the later one added it is no truth either.
        var findings = audit("""
                code dx = 2*du*a
                code dx = du*a + dv*(1 - v^2)*b
                """);
        assertEquals("wrong", findings.get(11).verdict(), findings.toString());
        assertEquals("correct", findings.get(12).verdict(), findings.toString());
    }
}
