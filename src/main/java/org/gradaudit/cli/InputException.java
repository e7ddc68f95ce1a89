package org.gradaudit.cli;

/**
 * Bad input from the user: the CLI prints {@link #getMessage()} alone on stderr and exits 2.
 * The message names file:line:column where there is one.
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message, null, false, false);
    }
}
