package org.gradaudit.symbolic;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.gradaudit.bounds.Deadline;

/**
 * The tasks of one {@link Cas} instance, run one at a time on its {@link Worker}: each under what is
 * left of its call's {@link CallBudget} and of the command's {@link Deadline}, whichever ends first.
 * A worker that overran is abandoned and a fresh one started (with a fresh Symja session); what the
 * tasks spent is counted here, for {@link Cas#cpuNanos()}. Thread-safe: tasks are serialised.
 */
final class Tasks {
    /** Bound on Symja's one-time start-up (about 2 s), kept apart from the per-call timeout. */
    private static final long STARTUP_NANOS = Duration.ofSeconds(60).toNanos();

    private Worker worker; // guarded by this
    private long cpuNanos; // guarded by this
    private final AtomicLong handedOver = new AtomicLong();

    /** Starts the first worker, which opens its Symja session in the background. */
    Tasks() {
        this.worker = new Worker();
    }

    /** How many tasks have been handed to Symja. */
    long handedOver() {
        return handedOver.get();
    }

    /** Processor time the CAS thread has spent on tasks so far, Symja's start-up excluded. */
    synchronized long cpuNanos() {
        return cpuNanos;
    }

    /**
     * Runs a task until the call's budget is spent or the command's deadline passes, whichever
     * comes first; on time-out, abandons the worker and starts a fresh one. Symja's start-up does
     * not count against the call's budget, but it does against the command's deadline: that is the
     * user's time.
     */
    synchronized <T> T run(String what, CallBudget budget, Deadline deadline, Function<Session, T> task)
            throws CasException {
        try {
            long startup = System.nanoTime();
            try {
                worker.awaitSession(deadline.remainingNanos(STARTUP_NANOS));
            } catch (TimeoutException stillStarting) {
                if (deadline.passed()) {
                    throw CasFailures.outOfTime(deadline, what); // the session stays: the next command may use it
                }
                throw stillStarting;
            }
            budget.pause(System.nanoTime() - startup);
            long wall = Math.min(budget.wallLeft(), deadline.remainingNanos(Long.MAX_VALUE));
            if (deadline.passed()) {
                throw CasFailures.outOfTime(deadline, what);
            }
            handedOver.incrementAndGet();
            try {
                return worker.run(task, budget.cpuLeft(), wall);
            } finally {
                budget.spend(worker.lastCpuNanos());
                cpuNanos += worker.lastCpuNanos();
            }
        } catch (TimeoutException timeout) {
            worker.abandon();
            worker = new Worker();
            if (deadline.passed()) {
                throw CasFailures.outOfTime(deadline, what);
            }
            throw CasFailures.bounded("gave up after " + budget.millis() + " ms: " + CasFailures.shorten(what));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            worker.abandon();
            worker = new Worker();
            throw new CasException("interrupted: " + CasFailures.shorten(what), interrupted);
        } catch (ExecutionException failed) {
            throw CasFailures.translate(what, failed.getCause());
        }
    }
}
