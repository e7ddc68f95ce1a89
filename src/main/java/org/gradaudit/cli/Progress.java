package org.gradaudit.cli;

import java.io.PrintWriter;

/** One line of progress on stderr, rewritten in place, only on a terminal; erased at the end. */
final class Progress implements AutoCloseable {
    private final PrintWriter err;
    private final boolean enabled;
    private int width;

    Progress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    void show(String line) {
        if (!enabled) {
            return;
        }
        String shown = line.length() > 78 ? line.substring(0, 77) + "~" : line;
        err.print("\r" + shown + " ".repeat(Math.max(0, width - shown.length())));
        err.flush();
        width = shown.length();
    }

    @Override
    public void close() {
        if (enabled && width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
        }
    }
}
