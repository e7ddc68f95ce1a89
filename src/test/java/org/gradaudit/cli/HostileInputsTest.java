package org.gradaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small, valid-looking files that crashed the command, ran for minutes or were read without end:
 * each ends with its exit code and one message without a stack trace, well within its time.
 */
class HostileInputsTest {
    /** Four times what these take on a quiet machine, and more. */
    private static final long MILLIS = 40_000;

    static AuditCommandTest.Run timed(String... args) {
        long start = System.nanoTime();
        AuditCommandTest.Run r = AuditCommandTest.run(args);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < MILLIS, String.join(" ", args) + " took " + millis + " ms");
        assertFalse(r.err().contains("\tat ") || r.err().contains("internal error"), r.err());
        return r;
    }

    static void assertOneMessage(AuditCommandTest.Run r, String expected) {
        assertEquals(2, r.code(), r.err() + r.out());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one message: " + r.err());
        assertEquals("", r.out());
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void aLongChainOfDefinitionsIsWalkedWithoutTheStack(@TempDir Path dir) throws IOException {
        // 1,350 definitions overflowed the stack in the chain rule.
        String chain = "input x\nparam w\na0 = w*x\n" + IntStream.range(1, 1350)
                .mapToObj(k -> "a" + k + " = a" + (k - 1) + " + w").collect(Collectors.joining("\n"))
                + "\nloss L(a1349, x) = (a1349 - x)^2\ndL/dw = 2*(a1349 - x)*1350*x\n";
        Path f = write(dir, "chain.deriv", chain);
        AuditCommandTest.Run r = timed("audit", "--time-limit", "20", f.toString());
        assertTrue(r.code() == 0 || r.code() == 1, r.err());
        assertTrue(r.out().contains("dL/dw = 2*(a1349 - x)*1350*x"), r.out());
    }

    @Test
    void aDeepCompositionIsRefusedWithItsPosition(@TempDir Path dir) throws IOException {
        // g nests 150 sines, h 60 g's: 9,000 levels once inlined, which overflowed the stack.
        Path f = write(dir, "deep.deriv", "input x\nfn g(z) = " + "sin(".repeat(150) + "z" + ")".repeat(150)
                + "\nfn h(z) = " + "g(".repeat(60) + "z" + ")".repeat(60) + "\ny = h(x)\n");
        assertOneMessage(timed("audit", f.toString()), f + ":3:11: g(g(g(g(g(g(g(z)))))))");
        assertTrue(timed("audit", f.toString()).err().contains("expands to more than 1000 levels deep"));
    }

    @Test
    void aChainWhoseExpansionIsExponentialIsJudgedWithoutExpandingIt(@TempDir Path dir) throws IOException {
        // Each definition uses the one before three times: expanded down to x, a30 has about 3^30 nodes.
        StringBuilder s = new StringBuilder("input x\na1 = tanh(x*x + sin(x))\n");
        for (int k = 1; k < 30; k++) {
            s.append("a").append(k + 1).append(" = tanh(a").append(k).append("*a").append(k).append(" + sin(a")
                    .append(k).append("))\n");
        }
        s.append("a30 = tanh(a29*tanh(a28*a28 + sin(a28)) + sin(a29))\n");
        Path f = write(dir, "chain.deriv", s.toString());
        AuditCommandTest.Run r = timed("audit", "--verbose", "--time-limit", "20", f.toString());
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("a30 = tanh(a29*tanh(a28*a28 + sin(a28)) + sin(a29))   ok"), r.out());
        // Not proven with the nodes as symbols, and far too large to expand: equal at the points.
        assertTrue(r.out().contains("equal to the true value at 64 random points (the difference is too large to"
                + " expand down to the inputs for the CAS)") || r.out().contains("the CAS hit its time or size bound"),
                r.out());
    }

    @Test
    void onlyRegularFilesAreRead(@TempDir Path dir) throws IOException, InterruptedException {
        // a directory is audited file by file (every *.deriv under it); an empty one says so
        assertOneMessage(timed("audit", dir.toString()), dir + ": no derivation files (*.deriv)");
        Path link = dir.resolve("committed-link.deriv");
        Files.createSymbolicLink(link, Path.of("/dev/zero"));
        assertOneMessage(timed("audit", link.toString()), link + ": not a regular file");
        Path fifo = dir.resolve("fifo.deriv");
        boolean made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        if (made) { // a FIFO blocked forever
            assertOneMessage(timed("derive", fifo.toString()), fifo + ": not a regular file");
            assertOneMessage(timed("check", fifo.toString()), fifo + ": not a regular file");
        }
    }

    @Test
    void anUnreadableFileSaysPermissionDenied(@TempDir Path dir) throws IOException {
        Path f = write(dir, "secret.deriv", "input x\n");
        assumeTrue(f.toFile().setReadable(false, false) && !Files.isReadable(f), "running as root");
        assertOneMessage(timed("audit", f.toString()), f + ": permission denied");
    }

    @Test
    void theSizeLimitCountsBytes(@TempDir Path dir) throws IOException {
        // 600,000 characters of two bytes each: under a million characters, over a MiB.
        Path f = write(dir, "big.deriv", "# " + "\u00e9".repeat(600_000) + "\n");
        assertOneMessage(timed("audit", f.toString()), f + ": file is larger than 1048576 bytes (1 MiB)");
    }

    @Test
    void invalidUtf8IsReportedWithItsLineAndColumn(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("latin1.deriv");
        Files.write(f, new byte[] {'i', 'n', 'p', 'u', 't', ' ', 'x', '\n', 'y', ' ', '=', ' ', (byte) 0xe9, '\n'});
        assertOneMessage(timed("audit", f.toString()), f + ":2:5: not UTF-8 text: byte 0xe9");
    }

    @Test
    void aLongNameSaysTheLimit(@TempDir Path dir) throws IOException {
        String name = "a".repeat(1000);
        for (String text : new String[] {"input x\nparam " + name + "\n", "input x\nfn " + name + "(z) = z\n",
            "input x\n" + name + " = x\n", "input x, y\nloss " + name + "(x, y) = x\n"}) {
            Path f = write(dir, "long.deriv", text);
            AuditCommandTest.Run r = timed("audit", f.toString());
            assertOneMessage(r, "is 1000 characters long; names are at most 64 characters");
            assertTrue(r.err().startsWith("gradaudit: " + f + ":2:"), r.err());
        }
    }

    @Test
    void rangesAreReadWithTheFormulaGrammar(@TempDir Path dir) throws IOException {
        assertOneMessage(timed("audit", write(dir, "hex.deriv", "input x in [0x1p3, 9]\n").toString()),
                "range bound '0x1p3' is not a number");
        assertOneMessage(timed("audit", write(dir, "float.deriv", "input x in [0, 1f]\n").toString()),
                "range bound '1f' is not a number");
        assertOneMessage(timed("audit", write(dir, "wide.deriv", "input x in [-1e308, 1e308]\n").toString()),
                "is too wide: its width overflows a double");
        AuditCommandTest.Run r = timed("audit", write(dir, "pi.deriv", "input x in [-pi/2, 1e-1 + 1]\ny = sin(x)\n"
                + "dy/dx = cos(x)\n").toString());
        assertEquals(0, r.code(), r.err() + r.out());
    }

    @Test
    void theBuiltInConstantsCannotBeRedefined(@TempDir Path dir) throws IOException {
        assertOneMessage(timed("audit", write(dir, "e.deriv", "input e\n").toString()),
                ":1:7: 'e' is already a built-in constant and cannot be redefined");
        assertOneMessage(timed("audit", write(dir, "pi.deriv", "input x\npi = x\n").toString()),
                ":2:1: 'pi' is already a built-in constant");
        assertOneMessage(timed("audit", write(dir, "fn.deriv", "input x\nfn e(z) = z\n").toString()),
                ":2:4: 'e' is a built-in constant and cannot be redefined");
    }

    @Test
    void aRuleOfItsOwnVariableMayUseTheGraphsNames(@TempDir Path dir) throws IOException {
        // The only exit 3 among 3,200 fuzzed files.
        AuditCommandTest.Run ok = timed("audit", write(dir, "rule.deriv", "input y\nd(y*u)/du = y\n").toString());
        assertEquals(0, ok.code(), ok.err() + ok.out());
        assertTrue(ok.out().contains("d(y*u)/du = y   ok"), ok.out());
        AuditCommandTest.Run wrong = timed("audit", write(dir, "rule2.deriv", "input y\nd(y*u)/du = u\n").toString());
        assertEquals(1, wrong.code(), wrong.err() + wrong.out());
        assertTrue(wrong.out().contains("WRONG"), wrong.out());
    }

    @Test
    void aLossThatIgnoresItsPredictionIsReportedAsSuch(@TempDir Path dir) throws IOException {
        AuditCommandTest.Run r = timed("audit", write(dir, "loss.deriv",
                "input x, y\nparam w\np = w*x\nloss L(p, y) = y^2\n").toString());
        assertEquals(1, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("the loss does not depend on its prediction p"), r.out());
        assertFalse(r.out().contains("loss: the loss (line 4)"), "said once, on its own line: " + r.out());
    }
}
