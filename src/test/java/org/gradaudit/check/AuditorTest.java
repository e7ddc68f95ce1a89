package org.gradaudit.check;

import static org.gradaudit.check.TutorialAudit.PUBLISHED;
import static org.gradaudit.check.TutorialAudit.lines;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The audit of the 2019 tutorial as published: every mistake found, with its kind, and nothing else. */
class AuditorTest {
    private static AuditResult published;

    @BeforeAll
    static void audit() {
        published = TutorialAudit.audit(PUBLISHED, 1);
    }

    /** Our own list of the tutorial's mistakes: statement as transcribed, and its kind. */
    private static Map<Integer, Diagnosis> expectedMistakes() {
        Map<Integer, Diagnosis> m = new LinkedHashMap<>();
        put(m, "loss L(a2, y) = y ln(a2) + (1 - y) ln(1 - a2)", Diagnosis.SIGN);
        put(m, "d((1 - y) ln(1 - a2))/da2 = (1-y) / (1-a2)", Diagnosis.SIGN);
        put(m, "dL/da2 = y/a2 + (1 - y)/(1 - a2)", Diagnosis.TERM_SIGN);
        put(m, "sigmoid(z) = 1/1 + e^-z", Diagnosis.PRECEDENCE);
        put(m, "code da2/dZ2 = primesigmoid(Z1)", Diagnosis.WRONG_ARGUMENT);
        put(m, "dL/dZ2 = (y/a2 + (1 - y)/(1 - a2)) * (a2(1 - a2))", Diagnosis.TERM_SIGN);
        put(m, "Z2 = 0 * a1 + b1 where W2 = 0", Diagnosis.SUBSTITUTED_SYMBOL);
        put(m, "Z2 = 0 + b1 where W2 = 0", Diagnosis.SUBSTITUTED_SYMBOL);
        put(m, "dL/dZ1 = dZ2/dW2 * dZ2/db2 * da1/dZ1", Diagnosis.WRONG_CHAIN);
        put(m, "dL/dZ1 =  a1 * (a2 - y) * a1(1 - a1)", Diagnosis.SUBSTITUTED_SYMBOL);
        put(m, "code dZ1 = dW2 * dZ2 * primesigmoid(Z1)", Diagnosis.WRONG_CHAIN);
        put(m, "dL/dW1 = (a1 * (a2 - y) * (a2 - y) * a1(1 - a1)) * x", Diagnosis.WRONG_CHAIN);
        // two changes: the factor a2 - y once too many, and W2*(1 - a1) missing
        put(m, "dL/db1 = 1 * ((a1 * (a2 - y) * (a2 - y)))", Diagnosis.EXTRA_FACTOR);
        return m;
    }

    private static void put(Map<Integer, Diagnosis> m, String statement, Diagnosis d) {
        lines(PUBLISHED, statement).forEach(l -> m.put(l, d));
    }

