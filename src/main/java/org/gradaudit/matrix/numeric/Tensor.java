package org.gradaudit.matrix.numeric;

import java.util.Arrays;

/**
 * A scalar, rank-1 array or matrix of doubles, each entry with a bound on its rounding error
 * (as {@link org.gradaudit.numeric.BoundedValue} has for scalars). Storage is row-major
 * {@code rows x cols}; a rank-1 array {@code (n,)} is stored as one row, which is how numpy
 * broadcasts it, and a scalar as 1 x 1. Immutable by convention: no method changes an array after
 * construction.
 */
public final class Tensor {
    final int rank;
    final int rows;
    final int cols;
    final double[] v;
    final double[] e;

    Tensor(int rank, int rows, int cols, double[] v, double[] e) {
        if (rank < 0 || rank > 2 || v.length != rows * cols || e.length != v.length || (rank < 2 && rows != 1)
                || (rank == 0 && cols != 1)) {
            throw new IllegalArgumentException("inconsistent tensor [rank " + rank + ", " + rows + "x" + cols + "]");
        }
        this.rank = rank;
        this.rows = rows;
        this.cols = cols;
        this.v = v;
        this.e = e;
    }

    /** An exact tensor of the given values (row-major). */
    public static Tensor exact(int rank, int rows, int cols, double[] values) {
        return new Tensor(rank, rows, cols, values.clone(), new double[values.length]);
    }

    public static Tensor scalar(double value, double error) {
        return new Tensor(0, 1, 1, new double[] {value}, new double[] {error});
    }

    public int rank() {
        return rank;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int size() {
        return v.length;
    }

    /** Entry {@code k} in row-major order. */
    public double value(int k) {
        return v[k];
    }

    public double error(int k) {
        return e[k];
    }

    /** The entry's numpy index: {@code [i, j]}, {@code [j]} or {@code []}. */
    public int[] index(int k) {
        return switch (rank) {
            case 2 -> new int[] {k / cols, k % cols};
            case 1 -> new int[] {k};
            default -> new int[0];
        };
    }

    /** The shape as numbers, numpy's {@code A.shape}. */
    public int[] shape() {
        return switch (rank) {
            case 2 -> new int[] {rows, cols};
            case 1 -> new int[] {cols};
            default -> new int[0];
        };
    }

    /** A copy with entry {@code k} changed (values exact), for finite differences. */
    public Tensor with(int k, double value) {
        double[] nv = v.clone();
        nv[k] = value;
        return new Tensor(rank, rows, cols, nv, e.clone());
    }

    /** Whether two tensors have the same shape. */
    public boolean sameShape(Tensor o) {
        return rank == o.rank && rows == o.rows && cols == o.cols;
    }

    @Override
    public String toString() {
        return Arrays.toString(shape()) + Arrays.toString(v);
    }
}
