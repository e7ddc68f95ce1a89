package org.gradaudit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gradaudit.testing.Generator;
import org.gradaudit.testing.Search;
import org.gradaudit.testing.SearchOptions;
import org.gradaudit.testing.Shrinker;
import org.junit.jupiter.api.Test;

/** The fingerprint set is a set: it answers every {@code add} as {@code HashSet<Long>} does. */
class FingerprintSetProperties {
    /**
     * Sequences of additions drawn from a small pool, so that repeats are common, with 0 (the free
     * slot's mark) and the extreme values among them, long enough to make the table grow several times.
     */
    private static final Generator<List<Long>> SEQUENCES = r -> {
        int poolSize = 1 + r.nextInt(3000);
        long[] pool = new long[poolSize];
        for (int i = 0; i < poolSize; i++) {
            int kind = r.nextInt(20);
            pool[i] = kind == 0 ? 0 : kind == 1 ? Long.MIN_VALUE : kind == 2 ? Long.MAX_VALUE
                    : kind < 6 ? r.nextInt(64) : r.nextLong();
        }
        List<Long> adds = new ArrayList<>();
        int n = r.nextInt(6000);
        for (int i = 0; i < n; i++) {
            adds.add(pool[r.nextInt(poolSize)]);
        }
        return adds;
    };

    @Test
    void answersEveryAddAsAHashSet() {
        Search.forAll(SEQUENCES, Shrinker.none(), SearchOptions.defaults().withTries(200).withSeed(20261201),
                FingerprintSetProperties::sameAsHashSet);
    }

    private static void sameAsHashSet(List<Long> adds) {
        FingerprintSet set = new FingerprintSet(1 + adds.size() % 50);
        Set<Long> model = new HashSet<>();
        for (int i = 0; i < adds.size(); i++) {
            long v = adds.get(i);
            assertEquals(model.add(v), set.add(v), "add #" + i + " of " + v);
            assertEquals(model.size(), set.size(), "size after add #" + i);
        }
    }
}
