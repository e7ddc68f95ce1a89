package org.gradaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Derivations written as tutorials and code publish them: gradient conventions, names reassigned
 * with a new meaning, accumulation, updates, pasted text. Each file is audited by the real command.
 */
class NotationTest {
    private static final Pattern FINDING = Pattern.compile(
            "(?m)^\\s+(\\d+)\\s+(\\w+)\\s+.*?\\s{3}(ok|WRONG|UNVERIFIED)(?: \\(([\\w-]+)\\))?$");

    /** Each finding's line, with its verdict and diagnosis ("ok", "WRONG sign", "UNVERIFIED"). */
    private static Map<Integer, String> verdicts(AuditCommandTest.Run r) {
        Map<Integer, String> out = new LinkedHashMap<>();
        Matcher m = FINDING.matcher(r.out());
        while (m.find()) {
            out.put(Integer.parseInt(m.group(1)), m.group(3) + (m.group(4) == null ? "" : " " + m.group(4)));
        }
        return out;
    }

    private static Map<Integer, String> wrong(AuditCommandTest.Run r) {
        Map<Integer, String> out = new LinkedHashMap<>();
        verdicts(r).forEach((line, v) -> {
            if (!v.equals("ok")) {
                out.put(line, v);
            }
        });
        return out;
    }

    @Test
    void mitchellsErrorTermsAreMinusTheGradientAndHisUpdatesDescend() {
        AuditCommandTest.Run r = AuditCommandTest.run("audit", "derivations/mitchell-1997-backpropagation.deriv");
        assertEquals(0, r.code(), r.out());
        assertEquals(5, verdicts(r).size(), r.out());
        assertTrue(r.out().contains("update     w_k = w_k + eta*delta_k*o_h   ok"), r.out());
    }

    @Test
    void mitchellsSeededMistakesAreNamed() {
        AuditCommandTest.Run r = AuditCommandTest.run("audit",
                "derivations/mitchell-1997-backpropagation-mistakes.deriv");
        assertEquals(1, r.code(), r.out());
        assertEquals(Map.of(21, "WRONG sign", 25, "WRONG updated-parameter", 26, "WRONG sign"), wrong(r), r.out());
        assertTrue(r.out().contains("it reads w_k as updated at line 24"), r.out());
        assertTrue(r.out().contains("this step climbs the loss"), r.out());
        assertTrue(r.out().contains("A descent step goes against the gradient: w_h + eta*delta_h*x."), r.out());
    }

    @Test
    void theTutorialsUpdateClimbsTheTrueLossWithTheLossAsPublished() {
        AuditCommandTest.Run published = AuditCommandTest.run("audit", "derivations/rodriguez-2019-backprop.deriv");
        Map<Integer, String> v = verdicts(published);
        for (int line = 117; line <= 120; line++) {
            assertEquals("ok", v.get(line), published.out());
        }
        assertEquals(4, published.out().split("this step climbs the true loss", -1).length - 1, published.out());
        assertTrue(published.out().contains("But with the loss as written (line 35), whose sign is wrong, dW2 is the"
                + " gradient of that loss, and this step climbs the true loss at 64 of 64 points"), published.out());
        AuditCommandTest.Run corrected = AuditCommandTest.run("audit",
                "derivations/rodriguez-2019-backprop-corrected.deriv");
        assertEquals(0, corrected.code(), corrected.out());
        assertFalse(corrected.out().contains("climbs"), corrected.out());
    }

    @Test
    void aNameReassignedWithANewMeaningIsJudgedAsWhatItMeansThere() {
        AuditCommandTest.Run r = AuditCommandTest.run("audit", "src/test/resources/notation/lstm-output-gate.deriv");
        assertEquals(0, r.code(), r.out());
        assertEquals(6, verdicts(r).size(), r.out());
        AuditCommandTest.Run seeded = AuditCommandTest.run("audit",
                "src/test/resources/notation/lstm-output-gate-mistakes.deriv");
        assertEquals(1, seeded.code(), seeded.out());
        assertEquals(java.util.Set.of(12), wrong(seeded).keySet(), seeded.out());
    }

    @Test
    void accumulatedTermsAreJudgedTogetherAtTheLastOne() {
        AuditCommandTest.Run r = AuditCommandTest.run("audit", "src/test/resources/notation/rnn-two-steps.deriv");
        assertEquals(0, r.code(), r.out());
        Map<Integer, String> v = verdicts(r);
        assertFalse(v.containsKey(12), "the first term of dw is judged with the second: " + r.out());
        assertEquals("ok", v.get(16), r.out());
        assertTrue(r.out().contains("dw = dw + dz1*x1   ok"), r.out());
        AuditCommandTest.Run seeded = AuditCommandTest.run("audit",
                "src/test/resources/notation/rnn-two-steps-mistakes.deriv");
        assertEquals(Map.of(16, "WRONG substituted-symbol"), wrong(seeded), seeded.out());
        assertTrue(seeded.out().contains("corrected: dz2*x2 + dz1*x1."), seeded.out());
    }

