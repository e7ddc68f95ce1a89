package org.gradaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stranger's {@code @title}, {@code @author}, {@code @url}, {@code @section} and formulas reach
 * the terminal escaped in text output; JSON and JUnit XML escape them their own way.
 */
class TerminalEscapesTest {
    private static final String HIDE = "\u001b[8m";
    private static final String RETITLE = "\u001b]0;pwned\u0007";

    @Test
    void noControlCharacterOfTheFileReachesTheTerminal(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("hostile.deriv");
        Files.writeString(f, "@title Hi" + RETITLE + "\n@author A\u202eB\n@url http://x/" + "\u001b]52;c;aGk=\u0007"
                + "\n@section " + HIDE + "\ninput x\ny = x\ndy/dx = 2\n");
        AuditCommandTest.Run text = AuditCommandTest.run("audit", f.toString());
        assertEquals(1, text.code(), text.err());
        assertFalse(text.out().contains("\u001b") || text.out().contains("\u0007") || text.out().contains("\u202e"),
                text.out());
        assertTrue(text.out().contains("\"Hi\\u001b]0;pwned\\u0007\" by A\\u202eB"), text.out());
        assertTrue(text.out().contains("\n\\u001b[8m\n"), text.out());
        assertTrue(text.out().contains("WRONG (factor)"), text.out());
        AuditCommandTest.Run json = AuditCommandTest.run("audit", "--format", "json", f.toString());
        assertTrue(json.out().contains("\"section\": \"\\u001b[8m\""), json.out());
        assertFalse(json.out().contains("\u001b"), json.out());
        AuditCommandTest.Run junit = AuditCommandTest.run("audit", "--format", "junit", f.toString());
        assertFalse(junit.out().contains("\u001b") || junit.out().contains("\u202e"), junit.out());
    }

    @Test
    void quotedInputInMessagesIsEscaped(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("bad.deriv");
        Files.writeString(f, "input x\ny = x" + HIDE + "\n");
        AuditCommandTest.Run r = AuditCommandTest.run("audit", f.toString());
        assertEquals(2, r.code());
        assertFalse(r.err().contains("\u001b"), r.err());
        assertTrue(r.err().contains("\\u001b") || r.err().contains("U+001B"), r.err()); // by code point
    }
}
