package org.gradaudit.matrix.numeric;

import java.util.Map;
import java.util.function.Function;
import org.gradaudit.matrix.expr.Dim;
import org.gradaudit.matrix.expr.MExpr;
import org.gradaudit.matrix.expr.Shape;

/**
 * Evaluates a matrix expression at concrete sizes and values, with numpy's semantics, and carries a
 * first-order bound on every entry's rounding error (as the scalar audit's error compiler does), so
 * that the audit's {@link org.gradaudit.check.tolerance.BoundedAgreement} applies to every entry unchanged. The
 * expression must type-check; a formula that does not is never evaluated.
 */
public final class TensorEval {
    static final double U = 0x1p-53;

    private final Function<String, Tensor> names;
    private final Function<String, Tensor> adjoints;
    private final Map<String, Integer> sizes;

    /**
     * @param names the value of every quantity and gradient name
     * @param adjoints the value of {@code dL/dV} for each quantity V
     * @param sizes the size of each dimension
     */
    public TensorEval(Function<String, Tensor> names, Function<String, Tensor> adjoints, Map<String, Integer> sizes) {
        this.names = names;
        this.adjoints = adjoints;
        this.sizes = sizes;
    }

    public int size(Dim d) {
        return d instanceof Dim.Fixed f ? f.size() : sizes.get(((Dim.Sym) d).name());
    }

    /** Zeros of a shape. */
    public Tensor zeros(Shape s) {
        int rows = s.rank() == 2 ? size(s.dim(0)) : 1;
        int cols = s.rank() == 0 ? 1 : size(s.dim(s.rank() - 1));
        return new Tensor(s.rank(), rows, cols, new double[rows * cols], new double[rows * cols]);
    }

    public Tensor eval(MExpr x) {
        if (x instanceof MExpr.Num n) {
            double c = n.value();
            return Tensor.scalar(c, c == Math.rint(c) && Math.abs(c) < 0x1p53 ? 0 : U * Math.abs(c));
        } else if (x instanceof MExpr.DimRef d) {
            return Tensor.scalar(sizes.get(d.name()), 0);
        } else if (x instanceof MExpr.Ref r) {
            return names.apply(r.name());
        } else if (x instanceof MExpr.Adjoint a) {
            return adjoints.apply(a.of());
        } else if (x instanceof MExpr.Zeros z) {
            return zeros(z.shape());
        } else if (x instanceof MExpr.Neg n) {
            Tensor a = eval(n.a());
            return Ops.map(a, (v, e) -> -v, (v, e, r) -> e);
        } else if (x instanceof MExpr.Bin b) {
            return Ops.binary(b.op(), eval(b.a()), eval(b.b()));
        } else if (x instanceof MExpr.Compare c) {
            return Ops.compare(c.op(), eval(c.a()), eval(c.b()));
        } else if (x instanceof MExpr.MatMul m) {
            return Ops.matmul(eval(m.a()), eval(m.b()));
        } else if (x instanceof MExpr.Transpose t) {
            return Ops.transpose(eval(t.a()));
        } else if (x instanceof MExpr.Pow p) {
            return Ops.pow(eval(p.a()), p.exponent());
        } else if (x instanceof MExpr.Apply a) {
            return Ops.apply(a.fn(), eval(a.a()));
        } else if (x instanceof MExpr.Reduce r) {
            return Ops.reduce(r.op(), eval(r.a()), r.axis(), r.keepdims());
        } else if (x instanceof MExpr.Softmax s) {
            return Ops.softmax(eval(s.a()), s.axis(), s.log());
        } else if (x instanceof MExpr.Broadcast b) {
            Tensor a = eval(b.a());
            return Ops.binary(MExpr.BinOp.ADD, a, zeros(b.shape()));
        } else if (x instanceof MExpr.Expand e) {
            Tensor a = eval(e.a());
            if (a.rank == 0) {
                return new Tensor(1, 1, 1, a.v, a.e);
            }
            // (n,) -> (1, n) at axis 0, (n, 1) at axis 1
            return e.axis() == 0 ? new Tensor(2, 1, a.cols, a.v, a.e) : new Tensor(2, a.cols, 1, a.v, a.e);
        }
        throw new AssertionError("no evaluation rule for " + x.getClass());
    }

    /** {@code c * t} for an exact scalar c (a coefficient of numbers and sizes). */
    public Tensor evalScaled(double c, Tensor t) {
        return Ops.binary(MExpr.BinOp.MUL, Tensor.scalar(c, c == Math.rint(c) ? 0 : U * Math.abs(c)), t);
    }
}
