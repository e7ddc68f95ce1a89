package org.gradaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A --model cannot fake a pass, hang, or be misreported: what it did is said, with exit 2 or 3. */
class ModelHardeningTest {
    private static AuditCommandTest.Run run(String... args) {
        return AuditCommandTest.run(args);
    }

    /** The real command in a child JVM: for models that end the JVM or never return. */
    private static AuditCommandTest.Run child(long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("still running after " + timeoutSeconds + " s: " + cmd);
        }
        return new AuditCommandTest.Run(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "StaticThrows|its static initialiser threw java.lang.IllegalStateException: data file missing",
        "ConstructorThrows|its constructor threw java.lang.IllegalArgumentException: no weights given",
        "NullParameter|parameters() returned null at position 1 of 2",
        "SneakyChecked|threw java.io.IOException: weights.bin unreadable in loss (a checked exception"})
    void whatTheModelDidIsSaidWithExitTwo(String model, String message) {
        AuditCommandTest.Run r = run("check", "--model", TestModels.class.getName() + "$" + model);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(r.err().contains("class not found"), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --debug: " + r.err());
    }

    @Test
    void debugPrintsTheModelsOwnStackTrace() {
        AuditCommandTest.Run r = run("--debug", "check", "--model", TestModels.StaticThrows.class.getName());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("what it threw:"), r.err());
        assertTrue(r.err().contains("at org.gradaudit.cli.TestModels$StaticThrows.load"), r.err());
        AuditCommandTest.Run c = run("--debug", "check", "--model", TestModels.ConstructorThrows.class.getName());
        assertTrue(c.err().contains("at org.gradaudit.cli.TestModels$ConstructorThrows.<init>"), c.err());
    }

    @Test
    void aModelThatCallsSystemExitIsCaughtNotAPass() throws Exception {
        AuditCommandTest.Run r = child(120, "check", "--model", TestModels.ExitsInLoss.class.getName());
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("the model ended the JVM: org.gradaudit.cli.TestModels$ExitsInLoss.loss called"
                + " System.exit"), r.err());
    }

    @Test
    void aModelWhoseLossNeverReturnsIsStoppedAtTheTimeLimit() throws Exception {
        long start = System.nanoTime();
        AuditCommandTest.Run r = child(120, "check", "--model", TestModels.LoopsInLoss.class.getName(), "--time-limit", "1.5");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("did not finish within the time limit of 1.5 s"), r.err());
        assertTrue(seconds < 60, "took " + seconds + " s");
    }

    @Test
    void theClasspathIsAPathListAndEachEntryMustExist(@TempDir Path dir) throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path src = Files.createDirectories(dir.resolve("src/demo")).resolve("Square.java");
        Files.writeString(src, """
                package demo;
                public class Square extends org.gradaudit.cli.TestModels.OffByALittle {
                    @Override
                    public double[] gradient(double[] t) {
                        double[] g = new double[t.length];
                        for (int i = 0; i < t.length; i++) {
                            g[i] = 2 * t[i];
                        }
                        return g;
                    }
                }
                """);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int compiled = javac.run(null, null, null, "-d", classes.toString(), "-cp",
                System.getProperty("java.class.path") + File.pathSeparator + "target/test-classes"
                        + File.pathSeparator + "target/classes", src.toString());
        assertEquals(0, compiled);
        String list = empty + File.pathSeparator + classes;
        AuditCommandTest.Run ok = run("check", "--classpath", list, "--model", "demo.Square");
        assertEquals(0, ok.code(), ok.err());
        AuditCommandTest.Run notFound = run("check", "--classpath", empty.toString(), "--model", "demo.Square");
        assertTrue(notFound.err().contains("--model demo.Square: class not found in " + empty), notFound.err());
        AuditCommandTest.Run missing = run("check", "--classpath", list + File.pathSeparator + "no/such.jar", "--model", "demo.Square");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("--classpath no/such.jar: no such file or directory"), missing.err());
    }
}
