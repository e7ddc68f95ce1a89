package org.gradaudit.symbolic;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * One daemon thread with its own Symja session. Work runs there under a wall-clock bound; a worker
 * that overran is abandoned ({@link #abandon}) and replaced, never waited for. Being a daemon, an
 * abandoned thread cannot keep the JVM alive.
 */
final class Worker {
    /** Symja recurses deeply; a big stack turns deep inputs into limit errors, not crashes. */
    private static final long STACK_BYTES = 64L << 20;

    private final ExecutorService executor;
    private final Future<Session> session;

    /** Starts the thread and opens its session in the background. */
    Worker() {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "gradaudit-cas", STACK_BYTES);
            t.setDaemon(true);
            return t;
        });
        session = executor.submit(Session::open);
    }

    /**
     * Waits for the session to be open.
     *
     * @throws TimeoutException if it is not open within the bound
     * @throws ExecutionException if opening it failed
     */
    void awaitSession(long timeoutNanos) throws TimeoutException, ExecutionException, InterruptedException {
        session.get(timeoutNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * Runs {@code task} on the worker thread with its session.
     *
     * @throws TimeoutException if the task has not finished within the bound; the worker must then
     *     be abandoned
     * @throws ExecutionException if the task threw
     */
    <T> T run(Function<Session, T> task, long timeoutNanos)
            throws TimeoutException, ExecutionException, InterruptedException {
        if (timeoutNanos <= 0) {
            throw new TimeoutException();
        }
        Future<T> f = executor.submit(() -> task.apply(session.get()));
        try {
            return f.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | InterruptedException e) {
            f.cancel(true);
            throw e;
        }
    }

    /** Asks the running computation to stop, interrupts the thread and lets it die on its own. */
    void abandon() {
        if (session.isDone() && !session.isCancelled()) {
            try {
                session.get().engine.stopRequest();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException e) {
                // never opened: nothing to stop
            }
        }
        executor.shutdownNow();
    }
}
