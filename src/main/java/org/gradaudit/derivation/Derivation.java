package org.gradaudit.derivation;

import java.util.List;

/**
 * A parsed derivation file: where its formulas come from, and its statements in file order.
 *
 * @param file the path as given by the user, used in every position
 * @param title the source's title, or "" when the file does not say
 * @param author the source's author, or ""
 * @param date the source's date or year, or ""
 * @param url the source's address, or ""
 */
public record Derivation(String file, String title, String author, String date, String url,
                         List<Statement> statements) {
    public Derivation {
        statements = List.copyOf(statements);
    }
}
