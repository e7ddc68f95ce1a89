package org.gradaudit.matrix.parse;

/** A formula that is outside the supported numpy subset, at a 1-based column of its line. */
final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;
    private final int column;

    SyntaxError(int column, String message) {
        super(message, null, false, false);
        this.column = column;
    }

    int column() {
        return column;
    }
}
