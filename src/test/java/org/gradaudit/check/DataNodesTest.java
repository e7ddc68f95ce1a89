package org.gradaudit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.gradaudit.cli.AuditCommandTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Expected formulas and fixes are shortened with the file's own data nodes (nodes of arithmetic on
 * inputs alone), whatever the data node is: the chain rule alone leaves them in the long form.
 */
class DataNodesTest {
    @TempDir
    Path dir;

    private AuditCommandTest.Run audit(String text) throws IOException {
        return AuditCommandTest.audit(dir, text, "--brief");
    }

    @Test
    void aBinaryCrossEntropyWithItsComplementTargetAsANodeExpectsPMinusY() throws IOException {
        AuditCommandTest.Run r = audit("""
                input x
                input y in [0, 1]
                param w, b
                z = w*x + b
                p = sigmoid(z)
                t = 1 - y
                loss L(p, y) = -(y*ln(p) + t*ln(1 - p))
                dL/dz = p + y
                dL/dw = (p - y)
                """);
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("Expected p - y; corrected: p - y."), r.out());
        assertTrue(r.out().contains("Expected (p - y)*x; corrected: (p - y)*x."), r.out());
        assertFalse(r.out().contains("*t"), "no term of the complement target is left over:\n" + r.out());
    }

    @Test
    void aDataNodesTermsComeBackAsTheNodeAndTheSumsAroundThemStay() throws IOException {
        // y2 = 1 - y1 written out gives p2 + y1 - 1; its terms -1 and +y1 fold back into -y2.
        AuditCommandTest.Run r = audit("""
                input x
                input y1 in [0, 1]
                param u1, u2
                o1 = u1*x
                o2 = u2*x
                p1 = exp(o1)/(exp(o1) + exp(o2))
                p2 = exp(o2)/(exp(o1) + exp(o2))
                y2 = 1 - y1
                loss L(p1, p2; y1, y2) = -(y1*ln(p1) + y2*ln(p2))
                dL/dx = (p1 - y1)*u1
                code do2 = p2
                """);
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("Expected (p1 - y1)*u1 + (p2 - y2)*u2;"), r.out());
        assertTrue(r.out().contains("Expected p2 - y2; corrected: p2 - y2."), r.out());
    }

    @Test
    void withoutADataNodeTheExpectedFormulaIsTheChainRulesOwn() throws IOException {
        AuditCommandTest.Run r = audit("""
                input x, y
                param w
                p = w*x
                loss L(p, y) = (p - y)^2/2
                dL/dw = (p + y)*x
                """);
        assertTrue(r.out().contains("Expected (p - y)*x;"), r.out());
    }
}
