package org.gradaudit.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of the expression syntax. */
class ExprProperties {
    private static final Scope SCOPE = Scope.of(Set.of("exp", "log", "sigmoid", "tanh"), Set.of("x", "y", "Z1"));

    @Property(tries = 500, seed = "20261127")
    void parsePrintIsIdentity(@ForAll("expressions") Expr e) throws ExprSyntaxException {
        String text = ExprPrinter.print(e);
        assertEquals(e, ExprParser.parse(text, SCOPE).expr(), text);
    }

    @Provide
    Arbitrary<Expr> expressions() {
        return Arbitraries.recursive(ExprProperties::leaf, ExprProperties::node, 0, 6);
    }

    private static Arbitrary<Expr> leaf() {
        return Arbitraries.oneOf(
                Arbitraries.of("x", "y", "Z1", "w").map(Expr::var),
                Arbitraries.of(0.0, 1.0, 2.0, 0.5, 1e-3, 3.25, 1e20).map(Expr.Num::new),
                Arbitraries.of(new Expr.Deriv("x", "Z1"), new Expr.Deriv("Z1", "y")));
    }

    private static Arbitrary<Expr> node(Arbitrary<Expr> inner) {
        return Arbitraries.oneOf(
                inner.map(Expr.Neg::new),
                Arbitraries.of(Expr.Op.values()).flatMap(op ->
                        inner.list().ofSize(2).map(l -> new Expr.Bin(op, l.get(0), l.get(1)))),
                Arbitraries.of("exp", "log", "sigmoid", "tanh").flatMap(fn ->
                        inner.map(a -> new Expr.Call(fn, List.of(a)))));
    }
}
