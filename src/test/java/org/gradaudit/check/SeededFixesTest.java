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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fix each seeded mistake is given equals the truth: every seeded line of a mistakes file is
 * replaced by the fix its finding proposes, and the file so mended audits clean. Lines explained by
 * two changes also list both, the last one's formula being the fix.
 */
class SeededFixesTest {
    private static final Pattern FIX = Pattern.compile("\"fix\":\\s*(null|\"((?:[^\"\\\\]|\\\\.)*)\")");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"tanh-skip-mse-mistakes.deriv", "two-samples-mean-mistakes.deriv"})
    void everySeededLineMendedByItsFixAuditsClean(String name) throws IOException {
        Path file = Path.of("derivations").resolve(name);
        String json = audit(file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Map<Integer, String> seeded = SeededMistakesTest.seeded(name);
        assertFalse(seeded.isEmpty());
        for (int line : seeded.keySet()) {
            String fix = fix(json, line);
            assertNotNull(fix, name + ":" + line + " has no fix");
            String text = lines.get(line - 1);
            int eq = text.indexOf(" = ");
            lines.set(line - 1, text.substring(0, eq + 3) + fix);
        }
        Path mended = dir.resolve(name.replace("-mistakes", "-mended"));
        Files.write(mended, lines, StandardCharsets.UTF_8);
        String after = audit(mended);
        assertEquals(0, SeededMistakesTest.parse(after).values().stream()
                .filter(f -> !"correct".equals(f.verdict())).count(), "the mended file is not clean:\n" + after);
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
