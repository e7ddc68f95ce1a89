package org.gradaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Derivation files come from strangers: whatever a file says, the audit ends with a report (0 or 1)
 * or one message about the input (2), never an internal error or a stack trace, and within its time
 * limit plus a margin. Files are the repository's derivations with a few characters or lines
 * changed, the way typos, half-edits and hostile edits look: deleted and inserted characters
 * (control characters and bidirectional overrides among them), repeated, dropped and swapped
 * lines, numbers made huge.
 *
 * <p>A seeded {@link Random}, so a failure reproduces: the message names the case and the file.
 * {@code -Dfuzz.cases=N}, {@code -Dfuzz.seed=S} and {@code -Dfuzz.maxLines=L} (the longest file
 * mutated, 80 in the suite) change the run; bench/fuzz.sh runs thousands over every derivation.
 */
class MutatedDerivationsFuzzTest {
    private static final String ALPHABET = "()+-*/^=,.0123456789 abxyzLWdeZ_#@[]{}\"'\\\u001b\u0000\u202e\u00e9\t";
    private static final String[] NUMBERS = {"1e308", "0", "-1", "1e-320", "64", "65"};
    private static final int CASES = Integer.getInteger("fuzz.cases", 200);
    /** The suite mutates the shorter derivations, to stay within seconds; the nightly run all of them. */
    private static final int MAX_LINES = Integer.getInteger("fuzz.maxLines", 80);
    private static final long SEED = Long.getLong("fuzz.seed", 20261201L);
    private static final int TIME_LIMIT = 3;
    /** Over the time limit: reading, building and the report; generous for a noisy 2-core machine. */
    private static final long MARGIN_MILLIS = 12_000;

    /** One change to a file. */
    static List<String> mutate(List<String> lines, Random r) {
        List<String> out = new ArrayList<>(lines);
        int i = r.nextInt(out.size());
        String s = out.get(i);
        int at = s.isEmpty() ? 0 : r.nextInt(s.length() + 1);
        switch (r.nextInt(6)) {
            case 0 -> out.set(i, at < s.length() ? s.substring(0, at) + s.substring(at + 1) : s);
            case 1 -> out.set(i, s.substring(0, at) + ALPHABET.charAt(r.nextInt(ALPHABET.length())) + s.substring(at));
            case 2 -> out.add(i, out.get(r.nextInt(out.size())));
            case 3 -> out.remove(i);
            case 4 -> out.set(i, s.replaceFirst("\\b\\d+(\\.\\d+)?\\b", NUMBERS[r.nextInt(NUMBERS.length)]));
            default -> {
                int j = r.nextInt(out.size());
                out.set(i, out.get(j));
                out.set(j, s);
            }
        }
        return out.isEmpty() ? List.of("") : out;
    }

    @Test
    void neverAnInternalErrorATraceOrAnOverrun(@TempDir Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.list(Path.of("derivations"))) {
            files = all.filter(p -> p.toString().endsWith(".deriv")).sorted().toList();
        }
        List<Path> chosen = new ArrayList<>();
        for (Path f : files) {
            if (Files.readAllLines(f, StandardCharsets.UTF_8).size() <= MAX_LINES) {
                chosen.add(f);
            }
        }
        files = chosen;
        assertTrue(files.size() >= 4, files.toString());
        Random random = new Random(SEED);
        TreeMap<Integer, Integer> codes = new TreeMap<>();
        long slowest = 0;
        for (int n = 0; n < CASES; n++) {
            Path source = files.get(random.nextInt(files.size()));
            List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
            int changes = 1 + random.nextInt(3);
            for (int c = 0; c < changes; c++) {
                lines = mutate(lines, random);
            }
            Path mutated = dir.resolve("case" + n + ".deriv");
            Files.write(mutated, lines, StandardCharsets.UTF_8);
            long start = System.nanoTime();
            AuditCommandTest.Run r = AuditCommandTest.run("audit", "--time-limit", String.valueOf(TIME_LIMIT),
                    "--points", "32", mutated.toString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            String what = "case " + n + " (seed " + SEED + ", from " + source + "), exit " + r.code() + ", "
                    + millis + " ms:\n" + r.err() + "\n" + String.join("\n", lines);
            assertTrue(r.code() == 0 || r.code() == 1 || r.code() == 2, what);
            assertFalse(r.err().contains("internal error") || r.err().contains("\tat "), what);
            assertFalse(r.out().contains("\u001b") || r.err().contains("\u001b"), what);
            assertTrue(millis < TIME_LIMIT * 1000L + MARGIN_MILLIS, what);
            if (r.code() == 2) {
                assertEquals("", r.out(), what);
            }
            codes.merge(r.code(), 1, Integer::sum);
            slowest = Math.max(slowest, millis);
            Files.delete(mutated);
        }
        System.out.println("MutatedDerivationsFuzzTest: " + CASES + " files, seed " + SEED + ", exit codes " + codes
                + ", slowest " + slowest + " ms");
    }
}
