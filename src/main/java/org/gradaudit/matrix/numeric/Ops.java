package org.gradaudit.matrix.numeric;

import org.gradaudit.matrix.expr.MExpr;

/**
 * Numpy's operations on {@link Tensor}s with running error bounds: for each entry, a first-order
 * bound of the propagated input errors plus the rounding of the operation itself (u = 2^-53 per
 * operation, a few u for library functions).
 */
final class Ops {
    private static final double U = TensorEval.U;

    private Ops() {
    }

    interface Value {
        double at(double v, double e);
    }

    interface Error {
        double at(double v, double e, double result);
    }

    static Tensor map(Tensor a, Value f, Error err) {
        double[] v = new double[a.v.length];
        double[] e = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = f.at(a.v[k], a.e[k]);
            e[k] = bound(err.at(a.v[k], a.e[k], v[k]), v[k]);
        }
        return new Tensor(a.rank, a.rows, a.cols, v, e);
    }

    /** NaN bounds for NaN values, never negative. */
    private static double bound(double e, double v) {
        if (Double.isNaN(v)) {
            return Double.NaN;
        }
        return Double.isNaN(e) ? Double.POSITIVE_INFINITY : Math.abs(e);
    }

    /** The size numpy broadcasting gives two axes of sizes x and y: equal, or one of them 1. */
    static int broadcastSize(int x, int y) {
        if (x == y || y == 1) {
            return x;
        }
        if (x == 1) {
            return y;
        }
        throw new IllegalArgumentException("sizes [" + x + "] and [" + y + "] do not broadcast");
    }

    static Tensor binary(MExpr.BinOp op, Tensor a, Tensor b) {
        int rows = broadcastSize(a.rows, b.rows);
        int cols = broadcastSize(a.cols, b.cols);
        double[] v = new double[rows * cols];
        double[] e = new double[v.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                int ka = (a.rows == 1 ? 0 : i) * a.cols + (a.cols == 1 ? 0 : j);
                int kb = (b.rows == 1 ? 0 : i) * b.cols + (b.cols == 1 ? 0 : j);
                double x = a.v[ka];
                double ex = a.e[ka];
                double y = b.v[kb];
                double ey = b.e[kb];
                int k = i * cols + j;
                switch (op) {
                    case ADD -> {
                        v[k] = x + y;
                        e[k] = ex + ey + U * Math.abs(v[k]);
                    }
                    case SUB -> {
                        v[k] = x - y;
                        e[k] = ex + ey + U * Math.abs(v[k]);
                    }
                    case MUL -> {
                        v[k] = x * y;
                        e[k] = Math.abs(x) * ey + Math.abs(y) * ex + ex * ey + U * Math.abs(v[k]);
                    }
                    case DIV -> {
                        v[k] = x / y;
                        double den = Math.abs(y) - ey;
                        e[k] = den <= 0 ? Double.POSITIVE_INFINITY : (ex + Math.abs(v[k]) * ey) / den + U * Math.abs(v[k]);
                    }
                    default -> throw new AssertionError(op);
                }
                e[k] = bound(e[k], v[k]);
            }
        }
        return new Tensor(Math.max(a.rank, b.rank), rows, cols, v, e);
    }

    static Tensor compare(MExpr.CmpOp op, Tensor a, Tensor b) {
        Tensor d = binary(MExpr.BinOp.SUB, a, b);
        return map(d, (x, ex) -> switch (op) {
            case GT -> x > 0 ? 1 : 0;
            case GE -> x >= 0 ? 1 : 0;
            case LT -> x < 0 ? 1 : 0;
            case LE -> x <= 0 ? 1 : 0;
        }, (x, ex, r) -> 0);
    }

    static Tensor matmul(Tensor a, Tensor b) {
        // a: (p, n) or a row (n,); b: (n, r), or (n,) read as a column
        int p = a.rank == 2 ? a.rows : 1;
        int n = a.cols;
        boolean column = b.rank < 2;
        int nb = column ? b.cols : b.rows;
        int r = column ? 1 : b.cols;
        if (n != nb) {
            throw new IllegalArgumentException("inner sizes [" + n + "] and [" + nb + "] differ");
        }
        double[] v = new double[p * r];
        double[] e = new double[v.length];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < r; j++) {
                double s = 0;
                double err = 0;
                double mag = 0;
                for (int k = 0; k < n; k++) {
                    double x = a.v[i * n + k];
                    double ex = a.e[i * n + k];
                    int kb = column ? k : k * r + j;
                    double y = b.v[kb];
                    double ey = b.e[kb];
                    s += x * y;
                    err += Math.abs(x) * ey + Math.abs(y) * ex + ex * ey;
                    mag += Math.abs(x * y);
                }
                v[i * r + j] = s;
                e[i * r + j] = bound(err + (n + 1) * U * mag, s);
            }
        }
        int rank = (a.rank == 2 ? 1 : 0) + (column ? 0 : 1);
        return rank == 2 ? new Tensor(2, p, r, v, e) : rank == 1 ? new Tensor(1, 1, p * r, v, e)
                : new Tensor(0, 1, 1, v, e);
    }

    static Tensor transpose(Tensor a) {
        if (a.rank < 2) {
            return a;
        }
        double[] v = new double[a.v.length];
        double[] e = new double[v.length];
        for (int i = 0; i < a.rows; i++) {
            for (int j = 0; j < a.cols; j++) {
                v[j * a.rows + i] = a.v[i * a.cols + j];
                e[j * a.rows + i] = a.e[i * a.cols + j];
            }
        }
        return new Tensor(2, a.cols, a.rows, v, e);
    }

    static Tensor pow(Tensor a, double c) {
        return map(a, (x, ex) -> Math.pow(x, c),
                (x, ex, r) -> (c == 0 ? 0 : Math.abs(c * Math.pow(x, c - 1)) * ex) + 2 * U * Math.abs(r));
    }

    static Tensor apply(MExpr.Fn fn, Tensor a) {
        return switch (fn) {
            case EXP -> map(a, (x, ex) -> Math.exp(x), (x, ex, r) -> Math.abs(r) * (Math.expm1(ex) + 2 * U));
            case LOG -> map(a, (x, ex) -> Math.log(x),
                    (x, ex, r) -> x - ex <= 0 ? Double.POSITIVE_INFINITY : ex / (x - ex) + 2 * U * Math.abs(r));
            case TANH -> map(a, (x, ex) -> Math.tanh(x), (x, ex, r) -> (1 - r * r) * ex + 2 * U * Math.abs(r) + U);
            case SQRT -> map(a, (x, ex) -> Math.sqrt(x),
                    (x, ex, r) -> x - ex <= 0 ? Double.POSITIVE_INFINITY : ex / (2 * Math.sqrt(x - ex)) + U * r);
            case SIGMOID -> map(a, (x, ex) -> 1 / (1 + Math.exp(-x)), (x, ex, r) -> r * (1 - r) * ex + 4 * U * r);
            case RELU -> map(a, (x, ex) -> x > 0 ? x : 0, (x, ex, r) -> x > 0 ? ex : Math.abs(x) <= ex ? ex : 0);
        };
    }

    /** Which storage direction an axis reduces: true for down the rows (numpy axis 0 of a matrix). */
    private static boolean alongRows(Tensor a, int axis) {
        return a.rank == 2 && (axis == 0 || axis == -2);
    }

    static Tensor reduce(MExpr.ReduceOp op, Tensor a, int axis, boolean keepdims) {
        if (axis == MExpr.Reduce.ALL) {
            double s = 0;
            double err = 0;
            double mag = 0;
            for (int k = 0; k < a.v.length; k++) {
                s += a.v[k];
                err += a.e[k];
                mag += Math.abs(a.v[k]);
            }
            err += a.v.length * U * mag;
            if (op == MExpr.ReduceOp.MEAN) {
                s /= a.v.length;
                err = err / a.v.length + U * Math.abs(s);
            }
            Tensor t = Tensor.scalar(s, bound(err, s));
            return keepdims ? new Tensor(a.rank, 1, 1, t.v, t.e) : t;
        }
        boolean rowsAxis = alongRows(a, axis);
        int outer = rowsAxis ? a.cols : a.rows;
        int inner = rowsAxis ? a.rows : a.cols;
        double[] v = new double[outer];
        double[] e = new double[outer];
        for (int o = 0; o < outer; o++) {
            double s = 0;
            double err = 0;
            double mag = 0;
            for (int i = 0; i < inner; i++) {
                int k = rowsAxis ? i * a.cols + o : o * a.cols + i;
                s += a.v[k];
                err += a.e[k];
                mag += Math.abs(a.v[k]);
            }
            err += inner * U * mag;
            if (op == MExpr.ReduceOp.MEAN) {
                s /= inner;
                err = err / inner + U * Math.abs(s);
            }
            v[o] = s;
            e[o] = bound(err, s);
        }
        if (a.rank == 1) {
            return keepdims ? new Tensor(1, 1, 1, v, e) : new Tensor(0, 1, 1, v, e);
        }
        if (keepdims) {
            return rowsAxis ? new Tensor(2, 1, outer, v, e) : new Tensor(2, outer, 1, v, e);
        }
        return new Tensor(1, 1, outer, v, e);
    }

    static Tensor softmax(Tensor a, int axis, boolean log) {
        boolean rowsAxis = alongRows(a, axis);
        int outer = rowsAxis ? a.cols : a.rows;
        int inner = rowsAxis ? a.rows : a.cols;
        double[] v = new double[a.v.length];
        double[] e = new double[v.length];
        for (int o = 0; o < outer; o++) {
            double max = Double.NEGATIVE_INFINITY;
            double maxErr = 0;
            for (int i = 0; i < inner; i++) {
                int k = rowsAxis ? i * a.cols + o : o * a.cols + i;
                max = Math.max(max, a.v[k]);
                maxErr = Math.max(maxErr, a.e[k]);
            }
            double z = 0;
            for (int i = 0; i < inner; i++) {
                int k = rowsAxis ? i * a.cols + o : o * a.cols + i;
                z += Math.exp(a.v[k] - max);
            }
            for (int i = 0; i < inner; i++) {
                int k = rowsAxis ? i * a.cols + o : o * a.cols + i;
                double shifted = a.v[k] - max;
                v[k] = log ? shifted - Math.log(z) : Math.exp(shifted) / z;
                // every input's error moves the output by at most twice the largest one (relative for softmax)
                double rel = 2 * maxErr + (inner + 6) * U;
                e[k] = bound(log ? rel * (1 + Math.abs(v[k])) : Math.abs(v[k]) * (Math.expm1(rel) + rel), v[k]);
            }
        }
        return new Tensor(a.rank, a.rows, a.cols, v, e);
    }
}
