package org.gradaudit.matrix.grad;

import java.util.Map;
import java.util.Optional;
import org.gradaudit.matrix.expr.MExpr;
import org.gradaudit.matrix.expr.MExpr.Bin;
import org.gradaudit.matrix.expr.MExpr.BinOp;
import org.gradaudit.matrix.expr.Shape;
import org.gradaudit.matrix.model.Shapes;

/**
 * Smart constructors for gradient formulas, so that the truth reads as a tutorial writes it:
 * scalar coefficients are pulled to the front and folded ({@code 1/m * np.dot(dZ1, X.T)}), a
 * broadcast that an elementwise operation does anyway is left implicit, {@code 1 *} and
 * {@code .T.T} disappear, and a subformula equal to a definition is written as its name.
 * Every rewrite keeps the value (and the shape) of the formula.
 */
public final class Build {
    private final Shapes shapes;
    private final Map<MExpr, String> definitions;

    /**
     * @param shapes shape inference over the file's names
     * @param definitions each node's defining formula, mapped to the node's name
     */
    public Build(Shapes shapes, Map<MExpr, String> definitions) {
        this.shapes = shapes;
        this.definitions = definitions;
    }

    /** A formula as a scalar coefficient times the rest. */
    record Split(Coef coef, MExpr rest) {
    }

    static Split split(MExpr e) {
        Optional<Coef> c = Coef.of(e);
        if (c.isPresent()) {
            return new Split(c.get(), new MExpr.Num(1));
        }
        if (e instanceof MExpr.Neg n) {
            Split s = split(n.a());
            return folded(e, s.coef().times(new Coef(-1, Map.of())), s.rest());
        }
        if (e instanceof Bin b && b.op() == BinOp.MUL) {
            Optional<Coef> k = Coef.of(b.a());
            if (k.isPresent()) {
                Split s = split(b.b());
                return folded(e, k.get().times(s.coef()), s.rest());
            }
            // (0.5 * lambd) * W2: the coefficient of a factor is the product's
            Split x = split(b.a());
            Split y = split(b.b());
            if (!x.coef().isOne() || !y.coef().isOne()) {
                MExpr rest = isOne(x.rest()) ? y.rest() : isOne(y.rest()) ? x.rest() : new Bin(BinOp.MUL, x.rest(), y.rest());
                return folded(e, x.coef().times(y.coef()), rest);
            }
        }
        if (e instanceof Bin b && b.op() == BinOp.DIV) {
            Optional<Coef> k = Coef.of(b.b());
            if (k.isPresent() && k.get().value() != 0) {
                Split s = split(b.a());
                return folded(e, s.coef().times(k.get().inverse()), s.rest());
            }
        }
        return new Split(Coef.ONE, e);
    }

    /** {@code e} as {@code coef * rest}, or unsplit where folding the coefficient overflowed. */
    private static Split folded(MExpr e, Coef coef, MExpr rest) {
        return coef.isFinite() ? new Split(coef, rest) : new Split(Coef.ONE, e);
    }

    private static boolean isOne(MExpr e) {
        return e instanceof MExpr.Num n && n.value() == 1;
    }

    /** {@code c * x}, with c folded into x's own coefficient. */
    public MExpr scale(Coef c, MExpr x) {
        Split s = split(x);
        Coef k = c.times(s.coef());
        if (!k.isFinite()) {
            return new Bin(BinOp.MUL, c.toExpr(), x); // the product of the two would overflow: not folded
        }
        MExpr rest = s.rest();
        if (k.isOne()) {
            return rest;
        }
        if (isOne(rest)) {
            return k.toExpr();
        }
        if (k.value() == -1 && k.powers().isEmpty()) {
            return new MExpr.Neg(rest);
        }
        return new Bin(BinOp.MUL, k.toExpr(), rest);
    }

    /** {@code x / k}, folded where the reciprocal of k is finite. */
    public MExpr unscale(Coef k, MExpr x) {
        Coef inverse = k.inverse();
        return inverse.isFinite() ? scale(inverse, x) : new Bin(BinOp.DIV, x, k.toExpr());
    }

