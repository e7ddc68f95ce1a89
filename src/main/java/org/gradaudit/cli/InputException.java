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

    /**
     * @param cause what a user's code threw (a {@code --model}'s constructor, say): {@code --debug}
     *     prints its stack trace
     */
    public InputException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
