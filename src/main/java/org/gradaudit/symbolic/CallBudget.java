package org.gradaudit.symbolic;

import java.time.Duration;

/**
 * What one CAS call may spend, over the one or more tasks it runs: processor time of the CAS
 * thread, so that a proof found on a quiet machine is found on a loaded one too, and wall-clock
 * time of at most {@link #WALL_FACTOR} times that, so that a starved thread still ends. Symja's
 * start-up is no task of a call: it spends neither.
 */
final class CallBudget {
    /** How much longer than its processor time a call may take on the wall clock. */
    static final int WALL_FACTOR = 8;

    private final long cpuNanos;
    private long cpuSpent;
    private long wallEnd;

    CallBudget(Duration cpu) {
        this.cpuNanos = cpu.toNanos();
        this.wallEnd = System.nanoTime() + Math.multiplyExact(cpuNanos, (long) WALL_FACTOR);
    }

    /** The processor time the call was given, in milliseconds. */
    long millis() {
        return cpuNanos / 1_000_000;
    }

    /** Processor time still to spend. */
    long cpuLeft() {
        return cpuNanos - cpuSpent;
    }

    /** Wall-clock time still to take. */
    long wallLeft() {
        return wallEnd - System.nanoTime();
    }

    /** Records what a task spent. */
    void spend(long cpu) {
        cpuSpent += cpu;
    }

    /** Moves the wall-clock end by time spent waiting for something that is not the call's work. */
    void pause(long wallNanos) {
        wallEnd += wallNanos;
    }
}
