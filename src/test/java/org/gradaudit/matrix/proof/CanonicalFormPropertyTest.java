package org.gradaudit.matrix.proof;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gradaudit.matrix.Vectorized;
import org.gradaudit.matrix.expr.MExpr;
import org.gradaudit.matrix.expr.MExpr.Bin;
import org.gradaudit.matrix.expr.MExpr.BinOp;
import org.gradaudit.matrix.expr.MExpr.MatMul;
import org.gradaudit.matrix.expr.MExpr.Transpose;
import org.gradaudit.matrix.expr.MPrinter;
import org.gradaudit.matrix.model.MatrixModel;
import org.gradaudit.matrix.numeric.Tensor;
import org.gradaudit.matrix.numeric.TensorEval;
import org.junit.jupiter.api.Test;

/**
 * Seeded properties of the matrix canonical form: random shaped formulas (matrix products,
 * transposes, elementwise operators with broadcast columns and scalars, functions, axis sums,
 * quotients) and equal rewrites of them (transpose laws, distributivity, commuted elementwise
 * products and sums, scalars moved into products) canonicalise equal; formulas that differ
 * numerically never canonicalise equal.
 */
class CanonicalFormPropertyTest {
    private static final String[] DIMS = {"a", "b", "c"};
    private static final String FILE = """
            dim a, b, c
            param Pab : (a, b), Pba : (b, a), Pbc : (b, c), Pcb : (c, b), Pac : (a, c), Pca : (c, a), s
            param Qab : (a, b), Qbc : (b, c), Qac : (a, c)
            param ca : (a, 1), cb : (b, 1), cc : (c, 1)
            input R : (a, c)
            N = np.dot(Pab, Pbc) + Pac
            loss L(N, R) = np.sum(N * R)
            """;

    private final MatrixModel model = load();
    private final CanonicalForm canonical = new CanonicalForm(model.shapes());
    private final Map<String, Integer> sizes = Map.of("a", 2, "b", 3, "c", 4);

