package org.gradaudit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.gradaudit.cli.AuditCommandTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sigmoid written out in exponentials, in a node and in claims: every right claim is proven. */
class WrittenOutAuditTest {
    @Test
    void claimsInExponentialsAndInTheNodeAreProvenAgainstTheSigmoidTheNodeIs(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("w.deriv");
        Files.writeString(f, """
                input x, t in [0, 1]
                param w
                net = w*x
                out = 1/(1 + exp(-net))
                loss L(out, t) = (out - t)^2/2
                out = 1/(1 + e^-net)
                dout/dnet = out*(1 - out)
                dout/dnet = exp(-net)/(1 + exp(-net))^2
                dL/dw = (out - t)*out*(1 - out)*x
                dout/dnet = net*(1 - net)
                """);
        AuditCommandTest.Run r = AuditCommandTest.run("audit", "--format", "json", f.toString());
        assertEquals(1, r.code(), r.err());
        Map<Integer, SeededMistakesTest.Finding> byLine = SeededMistakesTest.parse(r.out());
        for (int line : new int[] {6, 7, 8, 9}) {
            assertEquals("correct", byLine.get(line).verdict(), r.out());
        }
        assertEquals(4, java.util.regex.Pattern.compile("\"symbolic\":\\s*\"equal\"").matcher(r.out()).results().count(),
                r.out());
        assertEquals("wrong-argument", byLine.get(10).diagnosis(), r.out());
        assertTrue(r.out().contains("out*(1 - out)"), r.out());
    }
}