    @Test
    void eachStepOfAChainOfEqualitiesIsJudgedAndAWrongOneNamedByItsPosition() {
        AuditCommandTest.Run r = AuditCommandTest.run("audit", "src/test/resources/notation/chains.deriv");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("da/dz = d((e^z - e^-z)/(e^z + e^-z))/dz   ok"), r.out());
        assertTrue(r.out().contains("9 statements: 9 correct"), r.out());
        AuditCommandTest.Run seeded = AuditCommandTest.run("audit", "src/test/resources/notation/chains-mistakes.deriv");
        assertEquals(1, seeded.code(), seeded.out());
        assertTrue(seeded.out().contains("da/dz = -4/(e^z + e^-z)^2   WRONG (sign)"), seeded.out());
        assertTrue(seeded.out().contains("Step 2 of the chain of equalities: da/dz is wrong"), seeded.out());
        assertTrue(seeded.out().contains("ds/dz = s(1 + s)   WRONG (term-sign)"), seeded.out());
        assertTrue(seeded.out().contains("Step 3 of the chain of equalities: ds/dz is wrong"), seeded.out());
        assertTrue(seeded.out().contains("10 statements: 8 correct, 2 wrong"), seeded.out());
    }

    @Test
    void comparisonsAreMasksOfOneAndZero() {
        AuditCommandTest.Run r = AuditCommandTest.run("audit", "src/test/resources/notation/relu-masks.deriv");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("8 statements: 8 correct"), r.out());
        assertTrue(r.out().contains("dw     (line 10)   code"), r.out());
        AuditCommandTest.Run seeded = AuditCommandTest.run("audit",
                "src/test/resources/notation/relu-masks-mistakes.deriv");
        assertEquals(java.util.Set.of(9), wrong(seeded).keySet(), seeded.out());
        // the code run reads the mask's zero gradient, -0.0 included, without an internal error
        assertTrue(seeded.out().contains("db     (line 11)   code"), seeded.out());
    }

    @Test
    void aGradientFromOutsideTheDerivationIsAnInputOfIt() {
        AuditCommandTest.Run r = AuditCommandTest.run("audit", "src/test/resources/notation/rnn-cell-backward.deriv");
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("6 statements: 6 correct"), r.out());
        assertTrue(r.out().contains("da_next = "), "the code run draws da_next like any input: " + r.out());
        AuditCommandTest.Run seeded = AuditCommandTest.run("audit",
                "src/test/resources/notation/rnn-cell-backward-mistakes.deriv");
        assertEquals(Map.of(13, "WRONG substituted-symbol"), wrong(seeded), seeded.out());
    }

    @Test
    void aNameForAFormulaStandsForItAndFixesAreWrittenWithIt() {
        AuditCommandTest.Run r = AuditCommandTest.run("audit", "src/test/resources/notation/named-formula.deriv");
        assertEquals(0, r.code(), r.out());
        AuditCommandTest.Run seeded = AuditCommandTest.run("audit",
                "src/test/resources/notation/named-formula-mistakes.deriv");
        assertEquals(Map.of(9, "WRONG missing-factor"), wrong(seeded), seeded.out());
        assertTrue(seeded.out().contains("corrected: delta*W2*h*(1 - h)*x."), seeded.out());
    }

    @Test
    void textPastedFromAWebPageAuditsAsItsAsciiForm() {
        AuditCommandTest.Run r = AuditCommandTest.run("audit", "src/test/resources/notation/pasted.deriv");
        assertEquals(0, r.code(), r.out());
        assertEquals(10, verdicts(r).size(), r.out());
    }

    @Test
    void greekNamesAndSigmaForTheSigmoidAuditAsPasted() {
        AuditCommandTest.Run r = AuditCommandTest.run("audit", "src/test/resources/notation/greek.deriv");
        assertEquals(0, r.code(), r.out());
        assertEquals(8, verdicts(r).size(), r.out());
        AuditCommandTest.Run seeded = AuditCommandTest.run("audit", "src/test/resources/notation/greek-mistakes.deriv");
        assertEquals(Map.of(11, "WRONG wrong-derivative", 16, "WRONG sign"), wrong(seeded), seeded.out());
        assertTrue(seeded.out().contains("sigmoid' of z is a*(1 - a)"), seeded.out());
    }

    @Test
    void nearMissesAreRefusedWithHowToWriteThem(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        String header = "input x, y\nparam w\nz = w*x\nloss L(z, y) = (z - y)^2/2\n";
        Map<String, String> cases = Map.of(
                "code dw += x\n", "write 'code dw = 0' first",
                "x += 1\n", "only a 'param' can take a gradient-descent step",
                "grad dz = dL/dz + 1\n", "a gradient name stands for a factor times one derivative",
                "grad dq = dL/dq\n", "undefined name",
                "code delta = z - y\n", "or a name declared with 'grad NAME = factor * dA/dB'",
                "upstream dz = dL/dz\n", "also declares 'loss' at line 4",
                "upstream dz = z\n", "expected 'upstream NAME = dL/dX [in [low, high]]'",
                "alias q =\n", "or 'alias NEW = formula'",
                "q = \u03c3(z)\n", "to read σ as the sigmoid, write 'alias σ = sigmoid'",
                "alias n1 = (x + y)*(x - y), n2 = n1*n1 + n1, n3 = n2*n2 + n2, n4 = n3*n3 + n3, n5 = n4*n4 + n4,"
                        + " n6 = n5*n5 + n5, n7 = n6*n6 + n6, n8 = n7*n7 + n7\n", "stands for a formula of more than");
        int i = 0;
        for (Map.Entry<String, String> c : cases.entrySet()) {
            java.nio.file.Path f = dir.resolve("case" + i++ + ".deriv");
            java.nio.file.Files.writeString(f, header + c.getKey());
            AuditCommandTest.Run r = AuditCommandTest.run("audit", f.toString());
            assertEquals(2, r.code(), c.getKey() + r.out() + r.err());
            assertTrue(r.err().contains(f + ":5:"), c.getKey() + r.err());
            assertTrue(r.err().contains(c.getValue()), c.getKey() + r.err());
            assertFalse(r.err().contains("\tat "), r.err());
        }
    }
}