    private static MatrixModel load() {
        try {
            return Vectorized.load("props.deriv", FILE);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void equalRewritesCanonicaliseEqual() {
        int rewritten = 0;
        for (long seed = 0; seed < 300; seed++) {
            Random random = new Random(seed);
            String[] shape = shape(random);
            MExpr e = gen(shape[0], shape[1], 3, random);
            MExpr r = rewrite(e, random);
            if (r.equals(e)) {
                continue;
            }
            rewritten++;
            Map<String, Tensor> values = values(random);
            // the rewrite itself is an identity (else the test would prove nothing)
            assertTrue(close(eval(e, values), eval(r, values)), "seed " + seed + ": the rewrite changed the value: "
                    + MPrinter.print(e) + " vs " + MPrinter.print(r));
            assertTrue(canonical.equal(e, r), "seed " + seed + ": " + MPrinter.print(e) + "  and  " + MPrinter.print(r)
                    + "\n  " + canonical.key(e) + "\n  " + canonical.key(r));
        }
        assertTrue(rewritten > 200, "only " + rewritten + " rewrites");
    }

    @Test
    void formulasThatDifferNumericallyNeverCanonicaliseEqual() {
        int different = 0;
        for (long seed = 0; seed < 400; seed++) {
            Random random = new Random(seed);
            String[] shape = shape(random);
            MExpr e = gen(shape[0], shape[1], 3, random);
            MExpr other = seed % 2 == 0 ? gen(shape[0], shape[1], 3, random) : mutate(e, random);
            Map<String, Tensor> values = values(random);
            boolean numericallyEqual = close(eval(e, values), eval(other, values));
            if (!numericallyEqual) {
                different++;
                assertFalse(canonical.equal(e, other), "seed " + seed + ": " + MPrinter.print(e) + " and "
                        + MPrinter.print(other) + " differ at a point but have one canonical form");
            }
        }
        assertTrue(different > 250, "only " + different + " unequal pairs");
    }

    @Test
    void transposeOfAProductIsTheReversedProductOfTransposesAndBroadcastSumsAreExplicit() {
        MExpr ab = new MatMul(new MExpr.Ref("Pab"), new MExpr.Ref("Pbc"));
        MExpr reversed = new Transpose(new MatMul(new Transpose(new MExpr.Ref("Pbc")), new Transpose(new MExpr.Ref("Pab"))));
        assertTrue(canonical.equal(ab, reversed));
        // a column broadcast over c columns, summed over them, is c times the column: not the column itself
        MExpr column = new Bin(BinOp.ADD, new MExpr.Ref("ca"), new MExpr.Zeros(model.shape("Pac")));
        MExpr summed = new MExpr.Reduce(MExpr.ReduceOp.SUM, column, 1, true);
        assertFalse(canonical.equal(summed, new MExpr.Ref("ca")));
        assertTrue(canonical.equal(summed, new Bin(BinOp.MUL, new MExpr.DimRef("c"), new MExpr.Ref("ca"))));
    }

    private static String[] shape(Random random) {
        int r = random.nextInt(3);
        int c = (r + 1 + random.nextInt(2)) % 3;
        return new String[] {DIMS[r], DIMS[c]};
    }

    private static String third(String x, String y) {
        for (String d : DIMS) {
            if (!d.equals(x) && !d.equals(y)) {
                return d;
            }
        }
        throw new AssertionError();
    }

    private MExpr leaf(String r, String c, Random random) {
        List<MExpr> options = new ArrayList<>();
        for (String name : model.quantities().keySet()) {
            String s = model.shape(name).toString();
            if (s.equals("(" + r + ", " + c + ")")) {
                options.add(new MExpr.Ref(name));
            }
            if (s.equals("(" + c + ", " + r + ")")) {
                options.add(new Transpose(new MExpr.Ref(name)));
            }
        }
        options.removeIf(o -> o.equals(new MExpr.Ref("N")) || o.equals(new MExpr.Ref("R"))
                || o.equals(new Transpose(new MExpr.Ref("R"))) || o.equals(new Transpose(new MExpr.Ref("N"))));
        return options.get(random.nextInt(options.size()));
    }

    /** A random formula of shape (r, c), r != c. */
    private MExpr gen(String r, String c, int depth, Random random) {
        if (depth == 0) {
            return leaf(r, c, random);
        }
        int d = depth - 1;
        return switch (random.nextInt(11)) {
            case 0 -> leaf(r, c, random);
            case 1 -> new Bin(BinOp.ADD, gen(r, c, d, random), gen(r, c, d, random));
            case 2 -> new Bin(BinOp.SUB, gen(r, c, d, random), gen(r, c, d, random));
            case 3 -> new Bin(BinOp.MUL, gen(r, c, d, random), gen(r, c, d, random));
            case 4 -> new Bin(BinOp.MUL, gen(r, c, d, random), new MExpr.Ref("c" + r));
            case 5 -> new Bin(BinOp.MUL, random.nextBoolean() ? new MExpr.Num(2.5)
                    : random.nextBoolean() ? new MExpr.DimRef("b") : new MExpr.Ref("s"), gen(r, c, d, random));
            case 6 -> {
                String k = third(r, c);
                yield new MatMul(gen(r, k, d, random), gen(k, c, d, random));
            }
            case 7 -> new Transpose(gen(c, r, d, random));
            case 8 -> new MExpr.Apply(MExpr.Fn.TANH, gen(r, c, d, random));
            case 9 -> new Bin(BinOp.MUL, gen(r, c, d, random),
                    new MExpr.Reduce(MExpr.ReduceOp.SUM, gen(r, third(r, c), d, random), 1, true));
            default -> new Bin(BinOp.DIV, gen(r, c, d, random),
                    new Bin(BinOp.ADD, new MExpr.Num(2), new MExpr.Apply(MExpr.Fn.EXP, gen(r, c, d, random))));
        };
    }

    /** An equal formula: one identity applied at one node (or none applies). */
    private MExpr rewrite(MExpr e, Random random) {
        List<MExpr> kids = e.children();
        if (!kids.isEmpty() && random.nextInt(3) > 0) {
            int i = random.nextInt(kids.size());
            List<MExpr> changed = new ArrayList<>(kids);
            changed.set(i, rewrite(kids.get(i), random));
            if (!changed.get(i).equals(kids.get(i))) {
                return e.withChildren(changed);
            }
        }
        if (e instanceof Bin b && (b.op() == BinOp.MUL || b.op() == BinOp.ADD)) {
            if (b.op() == BinOp.MUL && b.b() instanceof Bin s && s.op() == BinOp.ADD && random.nextBoolean()) {
                return new Bin(BinOp.ADD, new Bin(BinOp.MUL, b.a(), s.a()), new Bin(BinOp.MUL, b.a(), s.b()));
            }
            return new Bin(b.op(), b.b(), b.a());
        }
        if (e instanceof Bin b && b.op() == BinOp.SUB) {
            return new Bin(BinOp.ADD, b.a(), new Bin(BinOp.MUL, new MExpr.Num(-1), b.b()));
        }
        if (e instanceof MatMul m) {
            if (m.b() instanceof Bin s && s.op() == BinOp.ADD) {
                return new Bin(BinOp.ADD, new MatMul(m.a(), s.a()), new MatMul(m.a(), s.b()));
            }
            if (m.a() instanceof Bin s && s.op() == BinOp.MUL && s.a() instanceof MExpr.Num) {
                return new Bin(BinOp.MUL, s.a(), new MatMul(s.b(), m.b()));
            }
            return new Transpose(new MatMul(new Transpose(m.b()), new Transpose(m.a())));
        }
        if (e instanceof Transpose t && t.a() instanceof MatMul m) {
            return new MatMul(new Transpose(m.b()), new Transpose(m.a()));
        }
        return new Transpose(new Transpose(e));
    }

    /** A formula that is usually different: one operator or leaf changed. */
    private MExpr mutate(MExpr e, Random random) {
        List<MExpr> kids = e.children();
        if (!kids.isEmpty() && random.nextInt(4) > 0) {
            int i = random.nextInt(kids.size());
            List<MExpr> changed = new ArrayList<>(kids);
            changed.set(i, mutate(kids.get(i), random));
            return e.withChildren(changed);
        }
        if (e instanceof Bin b && b.op() == BinOp.ADD) {
            return new Bin(BinOp.SUB, b.a(), b.b());
        }
        if (e instanceof Bin b && b.op() == BinOp.MUL) {
            return new Bin(BinOp.ADD, b.a(), b.b());
        }
        String[] s = model.shapes().tryInfer(e).toString().replaceAll("[() ]", "").split(",");
        if (s.length != 2 || s[0].equals(s[1]) || s[0].equals("1") || s[1].equals("1")) {
            return new Bin(BinOp.MUL, new MExpr.Num(1.5), e);
        }
        return new Bin(BinOp.ADD, e, leaf(s[0], s[1], random));
    }

    private Map<String, Tensor> values(Random random) {
        Map<String, Tensor> out = new HashMap<>();
        TensorEval shapesOnly = new TensorEval(n -> null, n -> null, sizes);
        for (MatrixModel.Quantity q : model.free()) {
            Tensor z = shapesOnly.zeros(q.shape());
            double[] v = new double[z.size()];
            for (int k = 0; k < v.length; k++) {
                v[k] = -1 + 2 * random.nextDouble();
            }
            out.put(q.name(), Tensor.exact(z.rank(), z.rows(), z.cols(), v));
        }
        return out;
    }

    private Tensor eval(MExpr e, Map<String, Tensor> values) {
        return new TensorEval(values::get, n -> null, sizes).eval(e);
    }

    private static boolean close(Tensor x, Tensor y) {
        if (!x.sameShape(y)) {
            return false;
        }
        for (int k = 0; k < x.size(); k++) {
            double scale = Math.max(1, Math.max(Math.abs(x.value(k)), Math.abs(y.value(k))));
            if (Math.abs(x.value(k) - y.value(k)) > 1e-9 * scale) {
                return false;
            }
        }
        return true;
    }
}
