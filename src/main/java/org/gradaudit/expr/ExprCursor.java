package org.gradaudit.expr;

/**
 * The characters under {@link ExprParser}: a position in the formula's text, and the tokens read
 * from there (names, numbers, operators, a closing parenthesis) with the spellings pasted text
 * uses ({@code ×}, {@code ·}, {@code −}, {@code **}). The grammar lives in the parser.
 */
final class ExprCursor {
    final String text;
    /** The column of the text's first character in the line it comes from, for messages that name another column. */
    final int firstColumn;
    /** The position of the next character to read. */
    int pos;

    ExprCursor(String text, int firstColumn) {
        this.text = text;
        this.firstColumn = firstColumn;
    }

    /** A name's characters from here. */
    String word() throws ExprSyntaxException {
        int start = pos;
        while (pos < text.length() && Names.isPart(text.charAt(pos))) {
            pos++;
        }
        String w = text.substring(start, pos);
        if (w.length() > Names.MAX_LENGTH) {
            throw new ExprSyntaxException(start, "name longer than " + Names.MAX_LENGTH + " characters");
        }
        return w;
    }

    /** A number literal from here: digits, a fraction, an exponent. */
    Expr number() throws ExprSyntaxException {
        int start = pos;
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int mark = pos + 1;
            if (mark < text.length() && (text.charAt(mark) == '+' || text.charAt(mark) == '-')) {
                mark++;
            }
            if (mark < text.length() && isDigit(text.charAt(mark))) {
                pos = mark;
                while (pos < text.length() && isDigit(text.charAt(pos))) {
                    pos++;
                }
            }
        }
        double v = Double.parseDouble(text.substring(start, pos));
        if (!Double.isFinite(v)) {
            throw new ExprSyntaxException(start, "number too large: " + text.substring(start, pos));
        }
        return new Expr.Num(v);
    }

    void expectClose(int open) throws ExprSyntaxException {
        skipSpace();
        if (pos >= text.length()) {
            throw new ExprSyntaxException(open, "unbalanced '(': it is never closed");
        }
        if (text.charAt(pos) != ')') {
            throw new ExprSyntaxException(pos, "expected ')' to close the '(' at column " + (firstColumn + open)
                    + ", found " + Pasted.describe(text.codePointAt(pos)));
        }
        pos++;
    }

    boolean startsPrimary() {
        if (pos >= text.length()) {
            return false;
        }
        char c = text.charAt(pos);
        return c == '(' || isDigit(c) || Names.isStart(c);
    }

    boolean peekOp(char op) {
        if (pos >= text.length()) {
            return false;
        }
        char c = text.charAt(pos);
        return c == op || (op == '-' && c == '\u2212');
    }

    boolean peekTimes() {
        if (pos >= text.length()) {
            return false;
        }
        char c = text.charAt(pos);
        if (c == '*') {
            return !(pos + 1 < text.length() && text.charAt(pos + 1) == '*');
        }
        return c == '\u00d7' || c == '\u00b7';
    }

    boolean peekPow() {
        if (pos >= text.length()) {
            return false;
        }
        return text.charAt(pos) == '^' || text.startsWith("**", pos);
    }

    void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
