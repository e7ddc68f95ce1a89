package org.gradaudit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gradaudit.cli.Main;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The fix each seeded mistake is given equals the truth: every seeded line of every scalar mistakes
 * file is replaced by the fix its finding proposes, and each line so mended audits correct. Lines
 * explained by two changes list both (SeededMistakesTest), the last one's formula being the fix.
 */
class SeededFixesTest {
    private static final Pattern FIX = Pattern.compile("\"fix\":\\s*(null|\"((?:[^\"\\\\]|\\\\.)*)\")");

    @TempDir
    Path dir;

    /** Kinds whose finding may have no fix: a Leibniz chain (the chain rule is shown instead), a stale read. */
    private static final java.util.Set<String> WITHOUT_FIX = java.util.Set.of("wrong-chain", "updated-parameter");

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("org.gradaudit.check.SeededMistakesTest#scalarMistakes")
    void everySeededLineMendedByItsFixIsCorrect(String name) throws IOException {
        Path file = Path.of("derivations").resolve(name);
        String json = audit(file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<Integer, String> seeded = SeededMistakesTest.seeded(name);
        assertFalse(seeded.isEmpty());
        java.util.List<Integer> mended = new java.util.ArrayList<>();
        for (var e : seeded.entrySet()) {
            int line = e.getKey();
            String text = lines.get(line - 1);
            String fix = fix(json, line);
            if (fix == null && WITHOUT_FIX.contains(e.getValue())) {
                continue;
            }
            assertNotNull(fix, name + ":" + line + " (" + e.getValue() + ") has no fix");
            if (text.contains(" += ") || text.contains(" -= ")) {
                continue; // an accumulation's fix is the whole run, which one line cannot hold: asserted below
            }
            String formula = text.replaceAll("\\s*#.*$", "");
            int where = formula.indexOf(" where ");
            int eq = formula.indexOf(" = ");
            lines.set(line - 1, formula.substring(0, eq + 3) + fix + (where < 0 ? "" : formula.substring(where)));
            mended.add(line);
        }
        Path out = dir.resolve(name.replace("-mistakes", "-mended"));
        Files.write(out, lines, StandardCharsets.UTF_8);
        var after = SeededMistakesTest.parse(audit(out));
        for (int line : mended) {
            assertEquals("correct", after.get(line).verdict(), name + ":" + line + " mended with its fix is not correct: "
                    + lines.get(line - 1));
        }
    }

    @org.junit.jupiter.api.Test
    void anAccumulationsFixIsTheWholeRunWithTheMissingPathsTerm() {
        String json = audit(Path.of("derivations/cs231n-staged-backprop-mistakes.deriv"));
        assertEquals("dxpy + (1 - sigx)*sigx*dsigx + dnum", fix(json, 37));
    }

    private static String audit(Path file) {
        StringWriter out = new StringWriter();
        Main.run(new String[] {"audit", "--format", "json", file.toString()}, new PrintWriter(out),
                new PrintWriter(new StringWriter()));
        return out.toString();
    }

    /** The top-level fix of the finding on a line (the first "fix" after its line field that is not a change's). */
    private static String fix(String json, int line) {
        int start = json.indexOf("\"line\": " + line + ",");
        int end = json.indexOf("\"line\": ", start + 5);
        String body = json.substring(start, end < 0 ? json.length() : end);
        int changes = body.indexOf("\"changes\"");
        Matcher m = FIX.matcher(changes < 0 ? body : body.substring(0, changes));
        String last = null;
        while (m.find()) {
            last = m.group(2);
        }
        return last;
    }
}