    public MExpr neg(MExpr a) {
        return scale(new Coef(-1, Map.of()), a);
    }

    public MExpr mul(MExpr a, MExpr b) {
        Split x = split(a);
        Split y = split(b);
        MExpr p = x.rest();
        MExpr q = y.rest();
        if (!x.coef().times(y.coef()).isFinite()) {
            return new Bin(BinOp.MUL, implicit(a, b), implicit(b, a));
        }
        MExpr product = isOne(p) ? q : isOne(q) ? p : new Bin(BinOp.MUL, implicit(p, q), implicit(q, p));
        return scale(x.coef().times(y.coef()), fold(product));
    }

    public MExpr div(MExpr a, MExpr b) {
        Split x = split(a);
        Split y = split(b);
        MExpr q = y.rest();
        if (!x.coef().times(y.coef().inverse()).isFinite()) {
            return new Bin(BinOp.DIV, implicit(a, b), implicit(b, a));
        }
        MExpr quotient = isOne(q) ? x.rest() : new Bin(BinOp.DIV, implicit(x.rest(), q), implicit(q, x.rest()));
        return scale(x.coef().times(y.coef().inverse()), fold(quotient));
    }

    public MExpr add(MExpr a, MExpr b) {
        if (a instanceof MExpr.Zeros) {
            return b;
        }
        if (b instanceof MExpr.Zeros) {
            return a;
        }
        Split x = split(a);
        Split y = split(b);
        if (x.rest().equals(y.rest()) && !isOne(x.rest()) && x.coef().powers().equals(y.coef().powers())
                && x.coef().value() + y.coef().value() != 0 && Double.isFinite(x.coef().value() + y.coef().value())) { // 0.5 * r * W + 0.5 * r * W is r * W
            return scale(new Coef(x.coef().value() + y.coef().value(), x.coef().powers()), x.rest());
        }
        if (y.coef().value() < 0) {
            return new Bin(BinOp.SUB, implicit(a, b), implicit(scale(new Coef(-1, Map.of()), b), a));
        }
        return new Bin(BinOp.ADD, implicit(a, b), implicit(b, a));
    }

    public MExpr matmul(MExpr a, MExpr b) {
        Split x = split(a);
        Split y = split(b);
        if (!x.coef().times(y.coef()).isFinite()) {
            return new MExpr.MatMul(a, b);
        }
        return scale(x.coef().times(y.coef()), new MExpr.MatMul(x.rest(), y.rest()));
    }

    public MExpr transpose(MExpr a) {
        Split x = split(a);
        MExpr r = x.rest();
        Shape s = shapes.tryInfer(r);
        MExpr t = r instanceof MExpr.Transpose tt ? tt.a() : s != null && s.rank() < 2 ? r : new MExpr.Transpose(r);
        return scale(x.coef(), t);
    }

    public MExpr reduce(MExpr.ReduceOp op, MExpr a, int axis, boolean keepdims) {
        Split x = split(a);
        return scale(x.coef(), new MExpr.Reduce(op, x.rest(), axis, keepdims));
    }

    public MExpr broadcast(MExpr g, Shape to) {
        Shape s = shapes.tryInfer(g);
        return to.equals(s) ? g : new MExpr.Broadcast(g, to);
    }

    /** {@code np.broadcast_to(g, S)} as an operand of an elementwise operation whose other operand has shape S is g. */
    private MExpr implicit(MExpr e, MExpr other) {
        if (e instanceof MExpr.Broadcast b) {
            Shape o = shapes.tryInfer(other);
            if (b.shape().equals(o)) {
                return b.a();
            }
        }
        return e;
    }

    /** A formula equal to a node's definition, written as the node's name. */
    public MExpr fold(MExpr e) {
        String name = definitions.get(e);
        if (name != null) {
            return new MExpr.Ref(name);
        }
        java.util.List<MExpr> kids = e.children();
        if (kids.isEmpty()) {
            return e;
        }
        java.util.List<MExpr> folded = kids.stream().map(this::fold).toList();
        return folded.equals(kids) ? e : e.withChildren(folded);
    }
}
