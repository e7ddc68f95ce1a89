package org.gradaudit.matrix.expr;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A numpy shape of rank 0 (a scalar), 1 ({@code (n,)}, which broadcasts as a row) or 2
 * ({@code (rows, cols)}), in the file's dimension names. Higher ranks are not supported.
 */
public record Shape(List<Dim> dims) {
    /** The shape of a scalar, {@code ()}. */
    public static final Shape SCALAR = new Shape(List.of());

    public Shape {
        dims = List.copyOf(dims);
        if (dims.size() > 2) {
            throw new IllegalArgumentException("shapes of rank at most 2 are supported, was [" + dims + "]");
        }
    }

    public static Shape of(Dim... dims) {
        return new Shape(List.of(dims));
    }

    public int rank() {
        return dims.size();
    }

    public Dim dim(int axis) {
        return dims.get(axis);
    }

    public boolean isScalar() {
        return dims.isEmpty();
    }

    /** The shape with its axes reversed ({@code .T}; a rank-1 or scalar shape is its own transpose). */
    public Shape transposed() {
        return rank() < 2 ? this : Shape.of(dims.get(1), dims.get(0));
    }

    /** Numpy's own spelling: {@code ()}, {@code (n,)}, {@code (n_h, m)}. */
    @Override
    public String toString() {
        if (dims.size() == 1) {
            return "(" + dims.get(0) + ",)";
        }
        return dims.stream().map(Dim::toString).collect(Collectors.joining(", ", "(", ")"));
    }
}
