package org.gradaudit.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Derivation files come from strangers: whatever a file says, the audit ends with a report (0 or 1)
 * or one message about the input (2), never an internal error. Files are the repository's
 * derivations with a few characters or lines changed, the way typos and half-edits look.
 */
class MutatedDerivationsProperties {
    private static final String ALPHABET = "()+-*/^=,.0123456789 abxyzLWdeZ_#@[]{}\"'\\";

    /** One change to a file: where, what kind, and which character. */
    record Mutation(int line, int column, int kind, int character) {
        List<String> apply(List<String> lines) {
            List<String> out = new ArrayList<>(lines);
            int i = line % out.size();
            String s = out.get(i);
            int at = s.isEmpty() ? 0 : column % (s.length() + 1);
            switch (kind) {
                case 0 -> out.set(i, at < s.length() ? s.substring(0, at) + s.substring(at + 1) : s);
                case 1 -> out.set(i, s.substring(0, at) + ALPHABET.charAt(character % ALPHABET.length()) + s.substring(at));
                case 2 -> out.add(i, out.get(character % out.size()));
                default -> out.remove(i);
            }
            return out.isEmpty() ? List.of("") : out;
        }
    }

    @Property(tries = 60, seed = "20261128")
    void neverAnInternalError(@ForAll("files") Path file, @ForAll("mutations") List<Mutation> mutations)
            throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (Mutation m : mutations) {
            lines = m.apply(lines);
        }
        Path mutated = Files.createTempFile("mutated", ".deriv");
        try {
            Files.write(mutated, lines);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(new String[] {"audit", "--time-limit", "20", mutated.toString()}, new PrintWriter(out),
                    new PrintWriter(err));
            assertTrue(code == 0 || code == 1 || code == 2, "exit " + code + ": " + err + "\n" + String.join("\n", lines));
            assertFalse(err.toString().contains("internal error"), err.toString());
        } finally {
            Files.delete(mutated);
        }
    }

    @Provide
    Arbitrary<Path> files() {
        return Arbitraries.of("rodriguez-2019-backprop", "three-layer-sigmoid-mistakes", "relu-mse", "mse-linear-output")
                .map(n -> Path.of("derivations", n + ".deriv"));
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Integer> any = Arbitraries.integers().between(0, 10_000);
        return Combinators.combine(any, any, Arbitraries.integers().between(0, 3), any).as(Mutation::new)
                .list().ofMinSize(1).ofMaxSize(3);
    }
}
