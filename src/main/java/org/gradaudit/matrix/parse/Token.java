package org.gradaudit.matrix.parse;

/**
 * One token of a numpy formula.
 *
 * @param column 1-based column in the line
 */
record Token(Type type, String text, int column) {
    enum Type {
        NAME, NUMBER, OP, LEIBNIZ, END
    }

    boolean is(String op) {
        return type == Type.OP && text.equals(op);
    }
}
