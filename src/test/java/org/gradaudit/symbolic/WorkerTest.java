package org.gradaudit.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class WorkerTest {
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void runsTasksOnADaemonThreadWithItsSession() throws Exception {
        Worker w = new Worker();
        w.awaitSession(60 * SECOND);
        String where = w.run(s -> Thread.currentThread().getName() + " " + Thread.currentThread().isDaemon()
                + " " + (s.engine != null), SECOND);
        assertEquals("gradaudit-cas true true", where);
        w.abandon();
    }

    @Test
    void aTaskThatOverrunsTimesOutAndTheWorkerCanBeAbandoned() throws Exception {
        Worker w = new Worker();
        w.awaitSession(60 * SECOND);
        long start = System.nanoTime();
        AtomicBoolean release = new AtomicBoolean();
        assertThrows(TimeoutException.class, () -> w.run(s -> {
            while (!release.get()) {
                Thread.onSpinWait(); // ignores interrupts: only abandoning helps
            }
            return null;
        }, SECOND / 10));
        assertTrue(System.nanoTime() - start < SECOND, "returned within the bound");
        w.abandon();
        release.set(true);
    }

    @Test
    void aFailingTaskReportsItsCause() throws Exception {
        Worker w = new Worker();
        ExecutionException e = assertThrows(ExecutionException.class, () -> w.run(s -> {
            throw new ArithmeticException("boom");
        }, 60 * SECOND));
        assertEquals("boom", e.getCause().getMessage());
        w.abandon();
    }
}
