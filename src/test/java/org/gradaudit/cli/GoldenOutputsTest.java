package org.gradaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole output of {@code audit}, {@code derive} and {@code check} on the derivations in the
 * repository and a few built-in networks, byte for byte, against files recorded before a refactoring:
 * a change of behaviour shows here as a diff. Only what truly varies between runs is masked: the
 * in-process seconds of a gradient check, and why the CAS gave no proof of a statement that holds at
 * every point (a loaded machine turns "could not simplify" into "hit its time bound"). The cases are an explicit list, so derivation files added
 * later do not break the test; add a case (and record it) to cover one.
 *
 * <p>To re-record after an intended change of output: {@code mvn test -Dtest=GoldenOutputsTest
 * -Dgolden.update=true}, then review the diff of {@code src/test/resources/golden/} before committing.
 */
class GoldenOutputsTest {
    private static final Path DIR = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    private static final List<String> DERIVATIONS = List.of(
            "mse-linear-output-mistakes", "mse-linear-output", "relu-mse", "rodriguez-2019-backprop-corrected",
            "rodriguez-2019-backprop", "tanh-sigmoid-bce-mistakes", "tanh-sigmoid-bce", "ten-layer-sigmoid",
            "three-layer-sigmoid-mistakes", "three-layer-sigmoid");

    /** Text summary {@code 0.109 s: FAIL}, JSON {@code "seconds": 0.283}, JUnit {@code time="0.039"}. */
    private static final Pattern SECONDS = Pattern.compile(
            "(?<=, )\\d+\\.\\d+(?= s: )|(?<=\"seconds\": )[0-9.eE+-]+|(?<= time=\")[0-9.]+(?=\")");

    /** The two reasons {@code Judge} gives for a symbolic "unknown"; which one depends on the machine's load. */
    private static final Pattern NO_PROOF = Pattern.compile(
            "the CAS hit its time or size bound|the CAS could not simplify the difference to 0");

    record Case(String golden, int exitCode, List<String> args) {
        @Override
        public String toString() {
            return golden;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (String d : DERIVATIONS) {
            String file = "derivations/" + d + ".deriv";
            int code = d.endsWith("-mistakes") || d.equals("rodriguez-2019-backprop") ? 1 : 0;
            // A generous time limit: on a loaded machine, the default could leave statements unreached.
            cases.add(new Case("audit/" + d + ".txt", code, List.of("audit", "--time-limit", "600", file)));
            cases.add(new Case("audit/" + d + ".json", code,
                    List.of("audit", "--time-limit", "600", "--format", "json", file)));
            cases.add(new Case("audit/" + d + ".xml", code,
                    List.of("audit", "--time-limit", "600", "--format", "junit", file)));
            cases.add(new Case("derive/" + d + ".txt", 0, List.of("derive", "--time-limit", "600", file)));
        }
        String published = "derivations/rodriguez-2019-backprop.deriv";
        cases.add(new Case("check/default.txt", 0, List.of("check")));
        cases.add(new Case("check/published-dz1.txt", 1, List.of("check", "--backprop", "published-dz1")));
        cases.add(new Case("check/published-dz1.json", 1,
                List.of("check", "--backprop", "published-dz1", "--format", "json")));
        cases.add(new Case("check/published-dz1.xml", 1,
                List.of("check", "--backprop", "published-dz1", "--format", "junit")));
        cases.add(new Case("check/published-dz1-fast-complex.txt", 1,
                List.of("check", "--backprop", "published-dz1", "--mode", "fast", "--method", "complex-step")));
        cases.add(new Case("check/softmax-central.json", 1, List.of("check", "--layers", "3,4,2", "--output",
                "softmax", "--loss", "cross-entropy", "--batch", "2", "--backprop", "published-dz1", "--method",
                "central", "--format", "json", "--max-failures", "3")));
        cases.add(new Case("check/relu-mse-tanh.txt", 0, List.of("check", "--layers", "3,5,2", "--activation",
                "tanh", "--output", "identity", "--loss", "mse", "--batch", "3", "--seed", "7")));
        cases.add(new Case("check/relu.txt", 0, List.of("check", "--layers", "2,4,1", "--activation", "relu",
                "--seed", "3")));
        cases.add(new Case("check/rodriguez-2019-backprop.txt", 1, List.of("check", published)));
        cases.add(new Case("check/rodriguez-2019-backprop.json", 1, List.of("check", "--format", "json", published)));
        cases.add(new Case("check/rodriguez-2019-backprop.xml", 1, List.of("check", "--format", "junit", published)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputIsAsRecorded(Case c) throws IOException {
        compare(c);
    }

    /** Runs the case's command and compares its output with the recorded file (recording it first under update). */
    static void compare(Case c) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(c.args().toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        String actual = mask(out.toString());
        Path file = DIR.resolve(c.golden());
        if (UPDATE) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertEquals("", err.toString(), String.join(" ", c.args()));
        assertEquals(c.exitCode(), code, String.join(" ", c.args()) + "\n" + out);
        assertTrue(Files.isRegularFile(file), file + " is not recorded: run with -Dgolden.update=true");
        assertEquals(mask(Files.readString(file, StandardCharsets.UTF_8)), actual, String.join(" ", c.args()));
    }

    private static String mask(String output) {
        return NO_PROOF.matcher(SECONDS.matcher(output).replaceAll("<seconds>")).replaceAll("<the CAS gave no proof>");
    }
}
