package org.gradaudit.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.gradaudit.report.TerminalText;

/**
 * What a command that did not end normally tells its user: one message on stderr and an exit code.
 * Bad input and bounds that were hit (time, memory, depth) are the input's doing: exit 2. Anything
 * else is a bug: exit 3, with the stack trace only under {@code --debug}.
 */
final class Failures {
    private Failures() {
    }

    /** The exit code for {@code t}: 2 for bad input or a bound hit, 3 for a bug. */
    static int exitCode(Throwable t) {
        return t instanceof InputException || t instanceof StackOverflowError || t instanceof OutOfMemoryError ? 2 : 3;
    }

    /**
     * Prints the one message for {@code t} and returns its exit code.
     *
     * @param debug whether to print the stack trace of an internal error
     */
    static int report(Throwable t, PrintWriter err, boolean debug) {
        int code = exitCode(t);
        if (t instanceof InputException) {
            err.println("gradaudit: " + TerminalText.escape(t.getMessage()));
        } else if (t instanceof StackOverflowError) {
            err.println("gradaudit: the input is nested too deeply: the stack bound ("
                    + (Main.STACK_BYTES >> 20) + " MiB) was hit; simplify or split the file");
        } else if (t instanceof OutOfMemoryError) {
            err.println(String.format(Locale.ROOT, "gradaudit: out of memory: the heap bound (%d MiB, java -Xmx) was hit;"
                    + " the input is too large for it", Runtime.getRuntime().maxMemory() >> 20));
        } else {
            err.println("gradaudit: internal error: " + TerminalText.escape(String.valueOf(t)));
            if (!debug) {
                err.println("(run again with --debug for the stack trace, and please report it)");
            }
        }
        if (debug && !(t instanceof InputException)) {
            t.printStackTrace(err);
        }
        err.flush();
        return code;
    }
}
