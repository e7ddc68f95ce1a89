package org.gradaudit.matrix.proof;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gradaudit.matrix.expr.Dim;
import org.gradaudit.matrix.expr.MExpr;
import org.gradaudit.matrix.expr.Shape;
import org.gradaudit.matrix.model.Shapes;

/**
 * The matrix canonical form of a formula: elementwise arithmetic as a rational function of atoms
 * (sums of products flattened and ordered, elementwise products commutative, numbers and
 * dimensions collected into coefficients), transposes pushed to the leaves ({@code (AB)^T = B^T
 * A^T}, through elementwise operations, functions, masks and sums), matrix products and sums
 * expanded over their operands' terms with associativity applied, and broadcasting made explicit
 * wherever it changes a value (an operand of {@code np.dot} or {@code np.sum} of a smaller shape
 * than the operand is an explicit broadcast). {@code np.maximum(0, Z)} is {@code Z * (Z > 0)} and a
 * comparison is a mask of a difference against 0. Every rewrite keeps the value, so equal forms
 * (and equal shapes) prove equal formulas; unequal forms prove nothing.
 */
public final class CanonicalForm {
    private final Shapes shapes;
    /** Forms already made, by identity: the prover's expansions share every unchanged subformula. */
    private final java.util.IdentityHashMap<MExpr, Frac> made = new java.util.IdentityHashMap<>();

    /** @param shapes shape inference over the formulas' names */
    public CanonicalForm(Shapes shapes) {
        this.shapes = shapes;
    }

    /**
     * Whether two formulas have the same canonical form (and so are equal wherever both are defined).
     * False when they differ, do not type-check, or the form grows past {@link Poly#MAX_TERMS}.
     */
    public boolean equal(MExpr a, MExpr b) {
        try {
            return of(a).sameAs(of(b));
        } catch (Poly.TooLarge | NotCanonical | ArithmeticException e) {
            return false;
        }
    }

    /** The canonical spelling of a formula, for messages and tests. */
    public String key(MExpr e) {
        return of(e).key();
    }

    /** A formula outside what the canonical form covers (it does not type-check). */
    static final class NotCanonical extends RuntimeException {
        NotCanonical(String why) {
            super(why, null, false, false);
        }
    }

    Frac of(MExpr e) {
        Frac known = made.get(e);
        if (known == null) {
            known = make(e);
            made.put(e, known);
        }
        return known;
    }

    private Frac make(MExpr e) {
        Shape s = shapes.tryInfer(e);
        if (s == null) {
            throw new NotCanonical("does not type-check");
        }
        if (e instanceof MExpr.Num n) {
            return Frac.of(Poly.constant(n.value()), s);
        } else if (e instanceof MExpr.DimRef d) {
            return Frac.of(Poly.term(1, Mono.dim(d.name(), 1)), s);
        } else if (e instanceof MExpr.Ref r) {
            return Frac.atom(Atom.Leaf.of(r.name(), s, false));
        } else if (e instanceof MExpr.Adjoint a) {
            return Frac.atom(Atom.Leaf.of("d" + a.loss() + "/d" + a.of(), s, false));
        } else if (e instanceof MExpr.Zeros) {
            return Frac.of(Poly.ZERO, s);
        } else if (e instanceof MExpr.Neg n) {
            return of(n.a()).negated().withShape(s);
        } else if (e instanceof MExpr.Bin b) {
            Frac x = of(b.a());
            Frac y = of(b.b());
            return switch (b.op()) {
                case ADD -> x.plus(y, s);
                case SUB -> x.plus(y.negated(), s);
                case MUL -> x.times(y, s);
                case DIV -> x.over(y, s);
            };
        } else if (e instanceof MExpr.Pow p) {
            return power(of(p.a()), p.exponent(), s);
        } else if (e instanceof MExpr.Apply a) {
            Frac x = of(a.a());
            if (a.fn() == MExpr.Fn.RELU) { // max(0, x) = x * (x > 0)
                return x.times(mask("> 0", x, s), s);
            }
            return Frac.atom(Atom.Call.of(a.fn().spelling, x));
        } else if (e instanceof MExpr.Compare c) {
            return compare(c, s);
        } else if (e instanceof MExpr.MatMul m) {
            return matmul(of(m.a()), of(m.b()), s);
        } else if (e instanceof MExpr.Transpose t) {
            return Transposes.of(of(t.a()));
        } else if (e instanceof MExpr.Reduce r) {
            return reduce(r, of(r.a()), s);
        } else if (e instanceof MExpr.Softmax x) {
            Frac a = of(x.a());
            int axis = x.axis() < 0 ? x.axis() + a.shape().rank() : x.axis();
            return Frac.atom(Atom.Op.of((x.log() ? "log_softmax/" : "softmax/") + axis, List.of(a), s));
        } else if (e instanceof MExpr.Broadcast b) {
            return of(b.a()).withShape(s); // elementwise, a broadcast is implicit; where it is not, it is made explicit
        } else if (e instanceof MExpr.Expand x) {
            Frac a = of(x.a());
            return a.shape().isScalar() ? a.withShape(s) : Frac.atom(Atom.Op.of("expand/" + x.axis(), List.of(a), s));
        }
        throw new NotCanonical("no canonical rule for " + e.getClass().getSimpleName());
    }

