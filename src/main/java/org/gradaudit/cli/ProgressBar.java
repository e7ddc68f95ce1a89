package org.gradaudit.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.gradaudit.check.grad.ProgressListener;

/**
 * A one-line progress bar on stderr, drawn only on a terminal and only once a run has taken more
 * than a second; erased when the run ends.
 */
final class ProgressBar implements ProgressListener, AutoCloseable {
    private static final long DELAY_NANOS = 1_000_000_000L;
    private static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean enabled;
    private final String label;
    private final long delayNanos;
    private final long start = System.nanoTime();
    private boolean drawn;

    ProgressBar(PrintWriter err, boolean terminal) {
        this(err, terminal, "checking", DELAY_NANOS);
    }

    /**
     * A bar that starts with {@code label} ("auditing"), drawn once {@code delayNanos} have passed.
     *
     * @param terminal whether stderr is a terminal that may show it ({@link Terminal#progress()}); else nothing is drawn
     */
    ProgressBar(PrintWriter err, boolean terminal, String label, long delayNanos) {
        this.err = err;
        this.enabled = terminal;
        this.label = label;
        this.delayNanos = delayNanos;
    }

    /** A bar for an audit, drawn after the usual second. */
    static ProgressBar auditing(PrintWriter err, boolean terminal) {
        return new ProgressBar(err, terminal, "auditing", DELAY_NANOS);
    }

    @Override
    public void progress(long done, long total) {
        if (!enabled || total <= 0 || System.nanoTime() - start < delayNanos) {
            return;
        }
        int filled = (int) (WIDTH * done / total);
        err.print(String.format(Locale.ROOT, "\r%s [%s%s] %3d%% %,d/%,d", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), 100 * done / total, done, total));
        err.flush();
        drawn = true;
    }

    @Override
    public void close() {
        if (drawn) {
            err.print("\r" + " ".repeat(WIDTH + 40 + label.length()) + "\r");
            err.flush();
        }
    }
}
