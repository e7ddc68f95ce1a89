package org.gradaudit.matrix.parse;

import java.util.List;

/**
 * The lexed tokens of one numpy formula, read from left to right by {@link NumpyParser}, {@link Calls}
 * and {@link Arguments}: look at the next token (or the one after it), take it, take it only if it is
 * a given operator, or insist on one with a message that names what was found instead. The list ends
 * with an {@link Token.Type#END} token, which is never taken past.
 */
final class Tokens {
    private final List<Token> tokens;
    private int next;

    Tokens(List<Token> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    /** The next token, not taken. */
    Token peek() {
        return tokens.get(next);
    }

    /** The token after the next one (the end, at the end). */
    Token peekSecond() {
        return tokens.get(Math.min(next + 1, tokens.size() - 1));
    }

    /** The next token, taken. */
    Token take() {
        return tokens.get(next++);
    }

    /** Takes the next token if it is the operator {@code op}. */
    boolean accept(String op) {
        if (peek().is(op)) {
            next++;
            return true;
        }
        return false;
    }

    /**
     * Takes the next token, which must be the operator {@code op}.
     *
     * @param what where it is expected, for the message: {@code "after np"}
     * @throws SyntaxError at the token found instead
     */
    Token expect(String op, String what) throws SyntaxError {
        Token t = peek();
        if (!t.is(op)) {
            throw new SyntaxError(t.column(), "expected '" + op + "' " + what + ", found "
                    + (t.type() == Token.Type.END ? "the end of the formula" : "'" + t.text() + "'"));
        }
        return take();
    }
}
