package org.gradaudit.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gradaudit.testing.Generator;
import org.gradaudit.testing.Shrinker;

/**
 * Random expression trees and graphs for the tests' properties, the one generator of them all: a
 * tree of a chosen depth over leaves (names, constants, derivative symbols), built from binary
 * operators, integer powers (or, for {@link #smooth}, powers of a subtree), unary minus and the
 * given functions. Presets
 * for the laws that use them; each is a {@link Generator} of the public testing API, with
 * {@link #shrink} as its {@link Shrinker}.
 *
 * @param leaf draws a leaf
 * @param operators the binary operators between two subtrees
 * @param minPower smallest constant exponent, when {@code maxPower >= minPower}
 * @param maxPower largest constant exponent; below {@code minPower}: no powers
 * @param subtreeExponents whether an exponent may also be a subtree
 * @param functions the unary functions
 * @param minDepth the smallest depth
 * @param maxDepth the largest depth; every branch of a tree reaches it
 */
public record RandomExprs(Generator<Expr> leaf, List<Expr.Op> operators,
        int minPower, int maxPower, boolean subtreeExponents, List<String> functions, int minDepth, int maxDepth)
        implements Generator<Expr> {

    private static final List<Expr.Op> ARITHMETIC = List.of(Expr.Op.ADD, Expr.Op.SUB, Expr.Op.MUL, Expr.Op.DIV);
    private static final List<Double> SIMPLE = List.of(0.5, 1.0, 2.0, 3.0);
    private static final List<Double> ASSORTED = List.of(0.0, 0.5, 1.0, 2.0, 3.0, 0.1, 1.7);

    /** Formulas of a derivation: depth 1 to 3 over {@code names} (4 to 1 against 0.5, 1, 2, 3), squares and cubes. */
    public static RandomExprs formulas(List<String> names, List<String> functions) {
        return new RandomExprs(leaves(names, SIMPLE, 4, 1, 0), ARITHMETIC, 2, 3, false, functions, 1, 3);
    }

    /** Trees of + - * / ^ (integer -2 to 4, or a subtree) exp log sigmoid tanh and unary minus, depth 0 to 4. */
    public static RandomExprs smooth(List<String> names) {
        return new RandomExprs(leaves(names, ASSORTED, 3, 1, 1), ARITHMETIC, -2, 4, true,
                List.of("exp", "log", "sigmoid", "tanh"), 0, 4);
    }

    /** Trees of + - * /, integer powers -2 to 4 and unary minus, depth 0 to 5: exactly what BigDecimal can follow. */
    public static RandomExprs rational(List<String> names) {
        return new RandomExprs(leaves(names, ASSORTED, 3, 1, 1), ARITHMETIC, -2, 4, false, List.of(), 0, 5);
    }

    /**
     * The whole syntax, for parse(print(e)) = e: every binary operator between subtrees (powers
     * too), the given functions and unary minus, depth 0 to 6; leaves are names, constants from 0
     * to 1e20 and derivative symbols.
     */
    public static RandomExprs syntax(List<String> names, List<String> functions, List<Expr.Deriv> derivatives) {
        Generator<Expr> plain = leaves(names, List.of(0.0, 1.0, 2.0, 0.5, 1e-3, 3.25, 1e20), 1, 1, 0);
        Generator<Expr> leaf = r -> r.nextInt(3) == 0 ? derivatives.get(r.nextInt(derivatives.size())) : plain.generate(r);
        return new RandomExprs(leaf, List.of(Expr.Op.values()), 0, -1, false, functions, 0, 6);
    }

    /** A name, a constant or a negated constant, at the odds given. */
    private static Generator<Expr> leaves(List<String> names, List<Double> constants, int name, int constant,
            int negated) {
        return r -> {
            int pick = r.nextInt(name + constant + negated);
            if (pick < name) {
                return Expr.var(names.get(r.nextInt(names.size())));
            }
            Expr c = Expr.num(constants.get(r.nextInt(constants.size())));
            return pick < name + constant ? c : Expr.neg(c);
        };
    }

    /**
     * Graphs: between 1 and {@code maxNodes} node definitions n0, n1, ..., node i a
     * {@link #formulas} tree over the variables and n0..n(i-1).
     */
    public static Generator<List<Expr>> graphs(List<String> variables, int maxNodes, List<String> functions) {
        return r -> {
            int n = 1 + r.nextInt(maxNodes);
            List<Expr> nodes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<String> names = new ArrayList<>(variables);
                for (int j = 0; j < i; j++) {
                    names.add("n" + j);
                }
                nodes.add(formulas(names, functions).generate(r));
            }
            return nodes;
        };
    }

    @Override
    public Expr generate(Random r) {
        return tree(r, minDepth + r.nextInt(maxDepth - minDepth + 1));
    }

    /** Simpler trees: each child on its own, then one inner subtree replaced by 1 or by one of its children. */
    public static List<Expr> shrink(Expr e) {
        List<Expr> out = new ArrayList<>(Exprs.children(e));
        out.addAll(Exprs.variants(e, x -> x == e || Exprs.children(x).isEmpty() ? List.of() : List.of(Expr.num(1))));
        out.addAll(Exprs.variants(e, x -> x == e ? List.of() : Exprs.children(x)));
        return out;
    }

    private Expr tree(Random r, int depth) {
        if (depth == 0) {
            return leaf.generate(r);
        }
        List<Integer> kinds = new ArrayList<>(List.of(0, 3));
        if (maxPower >= minPower) {
            kinds.add(1);
        }
        if (!functions.isEmpty()) {
            kinds.add(2);
        }
        switch (kinds.get(r.nextInt(kinds.size()))) {
            case 0:
                return new Expr.Bin(operators.get(r.nextInt(operators.size())), tree(r, depth - 1), tree(r, depth - 1));
            case 1: {
                Expr base = tree(r, depth - 1);
                Expr exponent = subtreeExponents && r.nextBoolean() ? tree(r, depth - 1)
                        : Expr.num(minPower + r.nextInt(maxPower - minPower + 1));
                return new Expr.Bin(Expr.Op.POW, base, exponent);
            }
            case 2:
                return Expr.call(functions.get(r.nextInt(functions.size())), tree(r, depth - 1));
            default:
                return Expr.neg(tree(r, depth - 1));
        }
    }
}
