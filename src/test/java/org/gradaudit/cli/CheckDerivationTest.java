package org.gradaudit.cli;

import static org.gradaudit.cli.AuditCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gradaudit check FILE}: a derivation's code lines, run as published, against its loss. */
class CheckDerivationTest {
    @Test
    void thePublishedCodeFailsExactlyOnW1AndB1() {
        AuditCommandTest.Run r = run("check", "derivations/rodriguez-2019-backprop.deriv");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("against the corrected loss"), r.out());
        for (String line : r.out().split("\n")) {
            if (line.startsWith("W1 ") || line.startsWith("b1 ")) {
                assertTrue(line.endsWith("FAIL"), line);
            } else if (line.startsWith("W2 ") || line.startsWith("b2 ")) {
                assertTrue(line.endsWith("pass"), line);
            }
        }
        AuditCommandTest.Run fast = run("check", "--mode", "fast", "derivations/rodriguez-2019-backprop.deriv");
        assertEquals(1, fast.code());
    }

    @Test
    void fastModeGoesFromOneDirectionToTheWrongParameters() {
        // A derivation's network gets the built-in network's strategy: one random direction over all
        // parameters, then the tensors, then the element; its parameters are scalars, so a failing
        // tensor is its element.
        AuditCommandTest.Run ok = run("check", "--mode", "fast", "--format", "json",
                "derivations/rodriguez-2019-backprop-corrected.deriv");
        assertEquals(0, ok.code(), ok.out() + ok.err());
        assertTrue(ok.out().contains("\"method\": \"ridders\"") && ok.out().contains("\"mode\": \"fast\""), ok.out());
        assertEquals(4, ok.out().split("\"directions\": 1", -1).length - 1, ok.out());
        AuditCommandTest.Run wrong = run("check", "--mode", "fast", "derivations/rodriguez-2019-backprop.deriv");
        assertEquals(1, wrong.code(), wrong.out() + wrong.err());
        for (String line : wrong.out().split("\n")) {
            if (line.startsWith("W1 ") || line.startsWith("b1 ")) {
                assertTrue(line.endsWith("FAIL"), line);
            } else if (line.startsWith("W2 ") || line.startsWith("b2 ")) {
                assertTrue(line.endsWith("pass"), line);
            }
        }
        assertTrue(wrong.out().contains("  W1[0]: analytic "), wrong.out());
        assertTrue(wrong.out().contains("  b1[0]: analytic "), wrong.out());
    }

    @Test
    void theCorrectedCodePassesWithEachRealMethod() {
        for (String method : new String[] {"central", "ridders"}) {
            AuditCommandTest.Run r = run("check", "--method", method, "derivations/rodriguez-2019-backprop-corrected.deriv");
            assertEquals(0, r.code(), method + ": " + r.out());
        }
        assertEquals(2, run("check", "--method", "complex-step", "derivations/rodriguez-2019-backprop-corrected.deriv").code());
    }

    @Test
    void derivationsWithoutWhatACheckNeeds(@TempDir Path dir) throws IOException {
        Path noLoss = dir.resolve("noloss.deriv");
        Files.writeString(noLoss, "input x\nparam w\nz = w*x\n");
        AuditCommandTest.Run r = run("check", noLoss.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("declares no loss"), r.err());
        Path noCode = dir.resolve("nocode.deriv");
        Files.writeString(noCode, "input x, y\nparam w\nz = w*x\nloss L(z, y) = (z - y)^2/2\n");
        r = run("check", noCode.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no code line assigns dw"), r.err());
        Path early = dir.resolve("early.deriv");
        Files.writeString(early, "input x, y\nparam w\nz = w*x\nloss L(z, y) = (z - y)^2/2\ncode dw = dz*x\ncode dz = z - y\n");
        r = run("check", early.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains(":5:1: this code line uses dz before any code line assigns it"), r.err());
    }
}
