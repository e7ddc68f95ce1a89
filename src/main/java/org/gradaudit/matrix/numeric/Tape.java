package org.gradaudit.matrix.numeric;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.gradaudit.bounds.MemoryBudget;
import org.gradaudit.matrix.expr.Dim;
import org.gradaudit.matrix.expr.MExpr;
import org.gradaudit.matrix.expr.Shape;
import org.gradaudit.matrix.model.MatrixModel;

/**
 * A vectorized file's forward pass at concrete sizes, flattened into primitive steps in evaluation
 * order (inputs and parameters first, the loss last), each with its storage shape and its value at
 * the base point. {@link TapeLoss} re-evaluates it after moving one parameter entry, recomputing
 * only the block of each step that the move can reach. Shapes follow {@link Ops}: row-major
 * {@code rows x cols} storage, a rank-1 array as one row, a scalar as 1 x 1.
 */
final class Tape {
    /** What a step computes. */
    enum Kind {
        LEAF, CONST, NEG, BIN, CMP, MATMUL, TRANSPOSE, POW, APPLY, REDUCE, SOFTMAX, RESHAPE
    }

    /** One primitive step; {@code a} and {@code b} are operand step indices, -1 when absent. */
    record Step(Kind kind, int a, int b, int rank, int rows, int cols, MExpr op) {
        int size() {
            return rows * cols;
        }
    }

    final List<Step> steps = new ArrayList<>();
    /** The step of each free quantity (input or parameter), by name. */
    final Map<String, Integer> leaves = new HashMap<>();
    /** Each step's value at the base point. */
    final List<double[]> base = new ArrayList<>();
    final int loss;
    final boolean smooth;
    private final Map<String, Integer> sizes;
    private final Map<String, Integer> nodes = new HashMap<>();
    private final IdentityHashMap<MExpr, Integer> compiled = new IdentityHashMap<>();
    private boolean kinks;

    /**
     * @param free the value of every input and parameter, in storage order
     * @throws IllegalArgumentException if the steps would take more memory than the budget allows
     */
    Tape(MatrixModel model, Map<String, Integer> sizes, Map<String, double[]> free) {
        this.sizes = sizes;
        for (MatrixModel.Quantity q : model.free()) {
            int[] s = storage(q.shape());
            leaves.put(q.name(), add(new Step(Kind.LEAF, -1, -1, q.shape().rank(), s[0], s[1], null),
                    free.get(q.name()).clone()));
        }
        for (String node : model.order()) {
            nodes.put(node, compile(model.definitions().get(node)));
        }
        this.loss = nodes.get(model.loss());
        this.smooth = !kinks;
    }

    /**
     * Bytes one base point and {@code evaluators} evaluators take at these sizes, computed before
     * anything is allocated: every step's value, and per evaluator its real and imaginary parts.
     * Overflow-safe: {@code Long.MAX_VALUE} when the estimate overflows.
     */
    static long bytes(MatrixModel model, Map<String, Integer> sizes, int evaluators) {
        long entries = 0;
        for (MatrixModel.Quantity q : model.quantities().values()) {
            entries = MemoryBudget.plus(entries, entries(q.shape(), sizes));
        }
        // a node's formula has intermediate steps too; a matrix product's is the largest, about one node's worth
        long perEntry = (long) Double.BYTES * (3 + 2L * evaluators);
        return MemoryBudget.times(MemoryBudget.times(entries, 2), perEntry);
    }

    /** The entries of a shape at concrete sizes, overflow-safe. */
    static long entries(Shape s, Map<String, Integer> sizes) {
        long n = 1;
        for (Dim d : s.dims()) {
            n = MemoryBudget.times(n, d instanceof Dim.Fixed f ? f.size() : sizes.get(((Dim.Sym) d).name()));
        }
        return n;
    }

    /** The step that holds a defined node's value. */
    int node(String name) {
        return nodes.get(name);
    }

    private int[] storage(Shape s) {
        int rows = s.rank() == 2 ? size(s.dim(0)) : 1;
        int cols = s.rank() == 0 ? 1 : size(s.dim(s.rank() - 1));
        return new int[] {rows, cols};
    }

    private int size(Dim d) {
        return d instanceof Dim.Fixed f ? f.size() : sizes.get(((Dim.Sym) d).name());
    }

    private int add(Step s, double[] value) {
        steps.add(s);
        base.add(value);
        return steps.size() - 1;
    }

    private Step step(int i) {
        return steps.get(i);
    }

    private int compile(MExpr x) {
        Integer done = compiled.get(x);
        if (done != null) {
            return done;
        }
        int i = compileNew(x);
        compiled.put(x, i);
        return i;
    }

    private int constant(double c) {
        return add(new Step(Kind.CONST, -1, -1, 0, 1, 1, null), new double[] {c});
    }

