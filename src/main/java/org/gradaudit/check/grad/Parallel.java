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
 * Runs independent tasks 0..n-1 on a few threads, each thread with its own evaluator. Results are
 * written by index, so they do not depend on scheduling. An exception in a task ends the run and is
 * rethrown as it was.
 */
final class Parallel {
    private static final int CHUNK = 64;

    private Parallel() {
    }

    interface Task {
        void run(PerturbableLoss.Evaluator ev, int i);
    }

    static void forEach(int n, int threads, PerturbableLoss loss, Task task, ProgressListener progress) {
        AtomicInteger next = new AtomicInteger();
        AtomicLong done = new AtomicLong();
        Runnable worker = () -> {
            PerturbableLoss.Evaluator ev = loss.evaluator();
            for (int start = next.getAndAdd(CHUNK); start < n; start = next.getAndAdd(CHUNK)) {
                int end = Math.min(n, start + CHUNK);
                for (int i = start; i < end; i++) {
                    task.run(ev, i);
                }
                done.addAndGet(end - start);
            }
        };
        int used = Math.max(1, Math.min(threads, (n + CHUNK - 1) / CHUNK));
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
            next.set(n);
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
