package org.gradaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code gradaudit check FILE --dims ...} on vectorized derivations, through the real command, at small sizes. */
class CheckVectorizedTest {
    private static final String PLANAR = "derivations/dlai-c1w3-planar.deriv";
    private static final String NIELSEN = "derivations/nielsen-network2-minibatch.deriv";
    private static final String NIELSEN_MISTAKES = "derivations/nielsen-network2-minibatch-mistakes.deriv";
    private static final String NIELSEN_DIMS = "n0=5,n1=4,n2=3,m=6";

    private static AuditCommandTest.Run run(String... args) {
        return AuditCommandTest.run(args);
    }

    /** The text report's row of one tensor. */
    private static String row(String out, String tensor) {
        for (String line : out.split("\n")) {
            if (line.startsWith(tensor + " ")) {
                return line;
            }
        }
        throw new AssertionError("no row for " + tensor + " in\n" + out);
    }

    @ParameterizedTest
    @CsvSource({"full, ridders", "full, central", "full, complex-step", "fast, ridders", "fast, complex-step"})
    void aCorrectFilePassesInEveryModeAndMethod(String mode, String method) {
        AuditCommandTest.Run r = run("check", PLANAR, "--dims", "n_x=3,n_h=4,m=5", "--mode", mode, "--method", method);
        assertEquals(0, r.code(), r.out() + r.err());
        for (String t : new String[] {"W1", "b1", "W2", "b2"}) {
            assertTrue(row(r.out(), t).endsWith("pass"), r.out());
        }
        assertTrue(r.out().contains("at n_x=3, n_h=4, m=5"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void fullModeChecksEveryElementAtTheGivenSizes() {
        AuditCommandTest.Run r = run("check", PLANAR, "--dims", "n_x=3,n_h=4,m=5", "--format", "json");
        assertEquals(0, r.code(), r.err());
        // W1 (4, 3), b1 (4, 1), W2 (1, 4), b2 (1, 1)
        assertTrue(r.out().contains("\"elements_checked\": 21"), r.out());
        assertTrue(r.out().contains("\"shape\": [4, 3]"), r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"full", "fast"})
    void wrongCodeLinesFailOnTheirTensorsAndNameTheWorstElement(String mode) {
        AuditCommandTest.Run r = run("check", NIELSEN_MISTAKES, "--dims", NIELSEN_DIMS, "--mode", mode,
                "--max-failures", "100");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(row(r.out(), "w1").matches("w1 .* w1\\[\\d,\\d\\] .*FAIL"), r.out());
        assertTrue(row(r.out(), "b2").matches("b2 .* b2\\[\\d,0\\] .*FAIL"), r.out());
        assertTrue(row(r.out(), "w2").endsWith("pass"), r.out());
        assertTrue(row(r.out(), "b1").endsWith("pass"), r.out());
        assertTrue(r.out().contains("\n  w1["), r.out());
        assertTrue(r.out().contains("\n  b2["), r.out());
    }

    @Test
    void theCorrectNielsenFilePasses() {
        AuditCommandTest.Run r = run("check", NIELSEN, "--dims", NIELSEN_DIMS, "--seed", "7");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("seed 7"), r.out());
    }

    @Test
    void codeThatCannotRunOrHasTheWrongShapeFailsThoseTensorsWithTheReason() {
        AuditCommandTest.Run r = run("check", "derivations/dlai-c1w3-planar-mistakes.deriv", "--dims", "n_x=3,n_h=4,m=5",
                "--format", "json");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("\"kind\": \"no-gradient\""), r.out());
        assertTrue(r.out().contains("line 20 could not run: its shapes do not fit"), r.out());
        assertTrue(r.out().contains("line 24 computes db1 of shape [4], but b1 has shape [4, 1]"), r.out());
    }

    @Test
    void aTensorWhoseCodeConsumesALineThatCannotRunNamesThatLine() {
        AuditCommandTest.Run r = run("check", "derivations/dlai-c1w4-step-by-step-mistakes.deriv", "--dims",
                "n_prev=5,n=4,m=6", "--mode", "fast");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().matches("(?s).*\\n  W: line \\d+ uses dZ, and line \\d+ could not run.*"), r.out());
        // the missing 1/m of db2 is a wrong value: its element is named, with both values
        assertTrue(row(r.out(), "b2").matches("b2 .* b2\\[0,0\\] .*FAIL"), r.out());
    }

