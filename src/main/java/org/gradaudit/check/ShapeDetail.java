package org.gradaudit.check;

import java.util.List;
import java.util.Map;

/**
 * What a finding about a vectorized statement adds: shapes in the file's dimension names, the
 * sizes of the size draw where the counterexample is, and the worst entry's index there.
 *
 * @param claimed the claimed formula's shape, e.g. {@code (n_h, m)}, or how it fails to type-check
 * @param expected the shape the statement must have, its target's
 * @param sizes the sizes of the counterexample's draw (for a correct finding, of the smallest draw)
 * @param index the worst entry's numpy index in that draw, empty for a scalar or a shape mismatch
 * @param proof which proof established a correct statement ({@link Proof#NONE} for any other)
 */
public record ShapeDetail(String claimed, String expected, Map<String, Integer> sizes, List<Integer> index,
                          Proof proof) {
    public ShapeDetail {
        sizes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(sizes));
        index = List.copyOf(index);
        java.util.Objects.requireNonNull(proof, "proof");
    }

    /** Without a proof. */
    public ShapeDetail(String claimed, String expected, Map<String, Integer> sizes, List<Integer> index) {
        this(claimed, expected, sizes, index, Proof.NONE);
    }

    /** Whether the claimed shape differs from the expected one. */
    public boolean mismatch() {
        return !claimed.equals(expected);
    }
}
