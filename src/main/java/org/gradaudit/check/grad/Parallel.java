package org.gradaudit.check.grad;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.gradaudit.numeric.loss.PerturbableLoss;

/**
 * Runs independent tasks on a few threads, each thread with its own evaluator: the ranges of
 * elements between given bounds, each range on one thread, which takes its elements in order (so a
 * range can gather what its elements found without locks). Results are written by index, so they
 * do not depend on scheduling. An exception in a task ends the run and is rethrown as it was.
 */
final class Parallel {
    /** The most elements a range should hold: small enough to balance the threads, large enough to cost nothing. */
    static final int CHUNK = 64;

    private Parallel() {
    }

    /** A task over range {@code r}: elements {@code from} (inclusive) to {@code to} (exclusive), in order. */
    interface RangeTask {
        void run(PerturbableLoss.Evaluator ev, int r, int from, int to);
    }

    /**
     * Runs range r, elements {@code bounds[r]} to {@code bounds[r + 1]}, for every r, ranges shared out one at
     * a time from the last to the first. Progress is told in elements, of {@code bounds[bounds.length - 1] - bounds[0]}.
     *
     * @param bounds nondecreasing, at least one entry
     */
    static void forEachRange(int[] bounds, int threads, PerturbableLoss loss, RangeTask task, ProgressListener progress) {
        int ranges = bounds.length - 1;
        long n = bounds[ranges] - bounds[0];
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        Runnable worker = () -> {
            PerturbableLoss.Evaluator ev = loss.evaluator();
            // Last range first: a check's last tensors are its smallest (the output layer's), whose elements take
            // the loss's other paths; met first, they are in the profile the JIT compiles from, which otherwise
            // holds only the first layer's path when the last few elements come and throw the compiled code away.
            for (int i = next.getAndIncrement(); i < ranges; i = next.getAndIncrement()) {
                int r = ranges - 1 - i;
                task.run(ev, r, bounds[r], bounds[r + 1]);
                done.addAndGet(bounds[r + 1] - bounds[r]);
            }
        };
        int used = Math.max(1, Math.min(threads, ranges));
        if (used == 1) {
            worker.run();
            progress.progress(n, n);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(used, r -> {
            Thread t = new Thread(r, "gradaudit-check");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < used; t++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> f : futures) {
                while (true) {
                    try {
                        f.get(100, TimeUnit.MILLISECONDS);
                        break;
                    } catch (TimeoutException e) {
                        progress.progress(done.get(), n);
                    }
                }
            }
            progress.progress(n, n);
        } catch (ExecutionException e) {
            next.set(ranges);
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
