package org.gradaudit.matrix.numeric;

import org.gradaudit.matrix.expr.MExpr;

/**
 * The elementwise binary steps of a {@link TapeRun} ({@code +}, {@code -}, {@code *}, {@code /} and
 * comparisons, with numpy broadcasting): the block of the output that either operand's dirty block
 * reaches, recomputed from the operands. Whole rows of real values take loops with the operator
 * chosen once; complex values, single entries and masks take the general loop.
 */
final class Binaries {
    private Binaries() {
    }

    static Region binary(TapeRun run, int s, Tape.Step st, Tape.Step a, Tape.Step b, Region ra, Region rb) {
        Region out = Region.union(ra == null ? null : ra.broadcast(a.rows(), a.cols(), st.rows(), st.cols()),
                rb == null ? null : rb.broadcast(b.rows(), b.cols(), st.rows(), st.cols()));
        double[] xr = run.re(st.a());
        double[] xi = run.im(st.a());
        double[] yr = run.re(st.b());
        double[] yi = run.im(st.b());
        int cols = st.cols();
        boolean compare = st.kind() == Tape.Kind.CMP;
        MExpr.BinOp op = compare ? null : ((MExpr.Bin) st.op()).op();
        boolean complexValues = run.imaginary(s);
        double[] or = run.re(s);
        double[] oi = run.im(s);
        double[] z = new double[2];
        if (!compare && !complexValues && out.allCols()) {
            realRows(op, st, a, b, out, xr, yr, or);
            return out;
        }
        if (!compare && out.allCols()) {
            complexRows(op, st, a, b, out, xr, xi, yr, yi, or, oi);
            return out;
        }
        for (int i = 0; i < out.rowCount(st.rows()); i++) {
            int row = out.row(i);
            int ra0 = (a.rows() == 1 ? 0 : row) * a.cols();
            int rb0 = (b.rows() == 1 ? 0 : row) * b.cols();
            for (int j = 0; j < out.colCount(cols); j++) {
                int col = out.col(j);
                int ka = ra0 + (a.cols() == 1 ? 0 : col);
                int kb = rb0 + (b.cols() == 1 ? 0 : col);
                int k = row * cols + col;
                if (compare) {
                    or[k] = compare(((MExpr.Compare) st.op()).op(), xr[ka] - yr[kb]);
                } else if (complexValues) {
                    complexBinary(op, xr[ka], xi[ka], yr[kb], yi[kb], z);
                    or[k] = z[0];
                    oi[k] = z[1];
                } else {
                    or[k] = switch (op) {
                        case ADD -> xr[ka] + yr[kb];
                        case SUB -> xr[ka] - yr[kb];
                        case MUL -> xr[ka] * yr[kb];
                        case DIV -> xr[ka] / yr[kb];
                    };
                }
            }
        }
        return out;
    }

