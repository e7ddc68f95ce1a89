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
import org.gradaudit.testing.Generator;
import org.gradaudit.testing.Search;
import org.gradaudit.testing.SearchOptions;
import org.junit.jupiter.api.Test;

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

    /** A file of the repository and the changes made to it, in order. */
    record Mutated(Path file, List<Mutation> mutations) {
    }

    @Test
    void neverAnInternalError() {
        Search.forAll(MUTATED, MutatedDerivationsProperties::fewerChanges,
                SearchOptions.defaults().withTries(60).withSeed(20261128), MutatedDerivationsProperties::auditEnds);
    }

    private static void auditEnds(Mutated c) throws IOException {
        List<String> lines = Files.readAllLines(c.file());
        for (Mutation m : c.mutations()) {
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

    private static final List<String> FILES =
            List.of("rodriguez-2019-backprop", "three-layer-sigmoid-mistakes", "relu-mse", "mse-linear-output");

    /** One of the files, and one to three changes anywhere in it. */
    private static final Generator<Mutated> MUTATED = r -> {
        Path file = Path.of("derivations", FILES.get(r.nextInt(FILES.size())) + ".deriv");
        List<Mutation> mutations = new ArrayList<>();
        for (int k = 1 + r.nextInt(3); k > 0; k--) {
            mutations.add(new Mutation(r.nextInt(10_001), r.nextInt(10_001), r.nextInt(4), r.nextInt(10_001)));
        }
        return new Mutated(file, mutations);
    };

    /** The same file with one change fewer. */
    private static List<Mutated> fewerChanges(Mutated c) {
        List<Mutated> out = new ArrayList<>();
        for (int i = 0; c.mutations().size() > 1 && i < c.mutations().size(); i++) {
            List<Mutation> fewer = new ArrayList<>(c.mutations());
            fewer.remove(i);
            out.add(new Mutated(c.file(), fewer));
        }
        return out;
    }
}
