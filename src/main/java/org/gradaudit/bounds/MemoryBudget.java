package org.gradaudit.bounds;

import java.util.Locale;

/**
 * The memory a piece of work may take: what the heap bound ({@code java -Xmx}) leaves free, less a
 * margin for everything else. Sizes from the command line are checked against it, with
 * overflow-safe arithmetic, before anything is allocated, so that a mistyped size is refused with
 * the memory it would need instead of ending in an {@link OutOfMemoryError}.
 */
public final class MemoryBudget {
    /** Share of the free heap one piece of work may plan to take. */
    private static final double SHARE = 0.8;

    private MemoryBudget() {
    }

    /** Bytes the work may take now. */
    public static long available() {
        Runtime r = Runtime.getRuntime();
        long used = r.totalMemory() - r.freeMemory();
        return (long) ((r.maxMemory() - used) * SHARE);
    }

    /**
     * @param what what would take the memory, e.g. "the network [7000-7000-1] at batch 1"
     * @param bytes its estimate, {@code Long.MAX_VALUE} when the estimate itself overflowed
     * @throws IllegalArgumentException if {@code bytes} exceeds {@link #available()}
     */
    public static void require(String what, long bytes) {
        long available = available();
        if (bytes > available) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s would need about %s of memory, more than"
                    + " the %s this JVM can spare (heap bound %d MiB, java -Xmx); use smaller sizes",
                    what, mib(bytes), mib(available), Runtime.getRuntime().maxMemory() >> 20));
        }
    }

    /** {@code a * b}, or {@code Long.MAX_VALUE} when it overflows; both non-negative. */
    public static long times(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }

    /** {@code a + b}, or {@code Long.MAX_VALUE} when it overflows; both non-negative. */
    public static long plus(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }

    private static String mib(long bytes) {
        return bytes == Long.MAX_VALUE ? "more than 8 EiB" : String.format(Locale.ROOT, "%,d MiB", (bytes >> 20) + 1);
    }
}
