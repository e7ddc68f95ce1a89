package org.gradaudit.symbolic;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * One daemon thread with its own Symja session. Work runs there under a bound on the thread's
 * processor time and one on wall-clock time; a worker that overran is abandoned ({@link #abandon})
 * and replaced, never waited for. Being a daemon, an abandoned thread cannot keep the JVM alive.
 * Where the JVM cannot measure a thread's processor time, wall-clock time stands in for it.
 */
final class Worker {
    /** Symja recurses deeply; a big stack turns deep inputs into limit errors, not crashes. */
    private static final long STACK_BYTES = 64L << 20;
    /** How often a running task's processor time is looked at. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Thread[] thread = new Thread[1];
    /** Processor time of the last task run, whether it finished or not. */
    private long lastCpuNanos;

    private final ExecutorService executor;
    private final Future<Session> session;

    /** Starts the thread and opens its session in the background. */
    Worker() {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(null, r, "gradaudit-cas", STACK_BYTES);
            t.setDaemon(true);
            thread[0] = t;
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
     * Runs {@code task} on the worker thread with its session, until it has used
     * {@code cpuNanos} of that thread's processor time or {@code wallNanos} have passed.
     *
     * @throws TimeoutException if the task has not finished within either bound; the worker must
     *     then be abandoned
     * @throws ExecutionException if the task threw
     */
    <T> T run(Function<Session, T> task, long cpuNanos, long wallNanos)
            throws TimeoutException, ExecutionException, InterruptedException {
        lastCpuNanos = 0;
        if (cpuNanos <= 0 || wallNanos <= 0) {
            throw new TimeoutException();
        }
        long wallEnd = System.nanoTime() + wallNanos;
        long cpuStart = cpuTime();
        Future<T> f = executor.submit(() -> task.apply(session.get()));
        try {
            while (true) {
                long wallLeft = wallEnd - System.nanoTime();
                if (wallLeft <= 0) {
                    throw new TimeoutException();
                }
                try {
                    return f.get(Math.min(POLL_NANOS, wallLeft), TimeUnit.NANOSECONDS);
                } catch (TimeoutException stillRunning) {
                    if (cpuTime() - cpuStart >= cpuNanos) {
                        throw stillRunning;
                    }
                }
            }
        } catch (TimeoutException | InterruptedException e) {
            f.cancel(true);
            throw e;
        } finally {
            lastCpuNanos = cpuTime() - cpuStart; // also what a task that threw spent
        }
    }

    /** Processor time of the last task {@link #run}, whether it finished or not. */
    long lastCpuNanos() {
        return lastCpuNanos;
    }

    /** The worker thread's processor time so far, or the wall clock where that is not measured. */
    private long cpuTime() {
        Thread t = thread[0];
        long cpu = t == null || !THREADS.isThreadCpuTimeSupported() ? -1 : THREADS.getThreadCpuTime(t.getId());
        return cpu < 0 ? System.nanoTime() : cpu;
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
