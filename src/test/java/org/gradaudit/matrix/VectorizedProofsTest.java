package org.gradaudit.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gradaudit.check.AuditResult;
import org.gradaudit.check.Finding;
import org.gradaudit.check.Proof;
import org.gradaudit.check.tolerance.BoundedAgreement;
import org.gradaudit.check.Verdict;
import org.gradaudit.cli.AuditCommandTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proofs of vectorized statements, on the published transcriptions: which statements the
 * matrix canonical form proves, that wrong ones stay disproven, and how the proof is reported.
 */
class VectorizedProofsTest {
    private static AuditResult audit(Path p) throws Exception {
        return Vectorized.audit(Vectorized.load(p.toString(), Files.readString(p)), 1, 64, BoundedAgreement.DEFAULT,
                Duration.ofSeconds(60));
    }

    /**
     * Statements the canonical form does not prove, each for a reason it cannot see: cs231n's
     * {@code (probs - Y) / N} holds only because each row of the one-hot labels sums to 1;
     * deeplearning.ai's {@code s * (1-s)} writes the sigmoid out as {@code 1/(1+np.exp(-Z))}, which the
     * form keeps apart from {@code sigmoid(Z)}; Kratzert's sums of partial gradients are sums of
     * symbols the form does not expand. They stay numeric (symbolic unknown), honestly.
     */
    private static final java.util.Set<String> UNPROVEN = java.util.Set.of("cs231n-case-study.deriv:(probs - Y) / N",
            "dlai-c1w4-step-by-step.deriv:dAL * s * (1-s)", "kratzert-batchnorm.deriv:(dxmu1 + dxmu2)",
            "kratzert-batchnorm.deriv:-1 * np.sum(dxmu1+dxmu2, axis=0)", "kratzert-batchnorm.deriv:dx1 + dx2");

    /** Every other correct statement of a published transcription is proven by the canonical form. */
    @ParameterizedTest
    @MethodSource("org.gradaudit.matrix.VectorizedDerivationsTest#published")
    void correctStatementsOfThePublishedDerivationsAreProvenByTheCanonicalForm(Path p) throws Exception {
        for (Finding f : audit(p).findings()) {
            assertEquals(Verdict.CORRECT, f.verdict(), p + ":" + f.line());
            if (UNPROVEN.contains(p.getFileName() + ":" + f.claimed())) {
                assertEquals(Finding.Symbolic.UNKNOWN, f.symbolic(), p + ":" + f.line());
                assertEquals(Proof.NONE, f.shaped().proof(), p + ":" + f.line());
            } else {
                assertEquals(Finding.Symbolic.EQUAL, f.symbolic(), p + ":" + f.line() + " " + f.claimed());
                assertEquals(Proof.CANONICAL_FORM, f.shaped().proof(), p + ":" + f.line());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("org.gradaudit.matrix.VectorizedDerivationsTest#mistakes")
    void wrongStatementsStayDifferentWithoutAProof(Path p) throws Exception {
        for (Finding f : audit(p).findings()) {
            if (f.verdict() == Verdict.WRONG) {
                assertEquals(Finding.Symbolic.DIFFERENT, f.symbolic(), p + ":" + f.line());
                assertFalse(f.shaped().proof().found(), p + ":" + f.line());
                // the expected value is a formula in the file's names, not dL/dC of a quantity the file never writes
                assertFalse(f.expected().matches(".*\\bd\\w+/d\\w+.*") && !fileWrites(p, f.expected()),
                        p + ":" + f.line() + " expected " + f.expected());
                assertFalse(f.expected().contains("* 1)") || f.expected().startsWith("1 * ")
                        || f.expected().contains("np.broadcast_to"), f.expected());
            }
        }
    }

    /** Whether every dL/dV in a formula is written somewhere in the file. */
    private static boolean fileWrites(Path p, String formula) throws Exception {
        String text = Files.readString(p);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\bd\\w+/d\\w+").matcher(formula);
        while (m.find()) {
            if (!text.contains(m.group())) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theExpectedValuesOfThePlanarMistakesAreTheTutorialsFormulas() throws Exception {
        AuditResult r = audit(Path.of("derivations/dlai-c1w3-planar-mistakes.deriv"));
        List<String> expected = r.findings().stream().filter(f -> f.verdict() == Verdict.WRONG).map(Finding::expected)
                .toList();
        assertTrue(expected.contains("1/m * np.dot(dZ1, X.T)"), expected.toString());
        assertTrue(expected.contains("1/m * np.sum(dZ1, axis=1, keepdims=True)"), expected.toString());
        assertTrue(expected.contains("1/m * (A2 - Y)"), expected.toString()); // not dL/dA2 * (A2 * (1 - A2))
    }

    @Test
    void jsonCarriesTheProofNextToSymbolicAndTextSaysWhichProof() {
        AuditCommandTest.Run run = AuditCommandTest.run("audit", "--format", "json", "derivations/dlai-c1w3-planar.deriv");
        assertEquals(0, run.code());
        String json = run.out();
        assertTrue(json.contains("\"symbolic\": \"equal\",\n      \"proof\": \"matrix canonical form\","), json);
        assertFalse(json.contains("\"symbolic\": \"unknown\""), json);
        String mistakes = AuditCommandTest.run("audit", "--format", "json",
                "derivations/dlai-c1w3-planar-mistakes.deriv").out();
        assertTrue(mistakes.contains("\"symbolic\": \"different\",\n      \"proof\": null,"), mistakes);
        String text = AuditCommandTest.run("audit", "-v", "derivations/dlai-c1w3-planar.deriv").out();
        assertTrue(text.contains("ok (proven: matrix canonical form)"), text);
        assertTrue(text.contains("Proven: it and the truth have the same matrix canonical form."), text);
    }

    @Test
    void aScalarFileHasNoProofField() {
        String out = AuditCommandTest.run("audit", "--format", "json", "derivations/tanh-sigmoid-bce.deriv").out();
        assertNotEquals("", out);
        assertFalse(out.contains("\"proof\""), out);
    }
}
