package org.gradaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real command, its output and its exit codes. {@link #run} is the in-process run helper of
 * every CLI test, here and in other packages.
 */
public class AuditCommandTest {
    /** One in-process run of the CLI: its exit code and what it wrote to each stream. */
    public record Run(int code, String out, String err) {
    }

    /** Runs the CLI in process, capturing its streams. */
    public static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * Writes {@code text} to {@code d.deriv} in {@code dir} and audits it in process, with
     * {@code options} (such as {@code --format json}) before the file.
     */
    public static Run audit(Path dir, String text, String... options) throws IOException {
        Path file = dir.resolve("d.deriv");
        Files.writeString(file, text, java.nio.charset.StandardCharsets.UTF_8);
        String[] args = new String[options.length + 2];
        args[0] = "audit";
        System.arraycopy(options, 0, args, 1, options.length);
        args[args.length - 1] = file.toString();
        return run(args);
    }

    @Test
    void thePublishedTutorialHasMistakesAndTheCorrectedOneNone() {
        Run published = run("audit", "derivations/rodriguez-2019-backprop.deriv");
        assertEquals(1, published.code(), published.err());
        assertTrue(published.out().contains("WRONG (wrong-chain)"), published.out());
        assertTrue(published.out().contains("58 statements: 44 correct, 14 wrong, 0 unverified"), published.out());
        assertEquals("", published.err());
        Run corrected = run("audit", "derivations/rodriguez-2019-backprop-corrected.deriv");
        assertEquals(0, corrected.code(), corrected.out());
        assertFalse(corrected.out().contains("WRONG"));
    }

    @Test
    void everyCorrectDerivationInTheRepositoryAuditsClean() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("derivations"))) {
            List<Path> correct = files.filter(p -> p.toString().endsWith(".deriv"))
                    .filter(p -> !p.toString().endsWith("-mistakes.deriv"))
                    .filter(p -> !p.getFileName().toString().equals("rodriguez-2019-backprop.deriv")).sorted().toList();
            assertTrue(correct.size() >= 6, correct.toString());
            for (Path p : correct) {
                Run r = run("audit", p.toString());
                assertEquals(0, r.code(), p + ":\n" + r.out());
            }
        }
    }

    @Test
    void briefShowsOnlyWhatIsNotCorrect() {
        Run r = run("audit", "--brief", "derivations/rodriguez-2019-backprop.deriv");
        assertEquals(1, r.code());
        assertEquals(0, r.out().lines().filter(l -> l.matches("\\s+\\d+\\s+(code|claim|definition|loss)\\s.*   ok")).count(),
                r.out());
        assertEquals(14, r.out().lines().filter(l -> l.contains("   WRONG (")).count(), r.out());
        assertTrue(r.out().contains("58 statements: 44 correct, 14 wrong, 0 unverified"));
        assertEquals(2, run("audit", "--brief", "--verbose", "derivations/rodriguez-2019-backprop.deriv").code());
    }

    @Test
    void jsonIsOneDocumentWithTheContractsFields() {
        Run r = run("audit", "--format", "json", "--seed", "3", "derivations/rodriguez-2019-backprop.deriv");
        assertEquals(1, r.code());
        String json = r.out().strip();
        assertTrue(json.startsWith("{") && json.endsWith("}"), json);
        for (String field : List.of("\"tool\": \"gradaudit\"", "\"version\": \"0.1.0\"", "\"derivation\"", "\"findings\"",
                "\"line\"", "\"section\"", "\"kind\"", "\"lhs\"", "\"claimed\"", "\"verdict\"", "\"expected\"",
                "\"diagnosis\"", "\"upstream\"", "\"counterexample\"", "\"point\"", "\"symbolic\"", "\"numeric\"",
                "\"points\"", "\"max_rel_error\"", "\"message\"", "\"summary\"", "\"unverified\"")) {
            assertTrue(json.contains(field), field);
        }
        assertTrue(json.contains("\"diagnosis\": \"wrong-chain\""));
        assertTrue(json.contains("\"summary\": { \"findings\": 58, \"correct\": 44, \"wrong\": 14, \"unverified\": 0 }"), json);
        assertEquals(balance(json, '{'), balance(json, '}'));
    }

    private static long balance(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }

    @Test
    void deriveShowsTheChainRuleSteps() {
        Run r = run("derive", "derivations/rodriguez-2019-backprop-corrected.deriv");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("dL/dZ1 = dL/da1*da1/dZ1"), r.out());
        assertTrue(r.out().contains("= (a2 - y)*W2*a1*(1 - a1)"), r.out());
        Run one = run("derive", "--of", "Z2", "--wrt", "W1", "derivations/rodriguez-2019-backprop-corrected.deriv");
        assertTrue(one.out().contains("dZ2/dW1 = dZ2/dZ1*dZ1/dW1"), one.out());
        assertTrue(one.out().contains("= dZ2/da1*da1/dZ1*dZ1/dW1"), one.out());
        assertEquals(2, run("derive", "--wrt", "nope", "derivations/rodriguez-2019-backprop-corrected.deriv").code());
    }

    static Stream<Arguments> badInput() {
        String net = "input x, y in [0, 1]\nparam W, b\nZ = W*x + b\na = sigmoid(Z)\nloss L(a, y) = (a - y)^2/2\n";
        return Stream.of(
                Arguments.of("syntax error", net + "dL/da = (a - y\n", "bad.deriv:6:9: unbalanced '('"),
                Arguments.of("stray bracket", net + "code dZ = (a - y)]\n", "bad.deriv:6:18: unexpected ']'"),
                Arguments.of("undefined name", net + "dL/da = a - q\n", "bad.deriv:6:13: undefined name 'q'"),
                Arguments.of("cyclic definitions", "input x\nu = v + x\nv = u\n", "bad.deriv:2:1: cyclic definition: u -> v -> u"),
                Arguments.of("claim outside the graph", net + "dL/dq = 1\n", "bad.deriv:6:1: claim about dL/dq"),
                Arguments.of("Run", net + "dL/da = Run(a)\n", "bad.deriv:6:9: unknown function 'Run'"),
                Arguments.of("Import", net + "z = Import(x)\n", "bad.deriv:6:5: unknown function 'Import'"),
                Arguments.of("ReadString", net + "z = ReadString(x)\n", "bad.deriv:6:5: unknown function 'ReadString'"),
                Arguments.of("JavaNew", net + "z = JavaNew(x)\n", "bad.deriv:6:5: unknown function 'JavaNew'"),
                Arguments.of("Export", net + "z = Export(x, a)\n", "bad.deriv:6:5: unknown function 'Export'"),
                Arguments.of("URLFetch", net + "z = URLFetch(x)\n", "bad.deriv:6:5: unknown function 'URLFetch'"),
                Arguments.of("string argument", net + "z = Import(\"/etc/passwd\")\n", "bad.deriv:6:"),
                Arguments.of("10,000 nested parentheses", net + "z = " + "(".repeat(10_000) + "x" + ")".repeat(10_000) + "\n",
                        "bad.deriv:6:1: line is 20005 characters long"),
                Arguments.of("nested 1,000 deep", net + "z = " + "(".repeat(1_000) + "x" + ")".repeat(1_000) + "\n",
                        "nested more than 200 levels deep"),
                Arguments.of("10^10^10", net + "z = 10^10^10\n", "bad.deriv:6:5: constant exponent 10^10 is too large"),
                Arguments.of("(a+b)^100000", net + "z = (x + W)^100000\n", "constant exponent 100000 is too large"),
                Arguments.of("a 1 MB line", net + "z = " + "x+".repeat(500_000) + "x\n", "bad.deriv:6:1: line is"),
                Arguments.of("implicit call of a non-function", net + "dL/da = q(1 - a)\n", "bad.deriv:6:9: unknown function 'q'"),
                Arguments.of("In for ln", net + "dL/da = In(a)\n", "did you mean 'ln'?"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    @Timeout(30)
    void badInputGetsOneClearMessageAndExitCode2(String what, String text, String expected, @TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("bad.deriv");
        Files.writeString(file, text);
        long filesBefore = countFiles(dir);
        Run r = run("audit", file.toString());
        assertEquals(2, r.code(), what + ": " + r.err());
        assertEquals("", r.out(), "no partial report");
        String err = r.err().replace(dir.toString() + "/", "");
        assertTrue(err.startsWith("gradaudit: bad.deriv:"), err);
        assertTrue(err.contains(expected), what + ": " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), "no stack trace: " + err);
        assertEquals(filesBefore, countFiles(dir), "no file written");
    }

    private static long countFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void usageErrorsAndMissingFiles() {
        Run missing = run("audit", "no/such.deriv");
        assertEquals(2, missing.code());
        assertEquals("gradaudit: no/such.deriv: no such file\n", missing.err());
        Run badFormat = run("audit", "--format", "xml", "derivations/rodriguez-2019-backprop.deriv");
        assertEquals(2, badFormat.code());
        assertTrue(badFormat.err().contains("--format"), badFormat.err());
        assertEquals(2, run("audit", "--points", "3", "derivations/rodriguez-2019-backprop.deriv").code());
        assertEquals(2, run("nosuchcommand").code());
    }

    @Test
    void everyProblemOfAFileIsListed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("many.deriv");
        Files.writeString(file, "input x\na = (x\nb = q\nc = Run(x)\n");
        Run r = run("audit", file.toString());
        assertEquals(2, r.code());
        Matcher m = Pattern.compile("many\\.deriv:(\\d+):\\d+:").matcher(r.err());
        int count = 0;
        while (m.find()) {
            count++;
        }
        assertTrue(count >= 1, r.err());
        assertTrue(r.err().contains(":2:5:"), r.err());
    }

    @Test
    void aGraphWithNoFinitePointIsNotJudgedAndAFileWithNoClaimsSaysSo(@TempDir Path dir) throws IOException {
        Path div0 = dir.resolve("div0.deriv");
        Files.writeString(div0, "input x\nz = 1/0\ndz/dx = 0\n");
        Run r = run("audit", div0.toString());
        assertEquals(1, r.code(), "unverified is not a pass");
        assertTrue(r.out().contains("UNVERIFIED") && r.out().contains("gave finite values"), r.out());
        Path defs = dir.resolve("defs.deriv");
        Files.writeString(defs, "input x\nz = 2*x\n");
        r = run("audit", defs.toString());
        assertEquals(2, r.code(), "definitions alone are nothing to judge, not a pass");
        assertTrue(r.err().contains("nothing to judge") && r.out().isEmpty(), r.err());
        for (String text : new String[] {"", "# only a comment\n\n", "@title Notes\n# nothing else\n"}) {
            Path empty = dir.resolve("empty.deriv");
            Files.writeString(empty, text);
            r = run("audit", empty.toString());
            assertEquals(2, r.code(), "[" + text + "] " + r.out());
            assertTrue(r.err().contains(empty + ": nothing to judge"), r.err());
        }
    }

    @Test
    void aBackpropLineWrittenWithoutCodeIsRefusedWithTheLineMeant(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("nocode.deriv");
        Files.writeString(file, "input x, y\nparam w\nz = w*x\nloss L(z, y) = (z - y)^2/2\ncode dz = z - y\n"
                + "dw = (z - y)*x*7\n");
        Run r = run("audit", file.toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains(file + ":6:1: 'dw' names the gradient of 'w'")
                && r.err().contains("did you mean 'code dw = (z - y)*x*7'?"), r.err());
        // A quantity named so that the graph does use is an ordinary definition.
        Files.writeString(file, "input x, y\nparam w\ndw = 2*w\nz = dw*x\nloss L(z, y) = (z - y)^2/2\n"
                + "dL/dz = z - y\n");
        assertEquals(0, run("audit", file.toString()).code());
    }

    @Test
    void whereValuesHoldOnBothSidesOfADerivativeClaim(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("table.deriv");
        Files.writeString(file, "input x\nparam w\nh = tanh(w*x)\ns = sigmoid(x)\n"
                + "dh/dx = 1 where w = 1, x = 0\nds/dx = 1/4 where x = 0\nd(tanh(x))/dx = 1 where x = 0\n"
                + "dh/dx = 2 where w = 1, x = 0\n");
        Run r = run("audit", file.toString());
        assertTrue(r.out().contains("dh/dx = 1 where w = 1, x = 0   ok"), r.out());
        assertTrue(r.out().contains("ds/dx = 1/4 where x = 0   ok"), r.out());
        assertTrue(r.out().contains("d(tanh(x))/dx = 1 where x = 0   ok"), r.out());
        assertTrue(r.out().contains("dh/dx = 2 where w = 1, x = 0   WRONG"), "still wrong at the point: " + r.out());
        assertEquals(1, r.code());
    }

    @Test
    void leibnizAtomsInsideFormulasOnEitherSide(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("second.deriv");
        Files.writeString(file, "input x, y in [0, 1]\nparam w\na = sigmoid(w*x)\nloss L(a, y) = (a - y)^2/2\n"
                + "2*dL/da = 2*(a - y)\nd(dL/da)/da = 1\nd(dL/da)/da = 2\n");
        Run r = run("audit", file.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("2*dL/da = 2*(a - y)   ok"), r.out());
        assertTrue(r.out().contains("d(dL/da)/da = 1   ok"), r.out());
        assertTrue(r.out().contains("d(dL/da)/da = 2   WRONG (factor)"), r.out());
    }

    @Test
    void aRuleOfItsOwnVariable(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("rule.deriv");
        Files.writeString(file, "input x\nparam w\nz = w*x\nd(ln(u))/du = 1/u\nd(u^2)/du = 2*u^2\n");
        Run r = run("audit", file.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("d(ln(u))/du = 1/u   ok"), r.out());
        assertTrue(r.out().contains("d(u^2)/du = 2*u^2   WRONG"), r.out());
        Files.writeString(file, "input x\nd(ln(u))/du = 1/v\n");
        r = run("audit", file.toString());
        assertEquals(2, r.code(), "a rule may use only its own variable");
        assertTrue(r.err().contains("undefined name 'v'"), r.err());
    }

    @Test
    void theSeedIsPrintedAndReproducesTheReport() {
        Run a = run("audit", "--seed", "42", "derivations/rodriguez-2019-backprop.deriv");
        assertTrue(a.out().contains("seed 42"), a.out());
        assertEquals(a.out(), run("audit", "--seed", "42", "derivations/rodriguez-2019-backprop.deriv").out());
    }
}
