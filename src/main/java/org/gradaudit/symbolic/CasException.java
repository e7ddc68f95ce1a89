package org.gradaudit.symbolic;

/**
 * The computer algebra system could not answer within its bounds: a timeout, an input or
 * intermediate result too large, or a result the expression language cannot write. The message
 * says which, in a sentence a reader can act on.
 */
public final class CasException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean boundHit;

    /** @param message what bound was hit or what failed, and where */
    public CasException(String message) {
        this(message, false);
    }

    CasException(String message, boolean boundHit) {
        super(message);
        this.boundHit = boundHit;
    }

    /**
     * @param message what bound was hit or what failed, and where
     * @param cause the underlying failure
     */
    public CasException(String message, Throwable cause) {
        super(message, cause);
        this.boundHit = false;
    }

    /**
     * Whether a time or size bound was hit, as opposed to any other failure (a result the
     * expression language cannot write, or a failure inside the CAS).
     *
     * @return true for a timeout or a size limit
     */
    public boolean boundHit() {
        return boundHit;
    }
}
