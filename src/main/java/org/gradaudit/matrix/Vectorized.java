package org.gradaudit.matrix;

import java.time.Duration;
import java.util.regex.Pattern;
import org.gradaudit.check.AuditResult;
import org.gradaudit.check.tolerance.BoundedAgreement;
import org.gradaudit.derivation.DerivationException;
import org.gradaudit.matrix.check.MatrixAuditor;
import org.gradaudit.matrix.model.MatrixModel;
import org.gradaudit.matrix.model.MatrixModelBuilder;
import org.gradaudit.matrix.parse.MatrixFileParser;

/**
 * The one hook between the scalar tool and vectorized derivations: a file with a {@code dim}
 * statement is vectorized; {@link #load} reads it and {@link #audit} audits it into the same
 * {@link AuditResult} the scalar auditor gives, so every renderer and exit code applies unchanged.
 */
public final class Vectorized {
    private static final Pattern DIM = Pattern.compile("(?m)^\\s*dim\\s+[A-Za-z_]");

    private Vectorized() {
    }

    /** Whether a derivation file's text declares dimensions, and so is read as a vectorized file. */
    public static boolean declaresDims(String text) {
        return DIM.matcher(text).find();
    }

    /**
     * Parses and resolves a vectorized file.
     *
     * @throws DerivationException every problem, each with file:line:column (shape errors in
     *     definitions included)
     */
    public static MatrixModel load(String file, String text) throws DerivationException {
        return MatrixModelBuilder.build(MatrixFileParser.parse(file, text));
    }

    /**
     * A vectorized file as a gradient-check target at the given sizes: its code lines, run in order
     * at those sizes, against its loss; see {@link org.gradaudit.matrix.check.CheckTargets#of}.
     *
     * @param sizes a size for every declared dimension
     * @param evaluators how many evaluators of the loss the check may hold at once
     * @throws IllegalArgumentException if a size is missing, the sizes exceed the memory budget, no
     *     seeded draw gives a finite loss, or a code line uses a gradient before it is assigned
     */
    public static org.gradaudit.gradient.CheckTarget checkTarget(MatrixModel model, java.util.Map<String, Integer> sizes,
                                                                 long seed, int evaluators) {
        return org.gradaudit.matrix.check.CheckTargets.of(model, sizes, seed, evaluators);
    }

    /**
     * Audits a vectorized file.
     *
     * @param points random points per statement, spread over the size draws
     */
    public static AuditResult audit(MatrixModel model, long seed, int points, BoundedAgreement tolerance, Duration timeLimit) {
        return MatrixAuditor.audit(model, seed, points, tolerance, timeLimit);
    }
}
