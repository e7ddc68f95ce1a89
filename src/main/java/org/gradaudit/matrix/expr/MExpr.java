package org.gradaudit.matrix.expr;

import java.util.List;

/**
 * A matrix expression as numpy reads it: every operand is a scalar, a rank-1 array or a matrix,
 * and {@code *}, {@code /}, {@code +}, {@code -} are elementwise with broadcasting. A closed family
 * of immutable records; {@link MPrinter#print} prints numpy. Positions are kept by
 * the parser beside the tree, so that two equal formulas are equal records.
 */
public sealed interface MExpr {
    /** A number literal. */
    record Num(double value) implements MExpr.Leaf {
        public Num {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("a number literal is finite, was [" + value + "]");
            }
        }
    }

    /** A declared dimension used as a number, as in {@code 1/m}. */
    record DimRef(String name) implements MExpr.Leaf {
    }

    /** A quantity: an input, a parameter, a defined node, or a gradient name such as {@code dZ1}. */
    record Ref(String name) implements MExpr.Leaf {
    }

    /** The true gradient {@code dL/dV} of the loss with respect to quantity {@code of}. */
    record Adjoint(String loss, String of) implements MExpr.Leaf {
    }

    /** Elementwise negation. */
    record Neg(MExpr a) implements MExpr.Unary {

        @Override
        public MExpr with(MExpr a) {
            return new Neg(a);
        }
    }

    /** An elementwise binary operator with numpy broadcasting. */
    record Bin(BinOp op, MExpr a, MExpr b) implements MExpr {

        @Override
        public List<MExpr> children() {
            return List.of(a, b);
        }

        @Override
        public MExpr withChildren(List<MExpr> c) {
            return new Bin(op, c.get(0), c.get(1));
        }
    }

    /** The matrix product {@code np.dot(a, b)} or {@code a @ b}. */
    record MatMul(MExpr a, MExpr b) implements MExpr {

        @Override
        public List<MExpr> children() {
            return List.of(a, b);
        }

        @Override
        public MExpr withChildren(List<MExpr> c) {
            return new MatMul(c.get(0), c.get(1));
        }
    }

    /** {@code a.T}. */
    record Transpose(MExpr a) implements MExpr.Unary {

        @Override
        public MExpr with(MExpr a) {
            return new Transpose(a);
        }
    }

    /** {@code a ** exponent} elementwise, for a constant exponent. */
    record Pow(MExpr a, double exponent) implements MExpr.Unary {

        @Override
        public MExpr with(MExpr a) {
            return new Pow(a, exponent);
        }
    }

    /** An elementwise built-in function. */
    record Apply(Fn fn, MExpr a) implements MExpr {

        @Override
        public List<MExpr> children() {
            return List.of(a);
        }

        @Override
        public MExpr withChildren(List<MExpr> c) {
            return new Apply(fn, c.get(0));
        }
    }

    /** A comparison as a 0/1 mask, {@code (Z > 0)}: its derivative is 0 wherever it is defined. */
    record Compare(CmpOp op, MExpr a, MExpr b) implements MExpr {

        @Override
        public List<MExpr> children() {
            return List.of(a, b);
        }

        @Override
        public MExpr withChildren(List<MExpr> c) {
            return new Compare(op, c.get(0), c.get(1));
        }
    }

    /**
     * {@code np.sum} or {@code np.mean} over one axis or all of them.
     *
     * @param axis the axis as written (0, 1 or -1), or {@link #ALL}
     */
    record Reduce(ReduceOp op, MExpr a, int axis, boolean keepdims) implements MExpr {

        @Override
        public List<MExpr> children() {
            return List.of(a);
        }

        @Override
        public MExpr withChildren(List<MExpr> c) {
            return new Reduce(op, c.get(0), axis, keepdims);
        }
        /** The axis value meaning "every axis" (no {@code axis=} given). */
        public static final int ALL = Integer.MIN_VALUE;
    }

    /** {@code softmax(a, axis=k)}, or its logarithm, along one axis. */
    record Softmax(MExpr a, int axis, boolean log) implements MExpr.Unary {

        @Override
        public MExpr with(MExpr a) {
            return new Softmax(a, axis, log);
        }
    }

    /** {@code np.broadcast_to(a, shape)}: gradients are written with it, and {@code np.ones(shape)} is 1 broadcast. */
    record Broadcast(MExpr a, Shape shape) implements MExpr.Unary {

        @Override
        public MExpr with(MExpr a) {
            return new Broadcast(a, shape);
        }
    }

    /** {@code np.expand_dims(a, axis)}: only gradients are written with it. */
    record Expand(MExpr a, int axis) implements MExpr.Unary {

        @Override
        public MExpr with(MExpr a) {
            return new Expand(a, axis);
        }
    }

    /** {@code np.zeros(shape)}: as written, or the gradient of a quantity the loss does not depend on. */
    record Zeros(Shape shape) implements MExpr.Leaf {
    }

    /** Elementwise binary operators. */
    enum BinOp {
        ADD("+"), SUB("-"), MUL("*"), DIV("/");

        public final String symbol;

        BinOp(String symbol) {
            this.symbol = symbol;
        }
    }

    /** Comparisons that make masks. */
    enum CmpOp {
        GT(">"), GE(">="), LT("<"), LE("<=");

        public final String symbol;

        CmpOp(String symbol) {
            this.symbol = symbol;
        }

        /** The comparison true exactly where this one is false (for {@code dZ[Z <= 0] = 0}). */
        public CmpOp complement() {
            return switch (this) {
                case GT -> LE;
                case GE -> LT;
                case LT -> GE;
                case LE -> GT;
            };
        }
    }

    /** Reductions. */
    enum ReduceOp {
        SUM("np.sum"), MEAN("np.mean");

        public final String spelling;

        ReduceOp(String spelling) {
            this.spelling = spelling;
        }
    }

    /** Elementwise built-in functions, with their numpy spelling. */
    enum Fn {
        EXP("np.exp"), LOG("np.log"), TANH("np.tanh"), SQRT("np.sqrt"), SIGMOID("sigmoid"), RELU("relu");

        public final String spelling;

        Fn(String spelling) {
            this.spelling = spelling;
        }
    }

    /** The direct sub-expressions, left to right. */
    List<MExpr> children();

    /** Every name this expression reads ({@link Ref}), in the order first read. */
    default java.util.Set<String> names() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        if (this instanceof Ref r) {
            out.add(r.name());
        }
        for (MExpr c : children()) {
            out.addAll(c.names());
        }
        return out;
    }

    /** This node with its children replaced (same count and order as {@link #children()}). */
    MExpr withChildren(List<MExpr> c);

    /** A node of one operand, {@code a}: its children are that operand alone. */
    sealed interface Unary extends MExpr {
        /** The operand. */
        MExpr a();

        /** This node with another operand. */
        MExpr with(MExpr a);

        @Override
        default List<MExpr> children() {
            return List.of(a());
        }

        @Override
        default MExpr withChildren(List<MExpr> c) {
            return with(c.get(0));
        }
    }

    /** A leaf: no children. */
    sealed interface Leaf extends MExpr {
        @Override
        default List<MExpr> children() {
            return List.of();
        }

        @Override
        default MExpr withChildren(List<MExpr> c) {
            return this;
        }
    }
}
