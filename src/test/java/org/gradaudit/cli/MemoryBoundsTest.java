package org.gradaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproducers of sizes that took gigabytes, each run in a child JVM with a 256 MiB heap: each
 * must end with exit 2 and one message naming the bound, quickly, within that heap.
 */
class MemoryBoundsTest {
    private static final String HEAP = "256m";
    /** Generous for a JVM start and Symja's on a noisy 2-core machine (they take 2 to 5 s). */
    private static final long SECONDS = 60;

    static void assertRefused(ChildJvm.Run r, String expected) {
        assertEquals(2, r.code(), r.err() + r.out());
        assertTrue(r.err().contains(expected), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one message: " + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("Error"), r.err());
        assertTrue(r.millis() < SECONDS * 1000, r.millis() + " ms");
    }

    @Test
    void composedFunctionsAreRefusedBeforeTheyAreInlined(@TempDir Path dir) throws Exception {
        // f6 would inline to about 2^32 copies of z: 78 s and then an OutOfMemoryError before.
        Path f = dir.resolve("compose.deriv");
        Files.writeString(f, """
                input x
                fn f1(z) = sin(z)*z
                fn f2(z) = f1(f1(z))
                fn f3(z) = f2(f2(z))
                fn f4(z) = f3(f3(z))
                fn f5(z) = f4(f4(z))
                fn f6(z) = f5(f5(z))
                y = f6(x)
                dy/dx = 1
                """);
        ChildJvm.Run r = ChildJvm.run(HEAP, SECONDS, "audit", f.toString());
        assertRefused(r, f + ":6:12: f4(f4(z)) expands to more than 10000 nodes");
    }

    @Test
    void networksBatchesAndDirectionsAreRefusedWithTheMemoryTheyWouldNeed() throws IOException, InterruptedException {
        assertRefused(ChildJvm.run(HEAP, SECONDS, "check", "--layers", "7000,7000,1"),
                "the network mlp 7000-7000-1 sigmoid/sigmoid bce batch 1 would need about");
        assertRefused(ChildJvm.run(HEAP, SECONDS, "check", "--batch", "1000000000"),
                "batch 1000000000 times layer size 3 is 3000000000 values");
        assertRefused(ChildJvm.run(HEAP, SECONDS, "check", "--batch", "100000000"), "would need about");
        // Directions are tried one after another in constant memory: a billion of them take time, not memory.
        assertRefused(ChildJvm.run(HEAP, SECONDS, "check", "--mode", "fast", "--directions", "1000000000",
                "--time-limit", "2"), "the time limit of 2 s ran out while checking the gradient");
    }

    @Test
    void devicesAreRefusedBeforeTheyAreRead() throws IOException, InterruptedException {
        // /dev/zero was read until 5.7 GB and an OutOfMemoryError.
        for (String device : new String[] {"/dev/zero", "/dev/urandom"}) {
            if (Files.exists(Path.of(device))) {
                assertRefused(ChildJvm.run(HEAP, SECONDS, "audit", device), device + ": not a regular file");
            }
        }
    }
}
