package org.gradaudit.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The CAS worker bounds a task by its thread's processor time, with the wall clock as a backstop. */
class WorkerTest {
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void waitingCostsNoProcessorTime() throws Exception {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean().isThreadCpuTimeSupported());
        Worker w = new Worker();
        try {
            w.awaitSession(TimeUnit.SECONDS.toNanos(60));
            // a task that sleeps past its processor budget is not stopped: it spends almost none
            String done = w.run(s -> {
                sleep(300);
                return "slept";
            }, 50 * MS, 20_000 * MS);
            assertEquals("slept", done);
            assertTrue(w.lastCpuNanos() < 50 * MS, "a sleeping task spends little: " + w.lastCpuNanos());
        } finally {
            w.abandon();
        }
    }

    @Test
    void busyWorkEndsWhenItsProcessorTimeIsSpent() throws Exception {
        Worker w = new Worker();
        try {
            w.awaitSession(TimeUnit.SECONDS.toNanos(60));
            long start = System.nanoTime();
            assertThrows(TimeoutException.class, () -> w.run(s -> spin(), 100 * MS, 60_000 * MS));
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(30), "ended by its budget, not the wall");
            assertTrue(w.lastCpuNanos() >= 100 * MS, "spent its budget: " + w.lastCpuNanos());
        } finally {
            w.abandon();
        }
    }

    @Test
    void theWallClockEndsATaskThatNeverRuns() throws Exception {
        Worker w = new Worker();
        try {
            w.awaitSession(TimeUnit.SECONDS.toNanos(60));
            assertThrows(TimeoutException.class, () -> w.run(s -> {
                sleep(5_000);
                return "late";
            }, 60_000 * MS, 200 * MS));
        } finally {
            w.abandon();
        }
    }

    @Test
    void aCallsBudgetIsSharedByItsTasksAndPausedForStartUp() {
        CallBudget b = new CallBudget(java.time.Duration.ofMillis(100));
        long wall = b.wallLeft();
        assertTrue(wall <= 100 * MS * CallBudget.WALL_FACTOR && wall > 0);
        b.spend(60 * MS);
        assertEquals(40 * MS, b.cpuLeft());
        b.pause(1_000 * MS);
        assertTrue(b.wallLeft() > wall, "waiting for start-up is not the call's time");
        assertEquals(100, b.millis());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String spin() {
        long x = 0;
        while (!Thread.currentThread().isInterrupted()) {
            x += System.nanoTime() & 1;
        }
        return Long.toString(x);
    }
}
