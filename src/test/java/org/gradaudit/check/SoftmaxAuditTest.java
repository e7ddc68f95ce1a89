package org.gradaudit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.gradaudit.cli.Main;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 2-2-2 tanh/softmax/cross-entropy network written as scalars audits clean at several seeds:
 * among its random points are saturated ones (p1 near 1) where the true side's form divides by
 * {@code p1*(1 - p1)}, whose rounding once made a right line look wrong, and claims the CAS cannot
 * prove quickly, which are correct by the numeric comparison with {@code symbolic: unknown}.
 */
class SoftmaxAuditTest {
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void theCorrectSoftmaxDerivationAuditsClean(int seed) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"audit", "--format", "json", "--seed", Integer.toString(seed),
            "derivations/softmax-2-2-2.deriv"}, new PrintWriter(out), new PrintWriter(err));
        var findings = SeededMistakesTest.parse(out.toString());
        assertFalse(findings.isEmpty(), err.toString());
        assertEquals(0, findings.values().stream().filter(f -> !"correct".equals(f.verdict())).count(), out.toString());
        assertEquals(0, code, err.toString());
    }

    /**
     * Issue 10's false alarm: at a saturated point (p1 near 1) 'dL/do2 = p2 - y2' was WRONG, "lacks the
     * factor 1", claimed and true equal to 2e-13, because the true side's form divides by p1*(1 - p1).
     * Here every point is saturated: o1 - o2 is between 6 and 10.
     */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5})
    void rightLinesStayRightWhereTheSoftmaxSaturates(int seed, @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path file = dir.resolve("saturated.deriv");
        java.nio.file.Files.writeString(file, String.join("\n",
                "input x in [0.5, 1]", "input y1 in [0, 1]", "param u in [12, 20]", "param c in [-2, 2]",
                "o1 = u*x + c", "o2 = c", "p1 = exp(o1)/(exp(o1) + exp(o2))", "p2 = exp(o2)/(exp(o1) + exp(o2))",
                "y2 = 1 - y1", "loss L(p1, p2; y1, y2) = -(y1*ln(p1) + y2*ln(p2))",
                "dL/do1 = p1 - y1", "dL/do2 = p2 - y2", "dL/du = (p1 - y1)*x", "code do2 = p2 - y2", ""));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"audit", "--format", "json", "--seed", Integer.toString(seed), file.toString()},
                new PrintWriter(out), new PrintWriter(err));
        var findings = SeededMistakesTest.parse(out.toString());
        assertEquals(5, findings.size(), out.toString() + err);
        assertEquals(0, findings.values().stream().filter(f -> !"correct".equals(f.verdict())).count(), out.toString());
        assertEquals(0, code, err.toString());
    }
}
