package org.gradaudit.matrix.numeric;

import org.gradaudit.matrix.expr.MExpr;

/**
 * The steps of a {@link TapeRun} that combine many entries: matrix products, sums and means,
 * softmax. Each recomputes the block of its output that its operand's dirty block reaches and
 * returns that block. Where an operand moved in a few entries of a long axis, the change is added
 * to the base value ({@code P + (A' - A)[R, C] B[C, :]} for a product, {@code s + sum (a' - a)} for a
 * sum), so a one-entry move costs the entries it reaches, not a pass over the operand.
 */
final class Products {
    private Products() {
    }

    static Region matmul(TapeRun run, int s, Tape.Step st, Tape.Step a, Tape.Step b, Region ra, Region rb) {
        boolean matrices = a.rank() == 2 && b.rank() == 2;
        if (matrices && rb == null) {
            Region out = new Region(ra.rows(), null);
            if (ra.allCols()) {
                fresh(run, s, st, a, b, out);
            } else {
                leftDelta(run, s, st, a, b, ra);
            }
            return out;
        }
        if (matrices && ra == null) {
            Region out = new Region(null, rb.cols());
            if (rb.allRows()) {
                fresh(run, s, st, a, b, out);
            } else {
                rightDelta(run, s, st, a, b, rb);
            }
            return out;
        }
        fresh(run, s, st, a, b, Region.ALL);
        return Region.ALL;
    }

    /** Output rows {@code out.rows()} times columns {@code out.cols()}, computed from the operands. */
    private static void fresh(TapeRun run, int s, Tape.Step st, Tape.Step a, Tape.Step b, Region out) {
        int n = a.cols();
        boolean column = b.rank() < 2;
        int r = column ? 1 : b.cols();
        int p = st.size() / r;
        double[] ar = run.re(st.a());
        double[] ai = run.im(st.a());
        double[] br = run.re(st.b());
        double[] bi = run.im(st.b());
        double[] or = run.re(s);
        double[] oi = run.im(s);
        boolean aImag = run.imaginary(st.a());
        boolean bImag = run.imaginary(st.b());
        for (int ii = 0; ii < out.rowCount(p); ii++) {
            int i = out.row(ii);
            for (int jj = 0; jj < out.colCount(r); jj++) {
                int j = out.col(jj);
                or[i * r + j] = 0;
                oi[i * r + j] = 0;
            }
            for (int k = 0; k < n; k++) {
                double xr = ar[i * n + k];
                double xi = ai[i * n + k];
                int kb = column ? k : k * r;
                if (!column && out.allCols() && !bImag) { // the common case: a whole row, B real
                    int o = i * r;
                    for (int j = 0; j < r; j++) {
                        or[o + j] += xr * br[kb + j];
                    }
                    if (aImag) {
                        for (int j = 0; j < r; j++) {
                            oi[o + j] += xi * br[kb + j];
                        }
                    }
                    continue;
                }
                for (int jj = 0; jj < out.colCount(r); jj++) {
                    int j = out.col(jj);
                    int bj = column ? kb : kb + j;
                    or[i * r + j] += xr * br[bj] - xi * bi[bj];
                    oi[i * r + j] += xr * bi[bj] + xi * br[bj];
                }
            }
        }
    }

    /** Rows R of the product change by {@code (A' - A)[R, C] B[C, :]}; B is at the base point. */
    private static void leftDelta(TapeRun run, int s, Tape.Step st, Tape.Step a, Tape.Step b, Region ra) {
        int n = a.cols();
        int r = b.cols();
        double[] ar = run.re(st.a());
        double[] ai = run.im(st.a());
        double[] a0 = run.base(st.a());
        double[] br = run.re(st.b());
        double[] o0 = run.base(s);
        double[] or = run.re(s);
        double[] oi = run.im(s);
        for (int ii = 0; ii < ra.rowCount(a.rows()); ii++) {
            int i = ra.row(ii);
            System.arraycopy(o0, i * r, or, i * r, r);
            java.util.Arrays.fill(oi, i * r, i * r + r, 0);
            for (int kk = 0; kk < ra.colCount(n); kk++) {
                int k = ra.col(kk);
                double d = ar[i * n + k] - a0[i * n + k];
                double di = ai[i * n + k];
                for (int j = 0; j < r; j++) {
                    or[i * r + j] += d * br[k * r + j];
                    oi[i * r + j] += di * br[k * r + j];
                }
            }
        }
    }

    /** Columns C of the product change by {@code A[:, R] (B' - B)[R, C]}; A is at the base point. */
    private static void rightDelta(TapeRun run, int s, Tape.Step st, Tape.Step a, Tape.Step b, Region rb) {
        int n = a.cols();
        int r = b.cols();
        int p = a.rows();
        double[] ar = run.re(st.a());
        double[] br = run.re(st.b());
        double[] bi = run.im(st.b());
        double[] b0 = run.base(st.b());
        double[] o0 = run.base(s);
        double[] or = run.re(s);
        double[] oi = run.im(s);
        int cn = rb.colCount(r);
        for (int i = 0; i < p; i++) {
            for (int jj = 0; jj < cn; jj++) {
                int j = rb.col(jj);
                or[i * r + j] = o0[i * r + j];
                oi[i * r + j] = 0;
            }
        }
        for (int kk = 0; kk < rb.rowCount(n); kk++) {
            int k = rb.row(kk);
            for (int i = 0; i < p; i++) {
                double x = ar[i * n + k];
                int o = i * r;
                for (int jj = 0; jj < cn; jj++) {
                    int j = rb.col(jj);
                    or[o + j] += x * (br[k * r + j] - b0[k * r + j]);
                    oi[o + j] += x * bi[k * r + j];
                }
            }
        }
    }

