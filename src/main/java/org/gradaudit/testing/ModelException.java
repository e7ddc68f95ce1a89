package org.gradaudit.testing;

/** A user's model broke its contract (threw, returned NaN, a gradient of the wrong length, ...). */
public final class ModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message, null, false, false);
    }

    /** @param cause what the model threw, for {@code --debug} */
    public ModelException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
