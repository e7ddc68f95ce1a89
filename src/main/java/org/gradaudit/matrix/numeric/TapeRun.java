package org.gradaudit.matrix.numeric;

import java.util.Arrays;
import org.gradaudit.matrix.expr.MExpr;

/**
 * One evaluator's working copy of a {@link Tape}: real and imaginary parts of every step, and the
 * block of each step that differs from the base point. Moving parameter entries dirties blocks of
 * their leaves; {@link #evaluate} recomputes, in step order, only the dirty block of each step an
 * operand's dirty block reaches (a matrix product whose left operand moved in a few entries adds
 * their contribution to the base product instead of multiplying again), and {@link #restore} puts
 * the base point back. Not thread-safe: one per thread.
 */
final class TapeRun {
    private final Tape tape;
    private final Tape.Step[] steps;
    private final double[][] re;
    private final double[][] im;
    private final Region[] dirty;
    /** Whether a step's imaginary part may be nonzero (it depends on an entry moved off the real line). */
    private final boolean[] imag;
    private final int[] touched;
    private int touchedCount;
    private boolean cx;
    private final double[] z = new double[2];

    TapeRun(Tape tape) {
        this.tape = tape;
        this.steps = tape.steps.toArray(new Tape.Step[0]);
        int n = steps.length;
        re = new double[n][];
        im = new double[n][];
        for (int s = 0; s < n; s++) {
            double[] b = tape.base.get(s);
            re[s] = b == null ? new double[steps[s].size()] : b.clone();
            im[s] = new double[steps[s].size()];
        }
        dirty = new Region[n];
        imag = new boolean[n];
        touched = new int[n];
    }

    /** The current real values of a step (for computing the base point). */
    double[] values(int step) {
        return re[step];
    }

    /** Moves entry {@code k} of a leaf to {@code a + ib}. */
    void set(int leaf, int k, double a, double b) {
        re[leaf][k] = a;
        im[leaf][k] = b;
        imag[leaf] |= b != 0;
        mark(leaf, Region.entry(k / steps[leaf].cols(), k % steps[leaf].cols()));
    }

    /** Moves a whole leaf to {@code base + t * direction}, {@code t = tRe + i tIm}. */
    void move(int leaf, double[] direction, int from, double tRe, double tIm) {
        double[] b = tape.base.get(leaf);
        for (int k = 0; k < b.length; k++) {
            re[leaf][k] = b[k] + tRe * direction[from + k];
            im[leaf][k] = tIm * direction[from + k];
        }
        imag[leaf] |= tIm != 0;
        mark(leaf, Region.ALL);
    }

    /** Marks every step dirty everywhere (for the base point's first evaluation). */
    void markAll() {
        for (int s = 0; s < steps.length; s++) {
            if (steps[s].kind() == Tape.Kind.LEAF || steps[s].kind() == Tape.Kind.CONST) {
                mark(s, Region.ALL);
            }
        }
    }

    private void mark(int s, Region r) {
        if (dirty[s] == null) {
            touched[touchedCount++] = s;
        }
        dirty[s] = Region.union(dirty[s], r);
    }

    /** Recomputes what the moved entries reach; returns the loss's real part ({@link #imaginary} has the rest). */
    double evaluate(boolean complex) {
        cx = complex;
        for (int s = 0; s < steps.length; s++) {
            Tape.Step st = steps[s];
            if (st.a() < 0) {
                continue;
            }
            Region ra = dirty[st.a()];
            Region rb = st.b() >= 0 ? dirty[st.b()] : null;
            if (ra == null && rb == null) {
                continue;
            }
            imag[s] = complex && st.kind() != Tape.Kind.CMP && (imag[st.a()] || (st.b() >= 0 && imag[st.b()]));
            Region out = switch (st.kind()) {
                case NEG, POW, APPLY -> unary(s, st, ra);
                case BIN, CMP -> Binaries.binary(this, s, st, steps[st.a()], steps[st.b()], ra, rb);
                case TRANSPOSE -> transpose(s, st, ra);
                case RESHAPE -> reshape(s, st);
                case MATMUL -> Products.matmul(this, s, st, steps[st.a()], steps[st.b()], ra, rb);
                case REDUCE -> Products.reduce(this, s, st, steps[st.a()], ra, tape.alongRows(st));
                case SOFTMAX -> Products.softmax(this, s, st, ra, tape.alongRows(st));
                default -> throw new AssertionError(st.kind());
            };
            mark(s, out);
        }
        return re[tape.loss][0];
    }

