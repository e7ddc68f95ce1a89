package org.gradaudit.matrix.grad;

import java.util.List;
import java.util.Map;
import org.gradaudit.matrix.expr.Dim;
import org.gradaudit.matrix.expr.MExpr;
import org.gradaudit.matrix.expr.MExpr.BinOp;
import org.gradaudit.matrix.expr.Shape;
import org.gradaudit.matrix.model.Shapes;

/**
 * Each operation's own reverse rule (MATRIX.md's table): how the gradient {@code G} of a definition
 * is pushed back to the occurrences of a quantity in it, through sums and products (with
 * {@code unb_S(G)} summing G over the axes that shape S was broadcast along), matrix products,
 * transposes, powers, element-wise functions, reductions and softmax. A mask is constant almost
 * everywhere and passes nothing back. {@link ReverseRules} sums these over a quantity's consumers.
 */
final class LocalRules {
    private final Shapes shapes;
    private final Build build;

    LocalRules(Shapes shapes, Build build) {
        this.shapes = shapes;
        this.build = build;
    }

    /** Whether {@code e} refers to the quantity {@code v}. */
    static boolean uses(MExpr e, String v) {
        if (e instanceof MExpr.Ref r) {
            return r.name().equals(v);
        }
        return e.children().stream().anyMatch(c -> uses(c, v));
    }

    /** Pushes the gradient {@code g} of {@code node} down to the occurrences of {@code v} in it. */
    void back(MExpr node, MExpr g, String v, List<MExpr> out) {
        if (!uses(node, v)) {
            return;
        }
        if (node instanceof MExpr.Ref) {
            out.add(g);
        } else if (node instanceof MExpr.Neg n) {
            back(n.a(), build.neg(g), v, out);
        } else if (node instanceof MExpr.Bin b) {
            MExpr a = b.a();
            MExpr c = b.b();
            switch (b.op()) {
                case ADD -> {
                    back(a, unbroadcast(a, g), v, out);
                    back(c, unbroadcast(c, g), v, out);
                }
                case SUB -> {
                    back(a, unbroadcast(a, g), v, out);
                    back(c, unbroadcast(c, build.neg(g)), v, out);
                }
                case MUL -> {
                    back(a, unbroadcast(a, build.mul(g, c)), v, out);
                    back(c, unbroadcast(c, build.mul(g, a)), v, out);
                }
                case DIV -> {
                    back(a, unbroadcast(a, build.div(g, c)), v, out);
                    back(c, unbroadcast(c, build.neg(build.div(build.mul(g, a), new MExpr.Pow(c, 2)))), v, out);
                }
                default -> throw new AssertionError(b.op());
            }
        } else if (node instanceof MExpr.MatMul m) {
            matmul(m, g, v, out);
        } else if (node instanceof MExpr.Transpose t) {
            back(t.a(), build.transpose(g), v, out);
        } else if (node instanceof MExpr.Pow p) {
            MExpr local = p.exponent() == 2 ? build.scale(new Coef(2, Map.of()), p.a())
                    : build.scale(new Coef(p.exponent(), Map.of()), new MExpr.Pow(p.a(), p.exponent() - 1));
            back(p.a(), build.mul(g, local), v, out);
        } else if (node instanceof MExpr.Apply a) {
            back(a.a(), elementwise(a, g), v, out);
        } else if (node instanceof MExpr.Reduce r) {
            reduce(r, g, v, out);
        } else if (node instanceof MExpr.Softmax s) {
            MExpr y = build.fold(new MExpr.Softmax(s.a(), s.axis(), false));
            MExpr local = s.log()
                    ? build.add(g, build.neg(build.mul(y, build.reduce(MExpr.ReduceOp.SUM, g, s.axis(), true))))
                    : build.mul(y, build.add(g, build.neg(build.reduce(MExpr.ReduceOp.SUM, build.mul(g, y), s.axis(), true))));
            back(s.a(), local, v, out);
        } else if (node instanceof MExpr.Compare) {
            return; // a mask is constant almost everywhere
        } else {
            throw new IllegalArgumentException("no reverse rule for " + node.getClass().getSimpleName()
                    + " in a definition");
        }
    }

