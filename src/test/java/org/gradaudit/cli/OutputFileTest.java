package org.gradaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -o FILE} on every command, and {@code --format html} from the command line. */
class OutputFileTest {
    private static final String FILE = "derivations/mse-linear-output.deriv";

    @TempDir
    Path dir;

    private static AuditCommandTest.Run run(String... args) {
        return AuditCommandTest.run(args);
    }

    @Test
    void theFileHoldsExactlyWhatStdoutWouldForEveryFormat() throws IOException {
        for (String format : new String[] {"text", "json", "junit"}) {
            AuditCommandTest.Run toStdout = run("audit", FILE, "--format", format);
            Path file = dir.resolve("audit." + format);
            AuditCommandTest.Run toFile = run("audit", FILE, "--format", format, "-o", file.toString());
            assertEquals(toStdout.code(), toFile.code(), toFile.err());
            assertEquals("", toFile.out());
            assertEquals(toStdout.out(), Files.readString(file), format);
        }
        AuditCommandTest.Run derive = run("derive", FILE);
        Path file = dir.resolve("derive.txt");
        assertEquals(0, run("derive", FILE, "--output-file", file.toString()).code());
        assertEquals(derive.out(), Files.readString(file));
        try (Stream<Path> left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "a temporary file is left");
        }
    }

    @Test
    void htmlGoesToTheFileOrStdout() throws IOException {
        Path page = dir.resolve("check.html");
        AuditCommandTest.Run r = run("check", "--backprop", "published-dz1", "--format", "html", "-o", page.toString());
        assertEquals(1, r.code(), r.err());
        String html = Files.readString(page);
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), html.substring(0, 40));
        assertTrue(html.contains("Error against step size"));
        AuditCommandTest.Run derive = run("derive", FILE, "--format", "html");
        assertEquals(0, derive.code(), derive.err());
        assertTrue(derive.out().contains("<math"));
    }

    @Test
    void anUnwritableFileOrAFormatDeriveLacksIsBadInput() {
        AuditCommandTest.Run missing = run("audit", FILE, "-o", dir.resolve("no/such/dir/report.html").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("no such directory"), missing.err());
        AuditCommandTest.Run directory = run("check", "-o", dir.toString());
        assertEquals(2, directory.code());
        assertTrue(directory.err().contains("is a directory"), directory.err());
        AuditCommandTest.Run json = run("derive", FILE, "--format", "json");
        assertEquals(2, json.code());
        assertTrue(json.err().contains("not available for derive"), json.err());
        assertFalse(json.err().contains("Exception"), json.err());
    }
}