    double imaginary() {
        return im[tape.loss][0];
    }

    /** Puts every dirty block back to the base point. */
    void restore() {
        for (int t = 0; t < touchedCount; t++) {
            int s = touched[t];
            Region r = dirty[s];
            double[] b = tape.base.get(s);
            int cols = steps[s].cols();
            if (r.allRows() && r.allCols()) {
                System.arraycopy(b, 0, re[s], 0, b.length);
                Arrays.fill(im[s], 0);
            } else {
                for (int i = 0; i < r.rowCount(steps[s].rows()); i++) {
                    int row = r.row(i) * cols;
                    for (int j = 0; j < r.colCount(cols); j++) {
                        int k = row + r.col(j);
                        re[s][k] = b[k];
                        im[s][k] = 0;
                    }
                }
            }
            dirty[s] = null;
            imag[s] = false;
        }
        touchedCount = 0;
    }

    boolean complex() {
        return cx;
    }

    /** Whether step {@code s}'s imaginary part may be nonzero in this evaluation. */
    boolean imaginary(int s) {
        return imag[s];
    }

    double[] re(int s) {
        return re[s];
    }

    double[] im(int s) {
        return im[s];
    }

    double[] base(int s) {
        return tape.base.get(s);
    }

    private Region unary(int s, Tape.Step st, Region ra) {
        double[] ar = re[st.a()];
        double[] ai = im[st.a()];
        double[] or = re[s];
        double[] oi = im[s];
        int cols = st.cols();
        boolean complexValues = imag[st.a()];
        MExpr.Fn fn = st.op() instanceof MExpr.Apply a ? a.fn() : null;
        for (int i = 0; i < ra.rowCount(st.rows()); i++) {
            int row = ra.row(i) * cols;
            if (!complexValues && fn != null && ra.allCols()) {
                Elementwise.realRow(fn, ar, or, row, row + cols);
                continue;
            }
            if (complexValues && fn != null && ra.allCols()) {
                Elementwise.complexRow(fn, ar, ai, or, oi, row, row + cols, z);
                continue;
            }
            for (int j = 0; j < ra.colCount(cols); j++) {
                int k = row + ra.col(j);
                if (complexValues) {
                    Elementwise.complex(st.op(), ar[k], ai[k], z);
                    or[k] = z[0];
                    oi[k] = z[1];
                } else {
                    or[k] = Elementwise.real(st.op(), ar[k]);
                }
            }
        }
        return ra;
    }

    private Region transpose(int s, Tape.Step st, Region ra) {
        Region out = ra.transposed();
        int cols = st.cols();
        int aCols = steps[st.a()].cols();
        for (int i = 0; i < out.rowCount(st.rows()); i++) {
            int row = out.row(i);
            for (int j = 0; j < out.colCount(cols); j++) {
                int col = out.col(j);
                re[s][row * cols + col] = re[st.a()][col * aCols + row];
                im[s][row * cols + col] = im[st.a()][col * aCols + row];
            }
        }
        return out;
    }

    private Region reshape(int s, Tape.Step st) {
        System.arraycopy(re[st.a()], 0, re[s], 0, re[s].length);
        System.arraycopy(im[st.a()], 0, im[s], 0, im[s].length);
        return Region.ALL;
    }
}
