package org.gradaudit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.gradaudit.cli.AuditCommandTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fix names a formula by the file's alias for it only where the file has defined the alias by that
 * line: Mazur's hidden-layer claim that lacks the second output's path reads
 * {@code delta_o1*w5 + delta_o2*w7} when {@code alias delta_o2} comes before it, and spells that
 * term out when the alias comes after.
 */
class FixAliasTest {
    @TempDir
    Path dir;

    private static final String CLAIM = "dE_total/dw1 = delta_o1*w5*out_h1*(1 - out_h1)*i1";

    private static List<String> mazur() throws IOException {
        return new ArrayList<>(Files.readAllLines(Path.of("derivations/mazur-2015-backprop-mistakes.deriv")));
    }

    private String fixOf(List<String> lines) throws IOException {
        AuditCommandTest.Run r = AuditCommandTest.audit(dir, String.join("\n", lines) + "\n");
        assertEquals(1, r.code(), r.out() + r.err());
        String[] out = r.out().split("\n");
        for (int i = 0; i < out.length; i++) {
            if (out[i].contains(CLAIM) && out[i].contains("WRONG (missing-term)")) {
                for (int j = i + 1; j < out.length; j++) {
                    int at = out[j].indexOf("corrected: ");
                    if (at >= 0) {
                        return out[j].substring(at);
                    }
                }
            }
        }
        throw new AssertionError("no missing-term fix of the claim in:\n" + r.out());
    }

    @Test
    void anAliasDefinedBeforeTheLineNamesItsFormulaInTheFix() throws IOException {
        List<String> lines = mazur();
        assertTrue(lines.indexOf(aliasLine(lines)) < claimIndex(lines), "the file defines delta_o2 before the claim");
        assertEquals("corrected: (delta_o1*w5 + delta_o2*w7)*out_h1*(1 - out_h1)*i1.", fixOf(lines));
    }

    @Test
    void anAliasDefinedAfterTheLineIsNotUsedInItsFix() throws IOException {
        List<String> lines = mazur();
        String alias = aliasLine(lines);
        lines.remove(alias);
        lines.add(claimIndex(lines) + 1, alias);
        String fix = fixOf(lines);
        assertTrue(!fix.contains("delta_o2"), fix);
        assertEquals("corrected: (delta_o1*w5 + (out_o2 - target_o2)*out_o2*(1 - out_o2)*w7)*out_h1*(1 - out_h1)*i1.", fix);
    }

    private static String aliasLine(List<String> lines) {
        return lines.stream().filter(l -> l.startsWith("alias delta_o2 ")).findFirst().orElseThrow();
    }

    private static int claimIndex(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(CLAIM)) {
                return i;
            }
        }
        throw new AssertionError("no line " + CLAIM);
    }
}
