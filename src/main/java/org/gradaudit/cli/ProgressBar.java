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
    private final long start = System.nanoTime();
    private boolean drawn;

    ProgressBar(PrintWriter err, boolean terminal) {
        this.err = err;
        this.enabled = terminal;
    }

    @Override
    public void progress(long done, long total) {
        if (!enabled || total <= 0 || System.nanoTime() - start < DELAY_NANOS) {
            return;
        }
        int filled = (int) (WIDTH * done / total);
        err.print(String.format(Locale.ROOT, "\rchecking [%s%s] %3d%% %,d/%,d", "#".repeat(filled),
                ".".repeat(WIDTH - filled), 100 * done / total, done, total));
        err.flush();
        drawn = true;
    }

    @Override
    public void close() {
        if (drawn) {
            err.print("\r" + " ".repeat(WIDTH + 40) + "\r");
            err.flush();
        }
    }
}
