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
     * the direction being tried and its restriction to a tensor, whatever the number of directions
     * (they are tried one after the other; many of them take time, which the time limit bounds).
     */
    static long bytes(CheckTarget target, CheckOptions options) {
        long elements = target.size();
        long copies = times(elements, 3L * Double.BYTES + Integer.BYTES);
        if (options.mode() == Mode.FULL) {
            return plus(copies, times(elements, COMPARISON));
        }
        return plus(copies, times(elements, 2L * Double.BYTES));
    }
}
