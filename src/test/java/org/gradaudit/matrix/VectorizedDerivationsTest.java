package org.gradaudit.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gradaudit.SeededMarks;
import org.gradaudit.check.AuditResult;
import org.gradaudit.check.Diagnosis;
import org.gradaudit.check.Finding;
import org.gradaudit.check.tolerance.BoundedAgreement;
import org.gradaudit.check.Verdict;
import org.gradaudit.cli.AuditCommandTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vectorized transcriptions under {@code derivations/}: each published one audits clean through
 * the real CLI, and in each {@code -mistakes} copy exactly the lines marked {@code # seeded: KIND}
 * are wrong, each diagnosed as KIND. Expectations are read from the files' comments.
 */
public class VectorizedDerivationsTest {
    private static final Map<Path, AuditResult> AUDITS = new HashMap<>();

    /** Every vectorized derivation under {@code derivations/}, published and seeded, in name order. */
    public static Stream<Path> vectorized() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("derivations"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".deriv")).sorted().toList()) {
                if (Vectorized.declaresDims(Files.readString(p))) {
                    out.add(p);
                }
            }
        }
        return out.stream();
    }

    static Stream<Path> published() throws IOException {
        return vectorized().filter(p -> !p.toString().endsWith("-mistakes.deriv"));
    }

    static Stream<Path> mistakes() throws IOException {
        return vectorized().filter(p -> p.toString().endsWith("-mistakes.deriv"));
    }

    private static synchronized AuditResult audit(Path p) {
        return AUDITS.computeIfAbsent(p, f -> {
            try {
                return Vectorized.audit(Vectorized.load(f.toString(), Files.readString(f)), 1, 64, BoundedAgreement.DEFAULT,
                        Duration.ofSeconds(60));
            } catch (Exception e) {
                throw new AssertionError(f + ": " + e.getMessage(), e);
            }
        });
    }

    @Test
    void thereAreAtLeastSevenPublishedTranscriptionsEachWithAMistakesCopy() throws IOException {
        List<Path> pub = published().toList();
        assertTrue(pub.size() >= 7, pub.toString());
        for (Path p : pub) {
            String name = p.getFileName().toString().replace(".deriv", "-mistakes.deriv");
            assertTrue(Files.exists(p.resolveSibling(name)), "no mistakes copy of " + p);
        }
    }

    @ParameterizedTest
    @MethodSource("published")
    void publishedTranscriptionAuditsCleanThroughTheCli(Path p) {
        AuditCommandTest.Run run = AuditCommandTest.run("audit", p.toString());
        assertEquals(0, run.code(), p + ":\n" + run.out() + run.err());
        assertEquals("", run.err());
        assertFalse(audit(p).findings().isEmpty(), p + " judges nothing");
        assertTrue(run.out().contains("0 wrong, 0 unverified"), run.out());
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void seededMistakesAreNamedAsTheirKindsAndNothingElseIsWrong(Path p) throws IOException {
        Map<Integer, String> marked = SeededMarks.of(p);
        assertFalse(marked.isEmpty(), p + " marks no seeded mistakes");
        AuditResult r = audit(p);
        List<String> problems = new ArrayList<>();
        Map<Integer, Finding> byLine = new HashMap<>();
        r.findings().forEach(f -> byLine.put(f.line(), f));
        marked.forEach((line, kind) -> {
            Finding f = byLine.get(line);
            if (f == null) {
                problems.add("line " + line + ": seeded " + kind + " but no finding there");
            } else if (f.verdict() != Verdict.WRONG || f.diagnosis() == null || !kind.equals(f.diagnosis().toString())) {
                problems.add("line " + line + ": seeded " + kind + " but " + f.verdict() + " (" + f.diagnosis() + ")");
            } else if (f.fix() == null) {
                problems.add("line " + line + ": " + kind + " without a fix");
            }
        });
        for (Finding f : r.findings()) {
            if (f.verdict() != Verdict.CORRECT && !marked.containsKey(f.line())) {
                problems.add("line " + f.line() + ": not seeded but " + f.verdict() + ": " + f.message());
            }
        }
        assertEquals(List.of(), problems, p.toString());
    }

    @Test
    void everyVectorizedDiagnosisIsSeededAtLeastTwice() throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        for (Path p : mistakes().toList()) {
            SeededMarks.of(p).values().forEach(k -> counts.merge(k, 1, Integer::sum));
        }
        for (Diagnosis d : Diagnosis.values()) {
            if (d.vectorized()) {
                assertTrue(counts.getOrDefault(d.toString(), 0) >= 2, d + " seeded " + counts.get(d.toString())
                        + " times: " + counts);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void aMistakesCopyAuditsTheSameNetworkAsItsPublishedFile(Path p) throws Exception {
        // the seeded mistakes are in the gradients only: the forward pass, the loss and the conventions are the published ones
        Path published = p.resolveSibling(p.getFileName().toString().replace("-mistakes.deriv", ".deriv"));
        org.gradaudit.matrix.model.MatrixModel a = Vectorized.load(published.toString(), Files.readString(published));
        org.gradaudit.matrix.model.MatrixModel b = Vectorized.load(p.toString(), Files.readString(p));
        assertEquals(a.definitions(), b.definitions(), p.toString());
        assertEquals(a.dims(), b.dims(), p.toString());
        for (String q : a.quantities().keySet()) {
            assertEquals(a.shape(q), b.shape(q), p + ": " + q);
        }
        a.gradNames().forEach((name, g) -> assertEquals(List.of(g.of(), g.coefficient(), g.via()),
                List.of(b.gradNames().get(name).of(), b.gradNames().get(name).coefficient(), b.gradNames().get(name).via()),
                p + ": " + name));
    }

    @Test
    void theFixOfAShapeMistakeIsTheTruthAndTheJsonCarriesShapesSizesAndIndex() {
        AuditCommandTest.Run run = AuditCommandTest.run("audit", "--format", "json",
                "derivations/dlai-c1w3-planar-mistakes.deriv");
        assertEquals(1, run.code());
        String json = run.out();
        assertTrue(json.contains("\"fix\": \"1/m * np.dot(dZ2, A1.T)\""), json);
        assertTrue(json.contains("\"shape\": { \"claimed\": \"(1, m)\", \"expected\": \"(1, 1)\" }"), json);
        assertTrue(json.contains("\"sizes\": { \"n_x\": "), json);
        assertTrue(Pattern.compile("\"index\": \\[ ?\\d+, \\d+ ?\\]").matcher(json).find(), json);
        assertTrue(json.contains("\"diagnosis\": \"missing-mean\""), json);
    }

    @Test
    void theTextReportGivesBothShapesInTheFilesDimensionNames() {
        String text = AuditCommandTest.run("audit", "derivations/dlai-c1w3-planar-mistakes.deriv").out();
        assertTrue(text.contains("np.dot(dZ2, A1) multiplies (1, m) by (n_h, m)"), text);
        assertTrue(text.contains("dW2 must have W2's shape (1, n_h)"), text);
        assertTrue(text.contains("It is m times the truth at every size draw"), text);
    }
}
