package org.gradaudit.symbolic;

import org.gradaudit.bounds.Deadline;
import org.matheclipse.core.eval.exception.LimitException;

/**
 * What a failed {@link Cas} call says: a size limit, a nesting too deep, a result the expression
 * language cannot write, a time-out (bounded: the CAS gave up, the input is not wrong), or Symja's
 * own failure; the call is named, shortened to 120 characters.
 */
final class CasFailures {
    private CasFailures() {
    }

    static CasException translate(String what, Throwable cause) {
        if (cause instanceof LimitException) {
            return bounded("a size limit was hit (" + cause.getMessage() + "): " + shorten(what));
        }
        if (cause instanceof StackOverflowError) {
            return bounded("too deeply nested: " + shorten(what));
        }
        if (cause instanceof FromSymja.Unwritable) {
            return new CasException("the result holds " + cause.getMessage()
                    + ", which an expression cannot write: " + shorten(what));
        }
        if (cause instanceof org.matheclipse.core.eval.exception.TimeoutException) {
            return bounded("gave up, out of time: " + shorten(what));
        }
        return new CasException("Symja failed (" + cause + "): " + shorten(what), cause);
    }

    static String shorten(String what) {
        return what.length() <= 120 ? what : what.substring(0, 117) + "...";
    }

    static CasException outOfTime(Deadline deadline, String what) {
        return bounded(deadline.describe() + " ran out: " + shorten(what));
    }

    static CasException bounded(String message) {
        return new CasException(message, true);
    }
}
