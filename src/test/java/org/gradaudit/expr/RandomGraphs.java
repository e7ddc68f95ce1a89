package org.gradaudit.expr;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random expression graphs for properties: nodes n0, n1, ... each an expression over the
 * variables and the nodes before it, built from + - * / small integer powers, unary minus and the
 * given functions.
 */
public final class RandomGraphs {
    private RandomGraphs() {
    }

    /** Between 1 and {@code maxNodes} node definitions; node i may use n0..n(i-1). */
    public static Arbitrary<List<Expr>> nodes(List<String> variables, int maxNodes, List<String> functions) {
        return Arbitraries.integers().between(1, maxNodes).flatMap(n -> {
            List<Arbitrary<Expr>> nodes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<String> names = new ArrayList<>(variables);
                for (int j = 0; j < i; j++) {
                    names.add("n" + j);
                }
                nodes.add(tree(names, functions));
            }
            return Combinators.combine(nodes).as(l -> l);
        });
    }

    /** One expression over {@code names}, up to three levels deep. */
    public static Arbitrary<Expr> tree(List<String> names, List<String> functions) {
        Arbitrary<Expr> leaf = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(names).map(Expr::var)),
                Tuple.of(1, Arbitraries.of(0.5, 1.0, 2.0, 3.0).map(Expr::num)));
        return Arbitraries.recursive(() -> leaf, t -> Arbitraries.oneOf(
                Arbitraries.of(Expr.Op.ADD, Expr.Op.SUB, Expr.Op.MUL, Expr.Op.DIV)
                        .flatMap(op -> Combinators.combine(t, t).as((a, b) -> (Expr) new Expr.Bin(op, a, b))),
                Combinators.combine(t, Arbitraries.integers().between(2, 3))
                        .as((a, k) -> (Expr) new Expr.Bin(Expr.Op.POW, a, Expr.num(k))),
                Arbitraries.of(functions).flatMap(fn -> t.map(a -> Expr.call(fn, a))),
                t.map(Expr::neg)), 1, 3);
    }
}