    /** Whole rows of a real elementwise operation, the operator chosen once per row. */
    private static void realRows(MExpr.BinOp op, Tape.Step st, Tape.Step a, Tape.Step b, Region out, double[] xr,
                                 double[] yr, double[] or) {
        int cols = st.cols();
        boolean aRow = a.cols() == cols;
        boolean bRow = b.cols() == cols;
        for (int i = 0; i < out.rowCount(st.rows()); i++) {
            int row = out.row(i);
            int o = row * cols;
            int ka = (a.rows() == 1 ? 0 : row) * a.cols();
            int kb = (b.rows() == 1 ? 0 : row) * b.cols();
            if (aRow && bRow) {
                switch (op) {
                    case ADD -> {
                        for (int j = 0; j < cols; j++) {
                            or[o + j] = xr[ka + j] + yr[kb + j];
                        }
                    }
                    case SUB -> {
                        for (int j = 0; j < cols; j++) {
                            or[o + j] = xr[ka + j] - yr[kb + j];
                        }
                    }
                    case MUL -> {
                        for (int j = 0; j < cols; j++) {
                            or[o + j] = xr[ka + j] * yr[kb + j];
                        }
                    }
                    case DIV -> {
                        for (int j = 0; j < cols; j++) {
                            or[o + j] = xr[ka + j] / yr[kb + j];
                        }
                    }
                }
                continue;
            }
            if (bRow) { // x broadcast along the row: 1 - A2
                double x = xr[ka];
                switch (op) {
                    case ADD -> {
                        for (int j = 0; j < cols; j++) {
                            or[o + j] = x + yr[kb + j];
                        }
                    }
                    case SUB -> {
                        for (int j = 0; j < cols; j++) {
                            or[o + j] = x - yr[kb + j];
                        }
                    }
                    case MUL -> {
                        for (int j = 0; j < cols; j++) {
                            or[o + j] = x * yr[kb + j];
                        }
                    }
                    case DIV -> {
                        for (int j = 0; j < cols; j++) {
                            or[o + j] = x / yr[kb + j];
                        }
                    }
                }
                continue;
            }
            for (int j = 0; j < cols; j++) {
                double x = xr[ka + (aRow ? j : 0)];
                double y = yr[kb];
                or[o + j] = switch (op) {
                    case ADD -> x + y;
                    case SUB -> x - y;
                    case MUL -> x * y;
                    case DIV -> x / y;
                };
            }
        }
    }

    /** Whole rows of a complex elementwise operation, the operator chosen once per row. */
    private static void complexRows(MExpr.BinOp op, Tape.Step st, Tape.Step a, Tape.Step b, Region out, double[] xr,
                                    double[] xi, double[] yr, double[] yi, double[] or, double[] oi) {
        int cols = st.cols();
        int sa = a.cols() == cols ? 1 : 0;
        int sb = b.cols() == cols ? 1 : 0;
        double[] z = new double[2];
        for (int i = 0; i < out.rowCount(st.rows()); i++) {
            int row = out.row(i);
            int o = row * cols;
            int ka = (a.rows() == 1 ? 0 : row) * a.cols();
            int kb = (b.rows() == 1 ? 0 : row) * b.cols();
            switch (op) {
                case ADD -> {
                    for (int j = 0; j < cols; j++) {
                        or[o + j] = xr[ka + sa * j] + yr[kb + sb * j];
                        oi[o + j] = xi[ka + sa * j] + yi[kb + sb * j];
                    }
                }
                case SUB -> {
                    for (int j = 0; j < cols; j++) {
                        or[o + j] = xr[ka + sa * j] - yr[kb + sb * j];
                        oi[o + j] = xi[ka + sa * j] - yi[kb + sb * j];
                    }
                }
                case MUL -> {
                    for (int j = 0; j < cols; j++) {
                        double p = xr[ka + sa * j];
                        double q = xi[ka + sa * j];
                        double u = yr[kb + sb * j];
                        double v = yi[kb + sb * j];
                        or[o + j] = p * u - q * v;
                        oi[o + j] = p * v + q * u;
                    }
                }
                case DIV -> {
                    for (int j = 0; j < cols; j++) {
                        Elementwise.divide(xr[ka + sa * j], xi[ka + sa * j], yr[kb + sb * j], yi[kb + sb * j], z);
                        or[o + j] = z[0];
                        oi[o + j] = z[1];
                    }
                }
            }
        }
    }

    private static double compare(MExpr.CmpOp op, double d) {
        return switch (op) {
            case GT -> d > 0 ? 1 : 0;
            case GE -> d >= 0 ? 1 : 0;
            case LT -> d < 0 ? 1 : 0;
            case LE -> d <= 0 ? 1 : 0;
        };
    }

    private static void complexBinary(MExpr.BinOp op, double a, double b, double c, double d, double[] z) {
        switch (op) {
            case ADD -> {
                z[0] = a + c;
                z[1] = b + d;
            }
            case SUB -> {
                z[0] = a - c;
                z[1] = b - d;
            }
            case MUL -> {
                z[0] = a * c - b * d;
                z[1] = a * d + b * c;
            }
            case DIV -> Elementwise.divide(a, b, c, d, z);
        }
    }
}
