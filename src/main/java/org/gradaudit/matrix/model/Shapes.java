package org.gradaudit.matrix.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.gradaudit.matrix.expr.Dim;
import org.gradaudit.matrix.expr.MExpr;
import org.gradaudit.matrix.expr.MExpr.Bin;
import org.gradaudit.matrix.expr.MExpr.BinOp;
import org.gradaudit.matrix.expr.MExpr.MatMul;
import org.gradaudit.matrix.expr.MExpr.Transpose;
import org.gradaudit.matrix.expr.MPrinter;
import org.gradaudit.matrix.expr.Shape;

/**
 * Shape inference in numpy's rules. Dimension symbols are distinct sizes (the audit draws them
 * pairwise distinct), so {@code n_x} fits only {@code n_x}, and {@code 1} broadcasts. A rank-1
 * array {@code (n,)} broadcasts as a row; meeting a column {@code (n, 1)} it would give a square
 * {@code (n, n)}, which is refused as the classic broadcast bug it nearly always is.
 */
public final class Shapes {
    private final Function<String, Shape> names;
    /** Whether error messages propose repairs (the repairs themselves are inferred without). */
    private final boolean hints;

    /** @param names the shape of every quantity and gradient name */
    public Shapes(Function<String, Shape> names) {
        this(names, true);
    }

    private Shapes(Function<String, Shape> names, boolean hints) {
        this.names = names;
        this.hints = hints;
    }

    /**
     * The shape of a formula.
     *
     * @throws ShapeError at the first node whose operands do not fit
     */
    public Shape infer(MExpr e) throws ShapeError {
        if (e instanceof MExpr.Num || e instanceof MExpr.DimRef) {
            return Shape.SCALAR;
        } else if (e instanceof MExpr.Ref r) {
            return names.apply(r.name());
        } else if (e instanceof MExpr.Adjoint a) {
            return names.apply(a.of());
        } else if (e instanceof MExpr.Zeros z) {
            return z.shape();
        } else if (e instanceof MExpr.Neg n) {
            return infer(n.a());
        } else if (e instanceof MExpr.Pow p) {
            return infer(p.a());
        } else if (e instanceof MExpr.Apply a) {
            return infer(a.a());
        } else if (e instanceof Transpose t) {
            return infer(t.a()).transposed();
        } else if (e instanceof Bin b) {
            return broadcast(b, infer(b.a()), infer(b.b()));
        } else if (e instanceof MExpr.Compare c) {
            return broadcast(c, infer(c.a()), infer(c.b()));
        } else if (e instanceof MatMul m) {
            return matmul(m, infer(m.a()), infer(m.b()));
        } else if (e instanceof MExpr.Reduce r) {
            Shape a = infer(r.a());
            if (r.axis() == MExpr.Reduce.ALL) {
                return r.keepdims() ? new Shape(a.dims().stream().map(d -> Dim.ONE).toList()) : Shape.SCALAR;
            }
            int axis = axis(r, r.axis(), a);
            List<Dim> dims = new ArrayList<>(a.dims());
            if (r.keepdims()) {
                dims.set(axis, Dim.ONE);
            } else {
                dims.remove(axis);
            }
            return new Shape(dims);
        } else if (e instanceof MExpr.Softmax s) {
            Shape a = infer(s.a());
            axis(s, s.axis(), a);
            return a;
        } else if (e instanceof MExpr.Broadcast b) {
            Shape a = infer(b.a());
            Shape to = broadcast(b, a, b.shape());
            if (!to.equals(b.shape())) {
                throw new ShapeError(b, a + " does not broadcast to " + b.shape(), false);
            }
            return to;
        } else if (e instanceof MExpr.Expand x) {
            List<Dim> dims = new ArrayList<>(infer(x.a()).dims());
            if (x.axis() < 0 || x.axis() > dims.size() || dims.size() >= 2) {
                throw new ShapeError(x, "cannot expand " + new Shape(dims) + " at axis " + x.axis(), false);
            }
            dims.add(x.axis(), Dim.ONE);
            return new Shape(dims);
        }
        throw new AssertionError("no shape rule for " + e.getClass());
    }

    /** The shape, or null when the formula does not type-check. */
    public Shape tryInfer(MExpr e) {
        try {
            return infer(e);
        } catch (ShapeError x) {
            return null;
        }
    }

