package org.gradaudit.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gradaudit.derivation.DerivationException;
import org.gradaudit.derivation.DerivationParser;
import org.gradaudit.model.Model;
import org.gradaudit.model.ModelBuilder;

/**
 * Loads derivation files of the repository for tests (here and in other packages), and finds a
 * statement's line by its text.
 */
public final class TutorialAudit {
    public static final Path PUBLISHED = Path.of("derivations/rodriguez-2019-backprop.deriv");
    public static final Path CORRECTED = Path.of("derivations/rodriguez-2019-backprop-corrected.deriv");

    private TutorialAudit() {
    }

    /** The model of a derivation file; a file that does not parse fails the test with its problems. */
    public static Model model(Path file) {
        try {
            return ModelBuilder.build(DerivationParser.parse(file.toString(), Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DerivationException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    static AuditResult audit(Path file, long seed) {
        return Auditor.audit(model(file), Auditor.Options.defaults(seed));
    }

    /** Every line number whose statement (without comment) is exactly {@code statement}. */
    static List<Integer> lines(Path file, String statement) {
        try {
            List<String> all = Files.readAllLines(file);
            List<Integer> out = new java.util.ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                String text = all.get(i).replaceAll("#.*", "").strip();
                if (text.equals(statement)) {
                    out.add(i + 1);
                }
            }
            if (out.isEmpty()) {
                throw new AssertionError("no line '" + statement + "' in " + file);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
