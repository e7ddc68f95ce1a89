package org.gradaudit.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command line in a child JVM with a small heap, so that a test shows a memory bound: the
 * command must end with its message within the heap it was given, not with an OutOfMemoryError.
 */
final class ChildJvm {
    /** What the child did, and how long it took. */
    record Run(int code, String out, String err, long millis) {
    }

    private ChildJvm() {
    }

    /**
     * @param heap the child's -Xmx, e.g. "256m"
     * @param timeoutSeconds after which the child is killed and the test fails
     */
    static Run run(String heap, long timeoutSeconds, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx" + heap);
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Main.class.getName());
        command.addAll(List.of(args));
        Path out = Files.createTempFile("child", ".out");
        Path err = Files.createTempFile("child", ".err");
        try {
            long start = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("still running after " + timeoutSeconds + " s: " + String.join(" ", args));
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), millis);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
