package org.gradaudit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.gradaudit.SeededMarks;
import org.gradaudit.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The example derivations under {@code derivations/} audit as they should, through the real CLI:
 * each correct derivation is clean, and in each {@code NAME-mistakes.deriv} exactly the lines marked
 * {@code # seeded: KIND} are wrong, each with diagnosis KIND. The expectations are read from the
 * comments in the files, so editing a file keeps the test in sync. Every file is audited once.
 */
class SeededMistakesTest {
    private static final Path DIR = Path.of("derivations");
    private static final Pattern FINDING = Pattern.compile("\\{\\s*\"line\":\\s*(\\d+),");
    private static final Pattern KIND = Pattern.compile("\"kind\":\\s*\"([a-z-]+)\"");
    private static final Pattern VERDICT = Pattern.compile("\"verdict\":\\s*\"([a-z-]+)\"");
    private static final Pattern DIAGNOSIS = Pattern.compile("\"diagnosis\":\\s*(null|\"([a-z-]+)\")");

    /** One finding of the JSON report: only what these tests look at. */
    record Finding(int line, String kind, String verdict, String diagnosis) {
    }

    /** The CLI's answer for one file: its exit code, findings by line, and both streams for messages. */
    record Audit(int exitCode, Map<Integer, Finding> findings, String out, String err) {
    }

    private static final Map<String, Audit> AUDITS = new HashMap<>();

    /** Audits a file once per test run, with {@code --format json}, through the CLI entry point. */
    private static synchronized Audit audit(String name) {
        return AUDITS.computeIfAbsent(name, n -> {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new String[] {"audit", "--format", "json", DIR.resolve(n).toString()},
                    new PrintWriter(out), new PrintWriter(err));
            return new Audit(code, parse(out.toString()), out.toString(), err.toString());
        });
    }

    /** Findings by line: each finding object starts with its line, then kind, verdict and diagnosis follow. */
    static Map<Integer, Finding> parse(String json) {
        Map<Integer, Finding> byLine = new LinkedHashMap<>();
        Matcher m = FINDING.matcher(json);
        List<int[]> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start(), Integer.parseInt(m.group(1))});
        }
        for (int i = 0; i < starts.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : json.length();
            String body = json.substring(starts.get(i)[0], end);
            int line = starts.get(i)[1];
            byLine.put(line, new Finding(line, first(KIND, body, 1), first(VERDICT, body, 1), first(DIAGNOSIS, body, 2)));
        }
        return byLine;
    }

    private static String first(Pattern p, String text, int group) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(group) : null;
    }

    /** The lines marked {@code # seeded: KIND}, with their kinds. */
    static Map<Integer, String> seeded(String name) throws IOException {
        return SeededMarks.of(DIR.resolve(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"tanh-sigmoid-bce.deriv", "mse-linear-output.deriv", "three-layer-sigmoid.deriv",
        "tanh-skip-mse.deriv", "two-samples-mean.deriv", "mazur-2015-backprop.deriv"})
    void correctDerivationAuditsClean(String name) {
        Audit a = audit(name);
        List<Finding> notCorrect = a.findings().values().stream()
                .filter(f -> !"correct".equals(f.verdict())).collect(Collectors.toList());
        assertEquals(List.of(), notCorrect, name + " has findings that are not correct:\n" + a.out());
        assertFalse(a.findings().isEmpty(), name + " gave no findings:\n" + a.out() + a.err());
        assertEquals(0, a.exitCode(), name + " did not exit with 0:\n" + a.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"tanh-sigmoid-bce-mistakes.deriv", "mse-linear-output-mistakes.deriv",
        "three-layer-sigmoid-mistakes.deriv", "tanh-skip-mse-mistakes.deriv", "two-samples-mean-mistakes.deriv",
        "mitchell-1997-backpropagation-mistakes.deriv", "mazur-2015-backprop-mistakes.deriv"})
    void seededMistakesAreFoundAndDiagnosedAndNothingElse(String name) throws IOException {
        Map<Integer, String> marked = seeded(name);
        assertFalse(marked.isEmpty(), name + " marks no seeded mistakes");
        Audit a = audit(name);
        assertEquals(1, a.exitCode(), name + " did not exit with 1:\n" + a.err());
        List<String> problems = new ArrayList<>();
        marked.forEach((line, kind) -> {
            Finding f = a.findings().get(line);
            if (f == null) {
                problems.add("line " + line + ": seeded " + kind + " but the audit has no finding there");
            } else if (!"wrong".equals(f.verdict()) || !kind.equals(f.diagnosis())) {
                problems.add("line " + line + ": seeded " + kind + " but got " + f.verdict() + " (" + f.diagnosis() + ")");
            }
        });
        a.findings().values().stream()
                .filter(f -> "wrong".equals(f.verdict()) && !marked.containsKey(f.line()))
                .forEach(f -> problems.add("line " + f.line() + ": not seeded but wrong (" + f.diagnosis() + ")"));
        a.findings().values().stream()
                .filter(f -> "unverified".equals(f.verdict()))
                .forEach(f -> problems.add("line " + f.line() + ": unverified"));
        assertEquals(List.of(), problems, name + ":\n" + a.out());
    }

    @Test
    void theMistakeFilesTogetherSeedEveryDiagnosisAndALossWithASignError() throws IOException {
        String[] files = {"tanh-sigmoid-bce-mistakes.deriv", "mse-linear-output-mistakes.deriv",
            "three-layer-sigmoid-mistakes.deriv", "tanh-skip-mse-mistakes.deriv", "two-samples-mean-mistakes.deriv",
        "mitchell-1997-backpropagation-mistakes.deriv", "mazur-2015-backprop-mistakes.deriv"};
        Set<String> seededKinds = new TreeSet<>();
        boolean lossSign = false;
        for (String name : files) {
            Map<Integer, String> marked = seeded(name);
            seededKinds.addAll(marked.values());
            Audit a = audit(name);
            for (Map.Entry<Integer, String> e : marked.entrySet()) {
                Finding f = a.findings().get(e.getKey());
                assertNotNull(f, name + ": no finding on seeded line " + e.getKey());
                lossSign |= "loss".equals(f.kind()) && "sign".equals(e.getValue());
            }
        }
        Set<String> every = Arrays.stream(Diagnosis.values()).filter(d -> d != Diagnosis.OTHER && !d.vectorized())
                .map(Diagnosis::toString).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(every, seededKinds, "the seeded kinds should be every scalar diagnosis but other");
        assertTrue(lossSign, "one mistakes file should seed a loss with a sign error");
    }

    @Test
    void parserReadsFindingsInOrder() {
        String json = "{ \"findings\": [ { \"line\": 3, \"kind\": \"loss\", \"verdict\": \"wrong\", \"diagnosis\": \"sign\","
                + " \"counterexample\": { \"point\": {} }, \"corrected_loss_line\": 3 },"
                + " { \"line\": 7, \"kind\": \"code\", \"verdict\": \"correct\", \"diagnosis\": null } ] }";
        assertEquals(List.of(new Finding(3, "loss", "wrong", "sign"), new Finding(7, "code", "correct", null)),
                new ArrayList<>(parse(json).values()));
    }
}