    private int compileNew(MExpr x) {
        if (x instanceof MExpr.Num n) {
            return constant(n.value());
        } else if (x instanceof MExpr.DimRef d) {
            return constant(sizes.get(d.name()));
        } else if (x instanceof MExpr.Ref r) {
            Integer leaf = leaves.containsKey(r.name()) ? leaves.get(r.name()) : nodes.get(r.name());
            if (leaf == null) {
                throw new IllegalArgumentException("the forward pass uses [" + r.name() + "] before it is defined");
            }
            return leaf;
        } else if (x instanceof MExpr.Zeros z) {
            int[] s = storage(z.shape());
            return add(new Step(Kind.CONST, -1, -1, z.shape().rank(), s[0], s[1], null), new double[s[0] * s[1]]);
        } else if (x instanceof MExpr.Neg n) {
            return unary(Kind.NEG, compile(n.a()), x);
        } else if (x instanceof MExpr.Pow p) {
            return unary(Kind.POW, compile(p.a()), x);
        } else if (x instanceof MExpr.Apply a) {
            kinks |= a.fn() == MExpr.Fn.RELU;
            return unary(Kind.APPLY, compile(a.a()), x);
        } else if (x instanceof MExpr.Softmax s) {
            return unary(Kind.SOFTMAX, compile(s.a()), x);
        } else if (x instanceof MExpr.Bin b) {
            return binary(Kind.BIN, compile(b.a()), compile(b.b()), x);
        } else if (x instanceof MExpr.Compare c) {
            kinks = true;
            return binary(Kind.CMP, compile(c.a()), compile(c.b()), x);
        } else if (x instanceof MExpr.Broadcast b) {
            int[] s = storage(b.shape());
            int zeros = add(new Step(Kind.CONST, -1, -1, b.shape().rank(), s[0], s[1], null), new double[s[0] * s[1]]);
            return binary(Kind.BIN, compile(b.a()), zeros, new MExpr.Bin(MExpr.BinOp.ADD, b.a(), b.a()));
        } else if (x instanceof MExpr.Transpose t) {
            int a = compile(t.a());
            Step sa = step(a);
            return sa.rank() < 2 ? a : add(new Step(Kind.TRANSPOSE, a, -1, 2, sa.cols(), sa.rows(), x), null);
        } else if (x instanceof MExpr.Expand e) {
            int a = compile(e.a());
            Step sa = step(a);
            int n = sa.size();
            return sa.rank() == 0 ? add(new Step(Kind.RESHAPE, a, -1, 1, 1, 1, x), null)
                    : add(new Step(Kind.RESHAPE, a, -1, 2, e.axis() == 0 ? 1 : n, e.axis() == 0 ? n : 1, x), null);
        } else if (x instanceof MExpr.MatMul m) {
            return matmul(compile(m.a()), compile(m.b()), x);
        } else if (x instanceof MExpr.Reduce r) {
            return reduce(compile(r.a()), r, x);
        }
        throw new IllegalArgumentException("the forward pass cannot be evaluated here: " + x.getClass().getSimpleName());
    }

    private int unary(Kind kind, int a, MExpr op) {
        Step s = step(a);
        return add(new Step(kind, a, -1, s.rank(), s.rows(), s.cols(), op), null);
    }

    private int binary(Kind kind, int a, int b, MExpr op) {
        Step sa = step(a);
        Step sb = step(b);
        int rows = Ops.broadcastSize(sa.rows(), sb.rows());
        int cols = Ops.broadcastSize(sa.cols(), sb.cols());
        return add(new Step(kind, a, b, Math.max(sa.rank(), sb.rank()), rows, cols, op), null);
    }

    private int matmul(int a, int b, MExpr op) {
        Step sa = step(a);
        Step sb = step(b);
        int p = sa.rank() == 2 ? sa.rows() : 1;
        boolean column = sb.rank() < 2;
        int nb = column ? sb.cols() : sb.rows();
        int r = column ? 1 : sb.cols();
        if (sa.cols() != nb) {
            throw new IllegalArgumentException("inner sizes [" + sa.cols() + "] and [" + nb + "] differ");
        }
        int rank = (sa.rank() == 2 ? 1 : 0) + (column ? 0 : 1);
        return rank == 2 ? add(new Step(Kind.MATMUL, a, b, 2, p, r, op), null)
                : add(new Step(Kind.MATMUL, a, b, rank, 1, p * r, op), null);
    }

    private int reduce(int a, MExpr.Reduce r, MExpr op) {
        Step s = step(a);
        if (r.axis() == MExpr.Reduce.ALL) {
            return add(new Step(Kind.REDUCE, a, -1, r.keepdims() ? s.rank() : 0, 1, 1, op), null);
        }
        if (s.rank() < 2) {
            return add(new Step(Kind.REDUCE, a, -1, r.keepdims() ? 1 : 0, 1, 1, op), null);
        }
        boolean rowsAxis = r.axis() == 0 || r.axis() == -2;
        int outer = rowsAxis ? s.cols() : s.rows();
        if (r.keepdims()) {
            return add(new Step(Kind.REDUCE, a, -1, 2, rowsAxis ? 1 : outer, rowsAxis ? outer : 1, op), null);
        }
        return add(new Step(Kind.REDUCE, a, -1, 1, 1, outer, op), null);
    }

    /** Whether step {@code s} reduces down the rows of a matrix (numpy axis 0). */
    boolean alongRows(Step s) {
        Step a = step(s.a());
        int axis = s.op() instanceof MExpr.Reduce r ? r.axis() : ((MExpr.Softmax) s.op()).axis();
        return a.rank() == 2 && (axis == 0 || axis == -2);
    }
}
