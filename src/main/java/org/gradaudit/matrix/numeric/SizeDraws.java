package org.gradaudit.matrix.numeric;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Concrete sizes for the dimensions of a file. Within a draw the sizes are pairwise distinct and at
 * least 2, so that {@code W} and {@code W.T} never both fit by accident; between draws every
 * dimension takes a different value, so that a ratio tracking a size can be told from a constant.
 */
public final class SizeDraws {
    /** How many draws the audit makes. */
    public static final int DRAWS = 3;

    private SizeDraws() {
    }

    /**
     * @param dims the dimension names (at most 12)
     * @return {@link #DRAWS} draws, each a size for every dimension, smallest first
     */
    public static List<Map<String, Integer>> draw(List<String> dims, long seed) {
        if (dims.size() > 12) {
            throw new IllegalArgumentException("at most 12 dimensions, was [" + dims.size() + "]");
        }
        Random random = new Random(seed ^ 0x5DEECE66DL);
        List<Map<String, Integer>> out = new ArrayList<>();
        for (int d = 0; d < DRAWS; d++) {
            // draw d uses the sizes 2 + d*k .. 1 + (d+1)*k, so no dimension repeats a size across draws
            int k = dims.size();
            List<Integer> sizes = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                sizes.add(2 + d + i * DRAWS);
            }
            Collections.shuffle(sizes, random);
            Map<String, Integer> draw = new LinkedHashMap<>();
            for (int i = 0; i < k; i++) {
                draw.put(dims.get(i), sizes.get(i));
            }
            out.add(draw);
        }
        return out;
    }
}
