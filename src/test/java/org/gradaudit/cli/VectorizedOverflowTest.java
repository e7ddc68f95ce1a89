package org.gradaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Constants near the ends of the double range in a vectorized file (found by the fuzz test: a loss
 * scaled by 1e308) are audited, never an internal error: folding two such numbers into one
 * coefficient would overflow, so they stay factors of the formula.
 */
class VectorizedOverflowTest {
    private static final String NET = "dim n, m\ninput X : (n, m), Y : (1, m)\nparam W : (1, n)\nZ = np.dot(W, X)\n";

    private static AuditCommandTest.Run audit(Path dir, String text) throws IOException {
        Path f = dir.resolve("overflow.deriv");
        Files.writeString(f, text);
        return AuditCommandTest.run("audit", f.toString());
    }

    @Test
    void aLossScaledNearTheLargestDoubleIsAuditedNotAnInternalError(@TempDir Path dir) throws IOException {
        AuditCommandTest.Run r = audit(dir, NET + "loss L(Z, Y) = 1e308 * np.sum((Z - Y)**2)\n"
                + "dL/dZ = 2 * 1e308 * (Z - Y)\ncode dW = 1e308 * 2 * np.dot(Z - Y, X.T)\n");
        assertFalse(r.out().contains("internal error") || r.err().contains("internal error"), r.out() + r.err());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("unverified"), r.out());
    }

    @Test
    void aGradientFactorWhoseReciprocalOverflowsIsAudited(@TempDir Path dir) throws IOException {
        AuditCommandTest.Run r = audit(dir, NET + "loss L(Z, Y) = np.sum((Z - Y)**2)\ngrad dZ = 1e-320 * dL/dZ\n"
                + "code dZ = 1e-320 * 2 * (Z - Y)\ncode dW = np.dot(dZ, X.T) / 1e-320\n");
        assertFalse(r.out().contains("internal error") || r.err().contains("internal error"), r.out() + r.err());
        assertTrue(r.code() == 0 || r.code() == 1, r.out() + r.err());
    }
}
