package org.gradaudit.matrix.parse;

import java.util.IdentityHashMap;
import java.util.List;
import org.gradaudit.derivation.Derivation;
import org.gradaudit.matrix.expr.MExpr;

/**
 * A parsed vectorized derivation file.
 *
 * @param source the file's name and metadata, as the scalar parser gives them (its statement list is empty)
 * @param statements in file order
 * @param columns the column of every parsed node, by identity, for positioned messages
 */
public record MatrixDerivation(Derivation source, List<MStatement> statements, IdentityHashMap<MExpr, Integer> columns) {
    public MatrixDerivation {
        statements = List.copyOf(statements);
    }

    /** The column of a parsed node, or 1 when it was not parsed from the file. */
    public int column(MExpr e) {
        return columns.getOrDefault(e, 1);
    }
}