    private static Frac power(Frac x, double k, Shape s) {
        if (k == Math.rint(k) && Math.abs(k) <= 16) {
            Frac out = Frac.of(Poly.ONE, s);
            for (int i = 0; i < Math.abs(k); i++) {
                out = k > 0 ? out.times(x, s) : out.over(x, s);
            }
            return out.withShape(s);
        }
        return Frac.atom(Atom.Op.of("pow/" + k, List.of(x), s));
    }

    /** {@code (a > b)} as the mask {@code (a - b > 0)}; {@code <} and {@code <=} with the operands swapped. */
    private Frac compare(MExpr.Compare c, Shape s) {
        MExpr a = c.a();
        MExpr b = c.b();
        boolean swap = c.op() == MExpr.CmpOp.LT || c.op() == MExpr.CmpOp.LE;
        String op = c.op() == MExpr.CmpOp.GT || c.op() == MExpr.CmpOp.LT ? "> 0" : ">= 0";
        MExpr hi = swap ? b : a;
        MExpr lo = swap ? a : b;
        // relu(x) > 0 exactly where x > 0
        if (op.equals("> 0") && hi instanceof MExpr.Apply r && r.fn() == MExpr.Fn.RELU && lo instanceof MExpr.Num n
                && n.value() == 0) {
            hi = r.a();
        }
        Frac d = of(hi).plus(of(lo).negated(), s);
        return mask(op, d, s);
    }

    private static Frac mask(String op, Frac difference, Shape s) {
        return Frac.atom(Atom.Mask.of(op, difference, Frac.of(Poly.ZERO, Shape.SCALAR), s));
    }

    /** One term of an operand of a product or sum: its scalar factor, and its matrix part as an operand of the operand's shape. */
    private record Part(Frac scalar, Frac operand, boolean constant, Mono matrix) {
    }

    /** Whether a term of the operand's shape {@code in} is broadcast (size 1) along every reduced axis. */
    private static boolean constantAlong(Mono matrix, int axis, Shape in) {
        Shape own = matrix.shape();
        if (own.rank() != in.rank() || matrix.constant()) {
            return false;
        }
        for (int i = 0; i < in.rank(); i++) {
            if ((axis == MExpr.Reduce.ALL || axis == i) && !own.dim(i).isOne()) {
                return false;
            }
        }
        return true;
    }

    /** An operand as terms, each broadcast explicitly to the operand's shape; a fraction with a sum below stays whole. */
    private static List<Part> parts(Frac f) {
        List<Part> out = new ArrayList<>();
        if (!f.den().key().equals(Poly.ONE.key())) {
            out.add(new Part(Frac.of(Poly.ONE, Shape.SCALAR), f, false, Mono.ONE));
            return out;
        }
        for (Map.Entry<String, Double> e : f.num().coefficients().entrySet()) {
            Mono m = f.num().mono(e.getKey());
            Frac scalar = Frac.of(Poly.term(e.getValue(), m.scalarPart()), Shape.SCALAR);
            Mono matrix = m.matrixPart();
            Frac operand = Frac.of(Poly.term(1, matrix), matrix.shape());
            if (!matrix.shape().equals(f.shape())) {
                operand = Frac.atom(Atom.Op.of("broadcast", List.of(operand), f.shape()));
            }
            out.add(new Part(scalar, operand, matrix.constant(), matrix));
        }
        return out;
    }

