package org.gradaudit.bounds;

/**
 * A command's time limit ran out in the middle of a piece of work. Whoever started the work with
 * the {@link Deadline} catches it and reports what was cut short; it is never a bug.
 */
public final class TimeLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param what what was being done when time ran out */
    public TimeLimitException(Deadline deadline, String what) {
        super(deadline.describe() + " ran out while " + what, null, false, false);
    }
}
