package org.gradaudit.numeric;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.gradaudit.expr.Expr;

/** Random expression trees for the properties of this package. */
final class ExprTrees {
    private ExprTrees() {
    }

    static final List<String> VARS = List.of("x", "y", "z");

    private static Arbitrary<Expr> leaves() {
        Arbitrary<Expr> vars = Arbitraries.of(VARS).map(Expr::var);
        Arbitrary<Expr> nums = Arbitraries.of(0.0, 0.5, 1.0, 2.0, 3.0, 0.1, 1.7).map(Expr::num);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, vars),
                net.jqwik.api.Tuple.of(1, nums),
                net.jqwik.api.Tuple.of(1, nums.map(Expr::neg)));
    }

    private static Arbitrary<Expr> integerExponent() {
        return Arbitraries.integers().between(-2, 4).map(n -> Expr.num(n));
    }

    /** Trees of + - * / ^ exp log sigmoid tanh and unary minus over x, y, z, up to depth 4. */
    static Arbitrary<Expr> smooth() {
        return Arbitraries.recursive(ExprTrees::leaves, t -> Arbitraries.oneOf(
                Arbitraries.of(Expr.Op.values()).flatMap(op -> {
                    if (op == Expr.Op.POW) {
                        return Arbitraries.oneOf(integerExponent(), t)
                                .flatMap(ex -> t.map(base -> (Expr) new Expr.Bin(op, base, ex)));
                    }
                    return t.flatMap(l -> t.map(r -> (Expr) new Expr.Bin(op, l, r)));
                }),
                Arbitraries.of("exp", "log", "sigmoid", "tanh").flatMap(fn -> t.map(a -> Expr.call(fn, a))),
                t.map(Expr::neg)), 0, 4);
    }

    /** Trees of + - * / and constant integer powers (-2 to 4) only: exactly what BigDecimal can follow. */
    static Arbitrary<Expr> rational() {
        return Arbitraries.recursive(ExprTrees::leaves, t -> Arbitraries.oneOf(
                Arbitraries.of(Expr.Op.ADD, Expr.Op.SUB, Expr.Op.MUL, Expr.Op.DIV)
                        .flatMap(op -> t.flatMap(l -> t.map(r -> (Expr) new Expr.Bin(op, l, r)))),
                integerExponent().flatMap(ex -> t.map(base -> (Expr) new Expr.Bin(Expr.Op.POW, base, ex))),
                t.map(Expr::neg)), 0, 5);
    }

    /** Ordinary values, with edge values now and then. */
    static Arbitrary<Double> values() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.doubles().between(-4, 4)),
                net.jqwik.api.Tuple.of(4, Arbitraries.randomValue(r -> -4 + 8 * r.nextDouble())),
                net.jqwik.api.Tuple.of(1, Arbitraries.of(0.0, -0.0, 1.0, -1.0, 1 + 0x1p-40, 1e-300, 1e300,
                        Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)));
    }
}
