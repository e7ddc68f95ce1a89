package org.gradaudit.matrix.numeric;

/**
 * A block of a step's storage: the rows in {@code rows} times the columns in {@code cols}, each a
 * sorted list of distinct indices, or null for all of them. A move of one parameter entry dirties
 * a block of each step it reaches (row i of {@code Z1 = W1 X} for a move of {@code W1[i, j]});
 * where two blocks meet, their bounding block is recomputed, which is never less than what changed.
 */
record Region(int[] rows, int[] cols) {
    static final Region ALL = new Region(null, null);

    static Region entry(int row, int col) {
        return new Region(new int[] {row}, new int[] {col});
    }

    boolean allRows() {
        return rows == null;
    }

    boolean allCols() {
        return cols == null;
    }

    /** The number of rows of a step of {@code n} rows this block covers. */
    int rowCount(int n) {
        return rows == null ? n : rows.length;
    }

    int colCount(int n) {
        return cols == null ? n : cols.length;
    }

    /** Row number {@code i} of the block (of {@link #rowCount}). */
    int row(int i) {
        return rows == null ? i : rows[i];
    }

    int col(int j) {
        return cols == null ? j : cols[j];
    }

    /** The bounding block of two. */
    static Region union(Region a, Region b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return new Region(merge(a.rows, b.rows), merge(a.cols, b.cols));
    }

    /** This block as seen by a step that broadcasts a {@code rows x cols} operand to {@code outRows x outCols}. */
    Region broadcast(int rows, int cols, int outRows, int outCols) {
        return new Region(rows == 1 && outRows > 1 ? null : this.rows, cols == 1 && outCols > 1 ? null : this.cols);
    }

    /** The block with rows and columns swapped. */
    Region transposed() {
        return new Region(cols, rows);
    }

    private static int[] merge(int[] x, int[] y) {
        if (x == null || y == null) {
            return null;
        }
        int[] out = new int[x.length + y.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < x.length || j < y.length) {
            int next = j >= y.length || (i < x.length && x[i] <= y[j]) ? x[i] : y[j];
            if (i < x.length && x[i] == next) {
                i++;
            }
            if (j < y.length && y[j] == next) {
                j++;
            }
            out[n++] = next;
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