    private MExpr elementwise(MExpr.Apply a, MExpr g) {
        MExpr self = build.fold(a);
        return switch (a.fn()) {
            case EXP -> build.mul(g, self);
            case LOG -> build.div(g, a.a());
            case TANH -> build.mul(g, new MExpr.Bin(BinOp.SUB, new MExpr.Num(1), new MExpr.Pow(self, 2)));
            case SIGMOID -> build.mul(g, new MExpr.Bin(BinOp.MUL, self, new MExpr.Bin(BinOp.SUB, new MExpr.Num(1), self)));
            case SQRT -> build.div(g, build.scale(new Coef(2, Map.of()), self));
            case RELU -> build.mul(g, new MExpr.Compare(MExpr.CmpOp.GT, a.a(), new MExpr.Num(0)));
        };
    }

    private void matmul(MExpr.MatMul m, MExpr g, String v, List<MExpr> out) {
        Shape a = shapes.tryInfer(m.a());
        Shape b = shapes.tryInfer(m.b());
        if (a.rank() == 2 && b.rank() == 2) {
            back(m.a(), build.matmul(g, build.transpose(m.b())), v, out);
            back(m.b(), build.matmul(build.transpose(m.a()), g), v, out);
        } else if (a.rank() == 1 && b.rank() == 2) {
            back(m.a(), build.matmul(m.b(), g), v, out);
            back(m.b(), build.matmul(new MExpr.Expand(m.a(), 1), new MExpr.Expand(g, 0)), v, out);
        } else if (a.rank() == 2) {
            back(m.a(), build.matmul(new MExpr.Expand(g, 1), new MExpr.Expand(m.b(), 0)), v, out);
            back(m.b(), build.matmul(build.transpose(m.a()), g), v, out);
        } else {
            back(m.a(), build.mul(g, m.b()), v, out);
            back(m.b(), build.mul(g, m.a()), v, out);
        }
    }

    private void reduce(MExpr.Reduce r, MExpr g, String v, List<MExpr> out) {
        Shape a = shapes.tryInfer(r.a());
        MExpr spread;
        Coef divide = Coef.ONE;
        if (r.axis() == MExpr.Reduce.ALL) {
            spread = build.broadcast(g, a);
            for (Dim d : a.dims()) {
                divide = divide.times(count(d));
            }
        } else {
            int axis = r.axis() < 0 ? r.axis() + a.rank() : r.axis();
            // a rank-1 result of a sum over axis 0 broadcasts back as a row without being expanded
            spread = build.broadcast(r.keepdims() || a.rank() == 1 || axis == 0 ? g : new MExpr.Expand(g, axis), a);
            divide = count(a.dim(axis));
        }
        back(r.a(), r.op() == MExpr.ReduceOp.MEAN ? build.scale(divide.inverse(), spread) : spread, v, out);
    }

    private static Coef count(Dim d) {
        return d instanceof Dim.Fixed f ? new Coef(f.size(), Map.of()) : new Coef(1, Map.of(((Dim.Sym) d).name(), 1));
    }

    /** {@code unb_S(g)}: g summed over the axes that operand's shape S was broadcast along. */
    MExpr unbroadcast(MExpr operand, MExpr g) {
        Shape s = shapes.tryInfer(operand);
        Shape r = shapes.tryInfer(g);
        if (s == null || r == null || s.equals(r)) {
            return g;
        }
        if (s.isScalar()) {
            return build.reduce(MExpr.ReduceOp.SUM, g, MExpr.Reduce.ALL, false);
        }
        MExpr out = g;
        int extra = r.rank() - s.rank();
        for (int i = 0; i < extra; i++) {
            out = build.reduce(MExpr.ReduceOp.SUM, out, 0, false);
        }
        for (int i = 0; i < s.rank(); i++) {
            if (s.dim(i).isOne() && !r.dim(i + extra).isOne()) {
                out = build.reduce(MExpr.ReduceOp.SUM, out, i, true);
            }
        }
        return out;
    }
}