    private static Frac matmul(Frac a, Frac b, Shape s) {
        Frac out = Frac.of(Poly.ZERO, s);
        for (Part x : parts(a)) {
            for (Part y : parts(b)) {
                List<Frac> chain = new ArrayList<>(operands(x.operand()));
                chain.addAll(operands(y.operand()));
                Frac product = Frac.atom(Atom.Chain.of(chain, s));
                out = out.plus(x.scalar().times(y.scalar(), Shape.SCALAR).times(product, s), s);
            }
        }
        return out;
    }

    /** The operands of a chain operand, spliced by associativity when all are matrices. */
    private static List<Frac> operands(Frac f) {
        Atom only = single(f);
        if (only instanceof Atom.Chain c && f.shape().rank() == 2
                && c.operands().stream().allMatch(o -> o.shape().rank() == 2)) {
            return c.operands();
        }
        return List.of(f);
    }

    /** The atom a fraction is (coefficient 1, power 1), or null. */
    static Atom single(Frac f) {
        if (!f.den().key().equals(Poly.ONE.key()) || f.num().coefficients().size() != 1) {
            return null;
        }
        Map.Entry<String, Double> e = f.num().coefficients().entrySet().iterator().next();
        Mono m = f.num().mono(e.getKey());
        if (e.getValue() != 1 || !m.dims().isEmpty() || m.powers().size() != 1 || m.powers().values().iterator().next() != 1) {
            return null;
        }
        return m.atoms().values().iterator().next();
    }

    /** A softmax summed along its own axis (alone, or with every other axis of size 1) is 1. */
    private static boolean sumsToOne(Atom a, int axis, Shape in) {
        if (!(a instanceof Atom.Op op) || !op.name().startsWith("softmax/")) {
            return false;
        }
        int k = Integer.parseInt(op.name().substring("softmax/".length()));
        if (axis == k) {
            return true;
        }
        if (axis != MExpr.Reduce.ALL) {
            return false;
        }
        for (int i = 0; i < in.rank(); i++) {
            if (i != k && !in.dim(i).isOne()) {
                return false;
            }
        }
        return true;
    }

    private Frac reduce(MExpr.Reduce r, Frac a, Shape s) {
        Shape in = a.shape();
        int axis = r.axis() == MExpr.Reduce.ALL ? MExpr.Reduce.ALL : r.axis() < 0 ? r.axis() + in.rank() : r.axis();
        if (in.rank() == 1 && axis == 0) {
            axis = MExpr.Reduce.ALL;
        }
        Mono count = Mono.ONE;
        double fixed = 1;
        for (int i = 0; i < in.rank(); i++) {
            if (axis == MExpr.Reduce.ALL || axis == i) {
                Dim d = in.dim(i);
                if (d instanceof Dim.Sym sym) {
                    count = count.times(Mono.dim(sym.name(), 1));
                } else {
                    fixed *= ((Dim.Fixed) d).size();
                }
            }
        }
        Frac n = Frac.of(Poly.term(fixed, count), Shape.SCALAR);
        Frac out = Frac.of(Poly.ZERO, s);
        for (Part p : parts(a)) {
            Frac sum;
            if (p.constant()) {
                sum = n; // a scalar term summed over the axes is the count times it
            } else if (r.keepdims() && constantAlong(p.matrix(), axis, in)) {
                sum = n.times(Frac.of(Poly.term(1, p.matrix()), p.matrix().shape()), s); // a broadcast column summed along its rows
            } else if (sumsToOne(single(p.operand()), axis, in)) {
                sum = Frac.of(Poly.ONE, Shape.SCALAR);
            } else {
                sum = Frac.atom(Atom.Sum.of(p.operand(), axis, r.keepdims(), s));
            }
            out = out.plus(p.scalar().times(sum, s), s);
        }
        return r.op() == MExpr.ReduceOp.MEAN ? out.over(n, s) : out;
    }
}
