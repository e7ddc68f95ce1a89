package org.gradaudit.check.grad;

import java.util.function.Supplier;
import org.gradaudit.gradient.CheckTarget;

/**
 * A cold JVM's warm-up of the checker, run on its own thread while the caller builds the real
 * target: it checks a miniature of that target (the same kind of network, method and mode, a few
 * units and examples) over and over, so that the classes the check needs are loaded and its loops
 * compiled by the time the real check starts. It changes nothing the real check computes: the
 * miniature is a separate target, and the checker keeps no state between checks.
 *
 * <p>The warm-up only uses time that overlaps with building the real target: {@link #finish()}
 * stops it (in fast mode after the direction in progress, in full mode after the miniature
 * check in progress: a few milliseconds at most) and waits for it. So a check's {@code seconds} leaves out class loading and interpretation that the warm-up
 * did meanwhile, and the process's wall time is what shows the whole cost.
 */
public final class Warmup {
    /** At most this many miniature checks, so that a warm-up nobody finishes stops by itself. */
    static final int MAX_CHECKS = 200;
    /**
     * Random directions per miniature check in fast mode: each is one line through the miniature
     * (its first-layer product) and one directional derivative, the code a fast check runs once per
     * direction, so that it is called often enough to be compiled (a few hundred calls).
     */
    static final int DIRECTIONS = 32;

    private final Thread thread;
    private volatile boolean stop;
    private volatile int done;

    private Warmup(Supplier<CheckTarget> miniature, CheckOptions options) {
        CheckOptions one = new CheckOptions(options.method(), options.mode(),
                options.mode() == Mode.FAST ? DIRECTIONS : 1, options.maxFailures(), options.seed(), 1,
                options.atol(), options.rtol());
        // Told after every direction (fast mode): a finished warm-up ends the miniature check there.
        ProgressListener abort = (d, total) -> {
            if (stop) {
                throw new Stopped();
            }
        };
        thread = new Thread(() -> {
            try {
                for (int i = 0; i < MAX_CHECKS && !stop; i++) {
                    GradientChecker.check(miniature.get(), one, abort);
                    done = i + 1;
                }
            } catch (RuntimeException | LinkageError e) {
                // Stopped, or anything else: nothing depends on a warm-up, and the real check, on its own
                // target, reports whatever went wrong here.
            }
        }, "gradaudit-warmup");
        thread.setDaemon(true);
    }

    /** Ends a miniature check early; never leaves the warm-up's thread. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }

    /** Starts checking {@code miniature()} targets with these options, on one thread, until {@link #finish()}. */
    public static Warmup start(Supplier<CheckTarget> miniature, CheckOptions options) {
        Warmup w = new Warmup(miniature, options);
        w.thread.start();
        return w;
    }

    /**
     * Stops the warm-up and waits for it to end.
     *
     * @return the number of miniature checks it finished
     */
    public int finish() {
        stop = true;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return done;
    }
}
