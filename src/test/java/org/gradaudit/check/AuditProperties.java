package org.gradaudit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Diagnoses are stable: they come from the mathematics, not from the random points drawn. */
class AuditProperties {
    private static List<String> reference;

    @BeforeAll
    static void reference() {
        reference = summary(TutorialAudit.audit(TutorialAudit.PUBLISHED, 1));
    }

    /** Six seeds from 2 to {@code Long.MAX_VALUE / 2}, drawn from a seeded generator. */
    static LongStream seeds() {
        return new SplittableRandom(7).longs(6, 2, Long.MAX_VALUE / 2);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void verdictsAndDiagnosesDoNotDependOnTheSeed(long seed) {
        assertEquals(reference, summary(TutorialAudit.audit(TutorialAudit.PUBLISHED, seed)));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 613})
    void theSameSeedGivesTheSameReport(long seed) {
        assertEquals(TutorialAudit.audit(TutorialAudit.PUBLISHED, seed), TutorialAudit.audit(TutorialAudit.PUBLISHED, seed));
    }

    private static List<String> summary(AuditResult r) {
        return r.findings().stream().map(f -> f.line() + " " + f.verdict() + " " + f.diagnosis() + " " + f.upstream()
                + " " + f.expected() + " " + f.fix()).toList();
    }
}
