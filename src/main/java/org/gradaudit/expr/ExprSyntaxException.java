package org.gradaudit.expr;

/** A formula that cannot be read; {@link #offset()} is the 0-based position in the parsed text. */
public final class ExprSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int offset;

    public ExprSyntaxException(int offset, String message) {
        super(message, null, false, false);
        this.offset = offset;
    }

    /** 0-based character offset in the text given to the parser. */
    public int offset() {
        return offset;
    }
}
