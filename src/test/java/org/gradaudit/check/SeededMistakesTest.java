package org.gradaudit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
    record Finding(int line, String kind, String verdict, String diagnosis, List<String> changes) {
        Finding(int line, String kind, String verdict, String diagnosis) {
            this(line, kind, verdict, diagnosis, List.of());
        }

        /** The diagnosis as a seeded mark writes it: the kind, or the changes' kinds joined by '+'. */
        String mark() {
            return changes.isEmpty() ? diagnosis : String.join("+", changes);
        }
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
            int changes = body.indexOf("\"changes\"");
            List<String> kinds = new ArrayList<>();
            if (changes >= 0) {
                Matcher k = KIND.matcher(body.substring(changes));
                while (k.find()) {
                    kinds.add(k.group(1));
                }
            }
            byLine.put(line, new Finding(line, first(KIND, body, 1), first(VERDICT, body, 1), first(DIAGNOSIS, body, 2),
                    kinds));
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
    @org.junit.jupiter.params.provider.MethodSource("scalarCorrect")
    void correctDerivationAuditsClean(String name) {
        Audit a = audit(name);
        List<Finding> notCorrect = a.findings().values().stream()
                .filter(f -> !"correct".equals(f.verdict())).collect(Collectors.toList());
        assertEquals(List.of(), notCorrect, name + " has findings that are not correct:\n" + a.out());
        assertFalse(a.findings().isEmpty(), name + " gave no findings:\n" + a.out() + a.err());
        assertEquals(0, a.exitCode(), name + " did not exit with 0:\n" + a.err());
    }

    /** Every scalar derivation (no 'dim' line) under derivations/ whose name ends in -mistakes.deriv. */
    static List<String> scalarMistakes() throws IOException {
        try (var files = Files.list(DIR)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("-mistakes.deriv"))
                    .filter(n -> !vectorized(n)).sorted().toList();
        }
    }

    private static boolean vectorized(String name) {
        try {
            return Files.readAllLines(DIR.resolve(name), StandardCharsets.UTF_8).stream()
                    .anyMatch(l -> l.startsWith("dim "));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The correct versions of {@link #scalarMistakes()}, where there is one. */
    static List<String> scalarCorrect() throws IOException {
        return scalarMistakes().stream().map(n -> n.replace("-mistakes", "")).filter(n -> Files.exists(DIR.resolve(n)))
                .toList();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("scalarMistakes")
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
            } else if (!"wrong".equals(f.verdict()) || !kind.equals(f.mark())) {
                problems.add("line " + line + ": seeded " + kind + " but got " + f.verdict() + " (" + f.mark() + ")");
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
        List<String> files = scalarMistakes();
        Set<String> seededKinds = new TreeSet<>();
        boolean lossSign = false;
        for (String name : files) {
            Map<Integer, String> marked = seeded(name);
            marked.values().forEach(k -> seededKinds.addAll(List.of(k.split("\\+"))));
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

    /**
     * Issue 10's kinds are each seeded in at least two derivations: wrong-derivative, wrong-argument,
     * wrong-operator, missing-term, extra-term, substituted-symbol in a code line's gradient names,
     * averaging, unused, and two changes at once (a mark KIND+KIND).
     */
    @Test
    void everyKindOfIssue10IsSeededInAtLeastTwoDerivations() throws IOException {
        Map<String, Set<String>> files = new java.util.TreeMap<>();
        for (String name : scalarMistakes()) {
            List<String> lines = Files.readAllLines(DIR.resolve(name), StandardCharsets.UTF_8);
            seeded(name).forEach((line, kind) -> {
                String text = lines.get(line - 1);
                String key = kind.contains("+") ? "two changes" : kind.equals("substituted-symbol")
                        && text.trim().startsWith("code ") ? "substituted-symbol (code)" : kind;
                files.computeIfAbsent(key, k -> new TreeSet<>()).add(name);
            });
        }
        List<String> short_ = new ArrayList<>();
        for (String kind : List.of("wrong-derivative", "wrong-argument", "wrong-operator", "missing-term",
                "extra-term", "substituted-symbol (code)", "averaging", "unused", "two changes")) {
            Set<String> in = files.getOrDefault(kind, Set.of());
            if (in.size() < 2) {
                short_.add(kind + " in " + in);
            }
        }
        assertEquals(List.of(), short_, "kinds seeded in fewer than two derivations: " + files);
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