    /** A sum or mean: over everything, down the rows (numpy axis 0 of a matrix) or along them. */
    static Region reduce(TapeRun run, int s, Tape.Step st, Tape.Step a, Region ra, boolean alongRows) {
        MExpr.Reduce op = (MExpr.Reduce) st.op();
        boolean mean = op.op() == MExpr.ReduceOp.MEAN;
        boolean all = op.axis() == MExpr.Reduce.ALL || a.rank() < 2;
        double[] xr = run.re(st.a());
        double[] xi = run.im(st.a());
        double[] x0 = run.base(st.a());
        if (all) {
            // every entry moved (always so in a fresh evaluation, which has no base): summed anew
            boolean whole = ra.rowCount(a.rows()) == a.rows() && ra.colCount(a.cols()) == a.cols();
            double sr = whole ? 0 : run.base(s)[0] * (mean ? a.size() : 1);
            double si = 0;
            for (int ii = 0; ii < ra.rowCount(a.rows()); ii++) {
                int row = ra.row(ii) * a.cols();
                for (int jj = 0; jj < ra.colCount(a.cols()); jj++) {
                    int k = row + ra.col(jj);
                    sr += whole ? xr[k] : xr[k] - x0[k];
                    si += xi[k];
                }
            }
            run.re(s)[0] = mean ? sr / a.size() : sr;
            run.im(s)[0] = mean ? si / a.size() : si;
            return Region.ALL;
        }
        int inner = alongRows ? a.rows() : a.cols();
        boolean whole = alongRows ? ra.rowCount(a.rows()) == a.rows() : ra.colCount(a.cols()) == a.cols();
        int[] outer = alongRows ? ra.cols() : ra.rows();
        int outerCount = outer == null ? (alongRows ? a.cols() : a.rows()) : outer.length;
        int[] along = alongRows ? ra.rows() : ra.cols();
        for (int oo = 0; oo < outerCount; oo++) {
            int o = outer == null ? oo : outer[oo];
            double sr = whole ? 0 : run.base(s)[o] * (mean ? inner : 1);
            double si = 0;
            for (int ii = 0; ii < (along == null ? inner : along.length); ii++) {
                int i = along == null ? ii : along[ii];
                int k = alongRows ? i * a.cols() + o : o * a.cols() + i;
                sr += whole ? xr[k] : xr[k] - x0[k];
                si += xi[k];
            }
            run.re(s)[o] = mean ? sr / inner : sr;
            run.im(s)[o] = mean ? si / inner : si;
        }
        if (alongRows || st.rows() > 1) {
            return alongRows ? new Region(new int[] {0}, outer) : new Region(outer, new int[] {0});
        }
        return new Region(new int[] {0}, outer);
    }

    /** Softmax or log-softmax of every slice (a column for axis 0, else a row) that the dirty block touches. */
    static Region softmax(TapeRun run, int s, Tape.Step st, Region ra, boolean alongRows) {
        MExpr.Softmax op = (MExpr.Softmax) st.op();
        int[] outer = alongRows ? ra.cols() : ra.rows();
        int outerCount = outer == null ? (alongRows ? st.cols() : st.rows()) : outer.length;
        int inner = alongRows ? st.rows() : st.cols();
        double[] xr = run.re(st.a());
        double[] xi = run.im(st.a());
        double[] or = run.re(s);
        double[] oi = run.im(s);
        double[] z = new double[2];
        boolean cx = run.complex();
        for (int oo = 0; oo < outerCount; oo++) {
            int o = outer == null ? oo : outer[oo];
            int start = alongRows ? o : o * st.cols();
            int stride = alongRows ? st.cols() : 1;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < inner; i++) {
                max = Math.max(max, xr[start + i * stride]);
            }
            double sr = 0;
            double si = 0;
            for (int i = 0; i < inner; i++) {
                int k = start + i * stride;
                Elementwise.exp(xr[k] - max, cx ? xi[k] : 0, z);
                sr += z[0];
                si += z[1];
                or[k] = z[0];
                oi[k] = z[1];
            }
            double lr = Math.log(Math.hypot(sr, si));
            double li = Math.atan2(si, sr);
            for (int i = 0; i < inner; i++) {
                int k = start + i * stride;
                if (op.log()) {
                    or[k] = xr[k] - max - lr;
                    oi[k] = cx ? xi[k] - li : 0;
                } else {
                    Elementwise.divide(or[k], oi[k], sr, si, z);
                    or[k] = z[0];
                    oi[k] = z[1];
                }
            }
        }
        return alongRows ? new Region(null, outer) : new Region(outer, null);
    }
}