    private static Finding at(int line) {
        return published.findings().stream().filter(f -> f.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no finding at line " + line));
    }

    @Test
    void findsEveryMistakeWithItsKindAndFlagsNothingElse() {
        Map<Integer, Diagnosis> expected = expectedMistakes();
        Map<Integer, Diagnosis> found = published.findings().stream()
                .filter(f -> f.verdict() != Verdict.CORRECT)
                .collect(Collectors.toMap(Finding::line, f -> f.diagnosis() == null ? Diagnosis.OTHER : f.diagnosis(),
                        (a, b) -> a, LinkedHashMap::new));
        assertEquals(expected, found);
        assertEquals(0, published.count(Verdict.UNVERIFIED));
    }

    @Test
    void everyWrongFindingHasAPointBothValuesAndTheTruth() {
        for (Finding f : published.findings()) {
            if (f.verdict() == Verdict.WRONG) {
                assertNotNull(f.counterexample(), "line " + f.line());
                assertNotNull(f.expected(), "line " + f.line());
                assertTrue(Math.abs(f.counterexample().claimed() - f.counterexample().expected()) > 0, "line " + f.line());
                assertTrue(f.message().length() > 20, "line " + f.line());
            } else {
                assertEquals(null, f.counterexample());
            }
        }
    }

    @Test
    void blameGoesToTheFirstWrongLine() {
        int dz1 = lines(PUBLISHED, "code dZ1 = dW2 * dZ2 * primesigmoid(Z1)").get(0);
        int dw1 = lines(PUBLISHED, "code dW1 = dZ1 * X").get(0);
        assertEquals(Verdict.CORRECT, at(dw1).verdict(), "judged locally, the line itself is right");
        assertEquals(List.of(dz1), at(dw1).upstream());
        int dLda2 = lines(PUBLISHED, "dL/da2 = y/a2 + (1 - y)/(1 - a2)").get(0);
        int chained = lines(PUBLISHED, "dL/dZ2 = dL/da2 * da2/dZ2").get(0);
        assertEquals(List.of(dLda2), at(chained).upstream());
        int expanded = lines(PUBLISHED, "dL/dZ2 = (y/a2 + (1 - y)/(1 - a2)) * (a2(1 - a2))").get(0);
        assertTrue(at(expanded).upstream().contains(dLda2), at(expanded).upstream().toString());
        int dLdW1 = lines(PUBLISHED, "dL/dW1 = (a1 * (a2 - y) * (a2 - y) * a1(1 - a1)) * x").get(0);
        assertTrue(at(dLdW1).upstream().contains(lines(PUBLISHED, "code dZ1 = dW2 * dZ2 * primesigmoid(Z1)").get(1)),
                at(dLdW1).upstream().toString());
    }

    @Test
    void theLossIsCorrectedAndClaimsThatHoldOnlyForTheCorrectedLossSaySo() {
        int loss = lines(PUBLISHED, "loss L(a2, y) = y ln(a2) + (1 - y) ln(1 - a2)").get(0);
        assertEquals("-(y*ln(a2) + (1 - y)*ln(1 - a2))", at(loss).expected());
        assertTrue(published.lossNote().contains("corrected"), published.lossNote());
        int result = lines(PUBLISHED, "dL/dZ2 = A2 - Y").get(0);
        assertEquals(Verdict.CORRECT, at(result).verdict());
        assertEquals(loss, at(result).correctedLossLine());
        int partial = lines(PUBLISHED, "d(y ln(a2))/da2 = y/a2").get(0);
        assertEquals(0, at(partial).correctedLossLine(), "a partial derivative of a formula does not involve the loss");
    }

    @Test
    void messagesGiveTheFix() {
        Finding arg = at(lines(PUBLISHED, "code da2/dZ2 = primesigmoid(Z1)").get(0));
        assertEquals("primesigmoid(Z2)", arg.fix());
        Finding dz1 = at(lines(PUBLISHED, "code dZ1 = dW2 * dZ2 * primesigmoid(Z1)").get(0));
        assertEquals("W2*dZ2*primesigmoid(Z1)", dz1.fix());
        assertTrue(dz1.message().contains("dW2 stands where W2 belongs"), dz1.message());
        Finding sig = at(lines(PUBLISHED, "sigmoid(z) = 1/1 + e^-z").get(0));
        assertEquals("1/(1 + e^(-z))", sig.fix());
        assertEquals("1/(1 + e^-z)", sig.expected());
    }

    @Test
    void runningThePublishedCodeGetsW1AndB1Wrong() {
        AuditResult.CodeRunResult run = published.codeRun();
        assertEquals("", run.note());
        Map<String, Boolean> agrees = new LinkedHashMap<>();
        run.gradients().forEach(g -> agrees.put(g.name(), g.agrees()));
        assertEquals(Map.of("dW1", false, "db1", false, "dW2", true, "db2", true), agrees);
        AuditResult.Gradient dw1 = run.gradients().get(0);
        assertEquals(lines(PUBLISHED, "code dW1 = dZ1 * X").get(1), dw1.line(), "the last line that assigns dW1");
    }

    @Test
    void theCorrectedTutorialAuditsClean() {
        AuditResult corrected = TutorialAudit.audit(TutorialAudit.CORRECTED, 1);
        assertEquals(List.of(), corrected.findings().stream().filter(f -> f.verdict() != Verdict.CORRECT)
                .map(f -> f.line() + ": " + f.message()).toList());
        assertEquals(published.findings().size(), corrected.findings().size());
    }
}