    @Test
    void aParameterWithoutCodeIsReportedNotPassed(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("partial.deriv");
        Files.writeString(f, String.join("\n", "dim n, m", "input X : (n, m)", "param W : (1, n), b : (1, 1)",
                "Z = np.dot(W, X) + b", "loss L(Z, X) = 0.5 * np.sum(Z ** 2)", "code dZ = Z",
                "code dW = np.dot(dZ, X.T)", ""));
        AuditCommandTest.Run r = run("check", f.toString(), "--dims", "n=3,m=4");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(row(r.out(), "W").endsWith("pass"), r.out());
        assertTrue(row(r.out(), "b").endsWith("FAIL"), r.out());
        assertTrue(r.out().contains("b: no code line assigns the gradient of b"), r.out());
    }

    @Test
    void theSeedChangesTheDrawnPointAndTheSameSeedRepeatsIt() {
        String a = run("check", PLANAR, "--dims", "n_x=3,n_h=4,m=5", "--seed", "3", "--format", "json").out();
        String b = run("check", PLANAR, "--dims", "n_x=3,n_h=4,m=5", "--seed", "3", "--format", "json").out();
        String c = run("check", PLANAR, "--dims", "n_x=3,n_h=4,m=5", "--seed", "4", "--format", "json").out();
        String worst = "\"worst\": \\{[^}]*\\}";
        assertEquals(a.replaceAll("\"seconds\": [0-9.]+", ""), b.replaceAll("\"seconds\": [0-9.]+", ""));
        assertFalse(a.replaceAll("(?s).*?(" + worst + ").*", "$1").equals(c.replaceAll("(?s).*?(" + worst + ").*", "$1")),
                a + c);
    }

    @ParameterizedTest
    @ValueSource(strings = {"junit", "html"})
    void otherFormatsReportTheTensors(String format) {
        AuditCommandTest.Run r = run("check", NIELSEN_MISTAKES, "--dims", NIELSEN_DIMS, "--format", format,
                "--max-failures", "100");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("w1"), r.out());
        assertTrue(r.out().contains("b2["), r.out());
    }

    @Test
    void missingDimsAreNamed() {
        AuditCommandTest.Run r = run("check", PLANAR, "--dims", "n_x=3,m=5");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--dims gives no size to n_h"), r.err());
        assertTrue(r.err().contains("n_x, n_h, m (line 10)"), r.err());
        AuditCommandTest.Run none = run("check", PLANAR);
        assertEquals(2, none.code());
        assertTrue(none.err().contains("give each a size with --dims, e.g. --dims n_x=8,n_h=8,m=32"), none.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "n_x=3,n_h=4,m     | 'm' is not NAME=SIZE",
        "n_x=3,n_h=4,m=0   | the size of m must be a whole number of at least 1",
        "n_x=3,n_h=4,m=2.5 | the size of m must be a whole number",
        "n_x=3,n_h=4,m=99999999999 | the size of m must be a whole number",
        "n_x=3,n_h=4,,m=5  | '' is not NAME=SIZE",
        "n_x=3,n_x=4,m=5   | --dims gives n_x twice",
        "n_x=3,n_H=4,m=5   | declares no dimension n_H (did you mean n_h?)",
        "n_x=3,n_h=4,m=5,zz=2 | declares no dimension zz; it declares n_x, n_h, m (line 10)"})
    void badDimsAreRefusedWithOneMessage(String dims, String message) {
        AuditCommandTest.Run r = run("check", PLANAR, "--dims", dims);
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void sizesBeyondTheMemoryBudgetAreRefused() {
        AuditCommandTest.Run r = run("check", PLANAR, "--dims", "n_x=10000,n_h=10000,m=32");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("the sizes n_x=10000, n_h=10000, m=32 of " + PLANAR + " would need about"), r.err());
        assertTrue(r.err().contains("use smaller sizes"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void dimsNeedAVectorizedFile() {
        AuditCommandTest.Run r = run("check", "--dims", "n=3");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--dims needs a vectorized derivation FILE"), r.err());
        AuditCommandTest.Run s = run("check", "derivations/tanh-sigmoid-bce.deriv", "--dims", "n=3");
        assertEquals(2, s.code());
        assertTrue(s.err().contains("this file declares none"), s.err());
    }

    @Test
    void aReluRowLayoutFileWithAnL2TermPasses() {
        AuditCommandTest.Run r = run("check", "derivations/cs231n-case-study.deriv", "--dims", "N=5,D=3,n_h=4,K=3");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(row(r.out(), "W").endsWith("pass"), r.out());
    }
}
