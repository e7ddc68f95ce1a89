package org.gradaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What the command line says about itself: versions, help, mistyped names, completion and the man page. */
class MainTest {
    /** The real command, in-process: {@link AuditCommandTest#run}. */
    private static AuditCommandTest.Run run(String... args) {
        return AuditCommandTest.run(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "audit", "check", "derive", "completion", "man"})
    void everyCommandPrintsTheVersion(String command) {
        AuditCommandTest.Run r = command.isEmpty() ? run("--version") : run(command, "--version");
        assertEquals(0, r.code(), r.err());
        assertEquals("gradaudit " + Main.VERSION, r.out().strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"audit", "check", "derive"})
    void everyCommandsHelpListsTheFourExitCodes(String command) {
        AuditCommandTest.Run r = run(command, "--help");
        assertEquals(0, r.code());
        String help = r.out();
        assertTrue(help.contains("Exit codes:"), help);
        for (String code : List.of("   0   ", "   1   ", "   2   ", "   3   ")) {
            assertTrue(help.contains(code), code + " in " + help);
        }
    }

    @Test
    void theTopLevelHelpGivesEachCommandsWholeSummary() {
        String help = run("--help").out();
        assertTrue(help.contains("Checks a hand-written gradient against numeric derivatives of the"), help);
        assertTrue(help.replaceAll("\\s+", " ").contains("numeric derivatives of the loss."), help);
        assertFalse(help.replaceAll("\\s+", " ").contains("the loss, derive"), "cut at a comma: " + help);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "audti x.deriv|unknown command 'audti'; did you mean 'audit'?",
        "chekc|unknown command 'chekc'; did you mean 'check'?",
        "derivee x|unknown command 'derivee'; did you mean 'derive'?",
        "frobnicate|unknown command 'frobnicate' (commands: audit, check, derive",
        "audit --formt json derivations/relu-mse.deriv|unknown option '--formt'; did you mean '--format'?",
        "audit --seeed=3 derivations/relu-mse.deriv|unknown option '--seeed'; did you mean '--seed'?",
        "check --activaton relu|unknown option '--activaton'; did you mean '--activation'?",
        "check --lyers 2,2,1|unknown option '--lyers'; did you mean '--layers'?",
        "check --mode fats|unknown mode 'fats'; did you mean 'fast'?"})
    void aMistypedNameGetsDidYouMean(String args, String message) {
        AuditCommandTest.Run r = run(args.split(" "));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(r.err().contains("derivations/relu-mse.deriv"), "the file is not an unknown option: " + r.err());
        assertFalse(r.err().contains("\tat "), r.err());
    }

    @Test
    void closestNeedsToBeClose() {
        assertEquals("--format", Suggestions.closest("--formt", List.of("--format", "--seed")));
        assertEquals("audit", Suggestions.closest("audti", List.of("audit", "check", "derive")));
        assertEquals("ridders", Suggestions.closest("rid", List.of("central", "ridders")));
        assertEquals(null, Suggestions.closest("zzzzzz", List.of("audit", "check", "derive")));
        assertEquals(null, Suggestions.closest("man", List.of("mode")));
        assertEquals(1, Suggestions.distance("audti", "audit"));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
    }

    @Test
    void completionIsABashScriptForEveryCommandAndOption() {
        AuditCommandTest.Run r = run("completion");
        assertEquals(0, r.code(), r.err());
        String script = r.out();
        assertTrue(script.contains("complete -F"), script.substring(0, Math.min(500, script.length())));
        for (String word : List.of("audit", "check", "derive", "--format", "--time-limit", "--activation",
                "complex-step", "cross-entropy")) {
            assertTrue(script.contains(word), word);
        }
    }

    @Test
    void theManPageHasEveryCommandOptionAndExitCode() throws IOException {
        AuditCommandTest.Run r = run("man");
        assertEquals(0, r.code(), r.err());
        String page = r.out();
        assertTrue(page.startsWith(".TH GRADAUDIT 1 "), page);
        for (String section : List.of(".SH NAME", ".SH SYNOPSIS", ".SH COMMANDS", ".SH EXIT STATUS",
                ".SS \"gradaudit audit\"", ".SS \"gradaudit check\"", ".SS \"gradaudit derive\"",
                "\\-\\-time\\-limit", "\\-\\-classpath", "\\-\\-points")) {
            assertTrue(page.contains(section), section);
        }
        for (String line : page.split("\n")) {
            assertFalse(line.startsWith(".") && !line.matches("\\.(TH|SH|SS|TP|B|I|RI|br|PP)( .*)?"),
                    "not a roff request: " + line);
        }
        Path man = Path.of("/usr/bin/man");
        if (Files.isExecutable(man)) {
            Path f = Files.createTempFile("gradaudit", ".1");
            Files.writeString(f, page);
            Process p = new ProcessBuilder(man.toString(), "-l", "-P", "cat", f.toString())
                    .redirectErrorStream(true).start();
            String shown = new String(p.getInputStream().readAllBytes());
            Files.delete(f);
            assertTrue(shown.isEmpty() || shown.contains("--time-limit"), shown);
        }
    }

    @Test
    void theReadmeSaysNextToItsFirstCommandThatItExitsOneOnPurpose() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("README.md"));
        int first = 0;
        while (!lines.get(first).contains("gradaudit.jar audit")) {
            first++;
        }
        String near = String.join(" ", lines.subList(Math.max(0, first - 3), Math.min(lines.size(), first + 4)));
        assertTrue(near.contains("exit code 1") || near.contains("exits 1"), near);
    }
}
