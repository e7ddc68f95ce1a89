package org.gradaudit.check.grad;

import static org.gradaudit.bounds.MemoryBudget.plus;
import static org.gradaudit.bounds.MemoryBudget.times;

/**
 * About how many bytes a gradient check takes beyond its target, so that sizes from the command
 * line are checked against the memory budget before anything is allocated. Overflow-safe: an
 * estimate that overflows is {@code Long.MAX_VALUE}.
 */
final class CheckMemory {
    /** A comparison's object and its reference: header, kind, five doubles, a note. */
    private static final long COMPARISON = 88;

    private CheckMemory() {
    }

    /**
     * Full mode: per element its position, claimed and base values, and its comparison. Fast mode:
     * one comparison per direction of every tensor, and a direction vector per thread at a time.
     */
    static long bytes(CheckTarget target, CheckOptions options) {
        long elements = target.size();
        long copies = times(elements, 3L * Double.BYTES + Integer.BYTES);
        if (options.mode() == Mode.FULL) {
            return plus(copies, times(elements, COMPARISON));
        }
        long directions = times(target.tensors().size(), options.directions());
        return plus(copies, plus(times(directions, COMPARISON), times(times(elements, Double.BYTES),
                2L * Math.max(1, options.threads()))));
    }
}
