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
}
