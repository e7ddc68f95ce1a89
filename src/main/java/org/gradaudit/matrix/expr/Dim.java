package org.gradaudit.matrix.expr;

/** One dimension of a shape: a declared size symbol ({@code m}) or a fixed integer ({@code 1}). */
public sealed interface Dim {
    /** A size the audit draws: {@code n_x}, {@code m}. */
    record Sym(String name) implements Dim {
        @Override
        public String toString() {
            return name;
        }
    }

    /** A fixed size, at least 1. */
    record Fixed(int size) implements Dim {
        public Fixed {
            if (size < 1) {
                throw new IllegalArgumentException("a dimension is at least 1, was [" + size + "]");
            }
        }

        @Override
        public String toString() {
            return Integer.toString(size);
        }
    }

    /** The size 1, along which numpy broadcasts. */
    Dim ONE = new Fixed(1);

    default boolean isOne() {
        return this instanceof Fixed f && f.size() == 1;
    }
}
