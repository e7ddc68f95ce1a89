package org.gradaudit.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gradaudit.check.AuditResult;
import org.gradaudit.check.Diagnosis;
import org.gradaudit.check.Finding;
import org.gradaudit.check.Tolerance;
import org.gradaudit.check.Verdict;
import org.gradaudit.derivation.DerivationException;
import org.junit.jupiter.api.Test;

/**
 * Upstream gradients, partial gradient names ({@code via}), and the file's own functions and aliases
 * in vectorized files: each is judged against its own mathematics, not accepted by its name.
 */
class PartialAndUpstreamTest {
    /** x feeds a and b; c = a + b receives its gradient dc from outside. */
    private static final String FORK = "dim n, k\ninput x : (n, k)\na = 2 * x\nb = x * x\nc = a + b\n"
            + "upstream dc = dL/dc\ngrad dx1 = dL/dx via a, dx2 = dL/dx via b\n";

    private static Map<Integer, Finding> audit(String text) throws DerivationException {
        AuditResult r = Vectorized.audit(Vectorized.load("t.deriv", text), 1, 32, Tolerance.DEFAULT,
                Duration.ofSeconds(60));
        Map<Integer, Finding> byLine = new LinkedHashMap<>();
        r.findings().forEach(f -> byLine.put(f.line(), f));
        return byLine;
    }

    @Test
    void theUpstreamGradientIsTheGradientOfItsNode() throws DerivationException {
        Map<Integer, Finding> f = audit(FORK + "dL/dc = dc\ndL/da = dc\ndL/dc = 2 * dc\n");
        assertEquals(Verdict.CORRECT, f.get(8).verdict(), f.get(8).message());
        assertEquals(Verdict.CORRECT, f.get(9).verdict(), f.get(9).message());
        assertEquals(Verdict.WRONG, f.get(10).verdict());
        assertEquals(Diagnosis.FACTOR, f.get(10).diagnosis());
    }

    @Test
    void eachPartialIsJudgedAgainstItsOwnPathAndTheirSumAgainstTheFullGradient() throws DerivationException {
        Map<Integer, Finding> f = audit(FORK + "code dx1 = 2 * dc\ncode dx2 = 2 * x * dc\ncode dx = dx1 + dx2\n");
        for (int line = 8; line <= 10; line++) {
            assertEquals(Verdict.CORRECT, f.get(line).verdict(), line + ": " + f.get(line).message());
        }
        assertTrue(f.get(8).message().contains("dx1 is the part of dL/dx through a"), f.get(8).message());
    }

    @Test
    void theFullGradientWrittenForAPartialOneIsWrong() throws DerivationException {
        Map<Integer, Finding> f = audit(FORK + "code dx1 = 2 * dc + 2 * x * dc\ncode dx = dx1 + dx2\n");
        assertEquals(Verdict.WRONG, f.get(8).verdict(), f.get(8).message());
        assertEquals("2 * dL/da", f.get(8).expected()); // a has no gradient name the code assigns
        // a line that sums both parts reads them at their true values, so it is right; the wrong part is upstream
        assertEquals(Verdict.CORRECT, f.get(9).verdict());
        assertEquals(java.util.List.of(8), f.get(9).upstream());
    }

    @Test
    void theExpectedFullGradientIsWrittenWithThePartialNamesThatCoverEveryConsumer() throws DerivationException {
        Map<Integer, Finding> f = audit(FORK + "code dx1 = 2 * dc\ncode dx2 = 2 * x * dc\ncode dx = dx1 - dx2\n");
        assertEquals(Verdict.WRONG, f.get(10).verdict());
        assertEquals("dx1 + dx2", f.get(10).expected());
        assertEquals(Diagnosis.TERM_SIGN, f.get(10).diagnosis());
    }

    @Test
    void functionsAndAliasesAreTheFormulasTheyStandFor() throws DerivationException {
        String text = "dim n, k\ninput x : (n, k)\nparam w : (n, k)\nfn twice(z) = 2 * z\nalias s = sigmoid(w)\n"
                + "a = twice(s) * x\nupstream da = dL/da\ncode dw = da * x * 2 * s * (1 - s)\n"
                + "code dw = twice(da * x) * s * (1-s)\ncode dw = twice(da) * s\n";
        Map<Integer, Finding> f = audit(text);
        assertEquals(Verdict.CORRECT, f.get(8).verdict(), f.get(8).message());
        assertEquals(Verdict.CORRECT, f.get(9).verdict(), f.get(9).message());
        assertEquals(Verdict.WRONG, f.get(10).verdict());
    }

    @Test
    void anAliasOfAFunctionIsAnotherSpellingOfIt() throws DerivationException {
        Map<Integer, Finding> f = audit("dim n, k\ninput x : (n, k)\nalias σ = sigmoid\na = σ(x)\nupstream da = dL/da\n"
                + "code dx = da * σ(x) * (1 - σ(x))\ncode dx = da * σ(x)\n");
        assertEquals(Verdict.CORRECT, f.get(6).verdict(), f.get(6).message());
        assertEquals(Verdict.WRONG, f.get(7).verdict());
    }

    @Test
    void npOnesIsOnesOfItsShape() throws DerivationException {
        Map<Integer, Finding> f = audit("dim N, D\ninput x : (N, D)\nmu = 1./N * np.sum(x, axis=0)\nupstream dmu = dL/dmu\n"
                + "code dx = 1. /N * np.ones((N,D)) * dmu\ncode dx = np.ones((N, D)) * dmu\n");
        assertEquals(Verdict.CORRECT, f.get(5).verdict(), f.get(5).message());
        assertEquals(Diagnosis.MISSING_MEAN, f.get(6).diagnosis(), f.get(6).message());
    }
}
