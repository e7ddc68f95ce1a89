package org.gradaudit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.gradaudit.cli.AuditCommandTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Leibniz sum with one path's term left out ({@code dL/dh = dLa/dh} where {@code L = La + Lb}) is a
 * missing term, the other path's term named and added by the fix; a product of atoms that chains
 * nowhere stays a wrong chain.
 */
class MissingPathTest {
    @TempDir
    Path dir;

    private static final String NETWORK = """
            input x, ya, yb
            param w, u, v
            h = sigmoid(w*x)
            pa = u*h
            pb = v*h
            La = (pa - ya)^2/2
            Lb = (pb - yb)^2/2
            loss L(pa, pb; ya, yb) = La + Lb
            """;

    private AuditCommandTest.Run audit(String claims) throws IOException {
        return AuditCommandTest.audit(dir, NETWORK + claims);
    }

    @Test
    void onePathOfTheSumLeftOutIsAMissingTermWithTheOtherPathsTerm() throws IOException {
        AuditCommandTest.Run r = audit("dL/dh = dLb/dh\n");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("WRONG (missing-term)"), r.out());
        assertTrue(r.out().contains("it lacks the term dLa/dh, the path through La"), r.out());
        assertTrue(r.out().contains("corrected: dLb/dh + dLa/dh."), r.out());
    }

    @Test
    void aProductThatChainsNowhereIsStillAWrongChain() throws IOException {
        AuditCommandTest.Run r = audit("dL/dh = dLa/dpa * dpb/dh\n");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("WRONG (wrong-chain)"), r.out());
    }
}