    private static int axis(MExpr node, int axis, Shape a) throws ShapeError {
        int normal = axis < 0 ? axis + a.rank() : axis;
        if (normal < 0 || normal >= a.rank()) {
            throw new ShapeError(node, "axis " + axis + " is out of range for " + a + " in " + MPrinter.print(node), false);
        }
        return normal;
    }

    /** Numpy broadcasting of two shapes, or a ShapeError naming both. */
    Shape broadcast(MExpr node, Shape a, Shape b) throws ShapeError {
        int rank = Math.max(a.rank(), b.rank());
        if (a.rank() != b.rank() && a.rank() > 0 && b.rank() > 0) {
            Shape low = a.rank() < b.rank() ? a : b;
            Shape high = low == a ? b : a;
            if (!low.dim(0).isOne() && high.dim(1).isOne() && high.dim(0).equals(low.dim(0))) {
                throw new ShapeError(node, "the rank-1 array " + low + " meets the column " + high + " in "
                        + MPrinter.print(node) + ": numpy broadcasts them to (" + low.dim(0) + ", " + low.dim(0)
                        + "), the classic broadcast bug; keep the column with keepdims=True", true);
            }
        }
        List<Dim> out = new ArrayList<>();
        for (int i = 0; i < rank; i++) {
            Dim x = i < rank - a.rank() ? Dim.ONE : a.dim(i - (rank - a.rank()));
            Dim y = i < rank - b.rank() ? Dim.ONE : b.dim(i - (rank - b.rank()));
            if (x.equals(y) || y.isOne()) {
                out.add(x);
            } else if (x.isOne()) {
                out.add(y);
            } else {
                throw new ShapeError(node, mismatch(node, a, b), false);
            }
        }
        return new Shape(out);
    }

    private String mismatch(MExpr node, Shape a, Shape b) {
        if (node instanceof Bin bin) {
            String op = "'" + bin.op().symbol + "'";
            String start = bin.op() == BinOp.MUL ? op + " is elementwise in numpy; " : op + " is elementwise; ";
            String hint = bin.op() == BinOp.MUL ? repair(new MatMul(bin.a(), bin.b())) : "";
            if (hint.isEmpty()) {
                hint = repairTranspose(bin);
            }
            return start + a + " and " + b + " do not broadcast in " + MPrinter.print(node)
                    + (hint.isEmpty() ? "" : "; did you mean " + hint + "?");
        }
        return a + " and " + b + " do not broadcast in " + MPrinter.print(node);
    }

    private Shape matmul(MatMul m, Shape a, Shape b) throws ShapeError {
        if (a.isScalar() || b.isScalar()) {
            throw new ShapeError(m, "np.dot with a scalar operand in " + MPrinter.print(m)
                    + " is not supported; multiply by a scalar with '*'", false);
        }
        Dim inner1 = a.dim(a.rank() - 1);
        Dim inner2 = b.dim(0);
        if (!inner1.equals(inner2)) {
            String hint = repairMatmul(m);
            throw new ShapeError(m, MPrinter.print(m) + " multiplies " + a + " by " + b + ": the inner dimensions "
                    + inner1 + " and " + inner2 + " differ" + (hint.isEmpty() ? "" : "; did you mean " + hint + "?"),
                    false);
        }
        List<Dim> out = new ArrayList<>();
        if (a.rank() == 2) {
            out.add(a.dim(0));
        }
        if (b.rank() == 2) {
            out.add(b.dim(1));
        }
        return new Shape(out);
    }

    private String repairMatmul(MatMul m) {
        List<MExpr> tries = List.of(new MatMul(m.a(), flip(m.b())), new MatMul(flip(m.a()), m.b()),
                new MatMul(m.b(), m.a()), new MatMul(flip(m.a()), flip(m.b())));
        for (MExpr t : tries) {
            String r = repair(t);
            if (!r.isEmpty()) {
                return r;
            }
        }
        return "";
    }

    private String repairTranspose(Bin b) {
        for (MExpr t : List.of(new Bin(b.op(), b.a(), flip(b.b())), new Bin(b.op(), flip(b.a()), b.b()))) {
            String r = repair(t);
            if (!r.isEmpty()) {
                return r;
            }
        }
        return "";
    }

    private static MExpr flip(MExpr e) {
        return e instanceof Transpose t ? t.a() : new Transpose(e);
    }

    private String repair(MExpr candidate) {
        if (!hints) {
            return "";
        }
        return new Shapes(names, false).tryInfer(candidate) == null ? "" : MPrinter.print(candidate);
    }
}
