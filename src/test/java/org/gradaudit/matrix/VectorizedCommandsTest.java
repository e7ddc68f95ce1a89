package org.gradaudit.matrix;

import static org.gradaudit.cli.AuditCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gradaudit.cli.AuditCommandTest.Run;
import org.junit.jupiter.api.Test;

/** derive, check and JUnit XML on vectorized files, through the real CLI. */
class VectorizedCommandsTest {
    @Test
    void derivePrintsEachRuleStepInTheFilesNames() {
        Run r = run("derive", "derivations/dlai-c1w3-planar.deriv");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("dL/dW1   shape (n_h, n_x)\n  = np.dot(dL/dZ1, X.T)\n"
                + "  = 1/m * np.dot(dZ1, X.T)   (in the file's gradient names)"), r.out());
        assertTrue(r.out().contains("dL/db1   shape (n_h, 1)\n  = np.sum(dL/dZ1, axis=1, keepdims=True)"), r.out());
        assertFalse(r.out().contains("dL/dL"), r.out());
        Run one = run("derive", "--wrt", "W2", "derivations/dlai-c1w3-planar.deriv");
        assertTrue(one.out().contains("dL/dW2") && !one.out().contains("dL/dW1"), one.out());
        assertEquals(2, run("derive", "--wrt", "Q", "derivations/dlai-c1w3-planar.deriv").code());
    }

    @Test
    void checkRefusesAVectorizedFileWithAClearMessage() {
        Run r = run("check", "derivations/dlai-c1w3-planar.deriv");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("vectorized derivation"), r.err());
    }

    @Test
    void junitXmlHasOneFailureForEachWrongVectorizedStatement() {
        Run r = run("audit", "--format", "junit", "derivations/dlai-c1w3-planar-mistakes.deriv");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("tests=\"11\" failures=\"9\""), r.out());
        assertTrue(r.out().contains("<failure type=\"missing-transpose\""), r.out());
    }

    @Test
    void htmlRendersVectorizedFindings() {
        assertEquals(0, run("audit", "--format", "html", "derivations/dlai-c1w3-planar.deriv").code());
        Run r = run("audit", "--format", "html", "derivations/dlai-c1w3-planar-mistakes.deriv");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("missing-transpose"), r.out());
    }

    @Test
    void theCodeRunPrintsItsSizesAsWholeNumbers() {
        Run text = run("audit", "derivations/dlai-c1w2-logistic-regression.deriv");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("run in order, as published, at n_x = 5, m = 2\n"), text.out());
        Run html = run("audit", "--format", "html", "derivations/dlai-c1w2-logistic-regression.deriv");
        assertTrue(html.out().contains("At n_x = 5, m = 2."), html.out());
    }
}
