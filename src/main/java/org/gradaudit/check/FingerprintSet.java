package org.gradaudit.check;

/**
 * A set of 64-bit fingerprints ({@link org.gradaudit.expr.ExprKey#fingerprint}) for the search for two
 * changes, which asks it once per formula it considers (some 30,000 times for a claim no pair
 * explains): open addressing over a {@code long[]}, so that an {@code add} allocates nothing and
 * touches one or two cache lines, where a {@code HashSet<Long>} boxes every value and allocates an
 * entry for it. Not for use by several threads at once.
 */
final class FingerprintSet {
    /** The table's slots; 0 marks a free one, so the fingerprint 0 is kept apart, in {@link #hasZero}. */
    private long[] slots;
    private int size;
    private boolean hasZero;

    /** A set with room for {@code expected} fingerprints before it first grows. */
    FingerprintSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        slots = new long[capacity];
    }

    /** Adds {@code fingerprint}; true when it was not in the set before. */
    boolean add(long fingerprint) {
        if (fingerprint == 0) {
            boolean added = !hasZero;
            hasZero = true;
            return added;
        }
        if (2 * (size + 1) > slots.length) {
            grow();
        }
        if (!insert(slots, fingerprint)) {
            return false;
        }
        size++;
        return true;
    }

    /** How many fingerprints the set holds. */
    int size() {
        return size + (hasZero ? 1 : 0);
    }

    /** Inserts a nonzero value into a table with a free slot; false when it was there already. */
    private static boolean insert(long[] table, long value) {
        int mask = table.length - 1;
        // Fibonacci hashing: the top bits of the product are the slot, well spread whatever the values.
        int start = (int) ((value * 0x9E3779B97F4A7C15L) >>> (64 - Integer.numberOfTrailingZeros(table.length)));
        for (int i = start; ; i = (i + 1) & mask) {
            if (table[i] == 0) {
                table[i] = value;
                return true;
            }
            if (table[i] == value) {
                return false;
            }
        }
    }

    private void grow() {
        long[] bigger = new long[slots.length * 2];
        for (long v : slots) {
            if (v != 0) {
                insert(bigger, v);
            }
        }
        slots = bigger;
    }
}
