package org.gradaudit.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.gradaudit.testing.Search;
import org.gradaudit.testing.SearchOptions;
import org.junit.jupiter.api.Test;

/** Laws of the expression syntax. */
class ExprProperties {
    private static final Scope SCOPE = Scope.of(Set.of("exp", "log", "sigmoid", "tanh"), Set.of("x", "y", "Z1"));
    private static final RandomExprs EXPRESSIONS = RandomExprs.syntax(List.of("x", "y", "Z1", "w"),
            List.of("exp", "log", "sigmoid", "tanh"), List.of(new Expr.Deriv("x", "Z1"), new Expr.Deriv("Z1", "y")));

    @Test
    void parsePrintIsIdentity() {
        Search.forAll(EXPRESSIONS, RandomExprs::shrink, SearchOptions.defaults().withTries(500).withSeed(20261127), e -> {
            String text = ExprPrinter.print(e);
            assertEquals(e, ExprParser.parse(text, SCOPE).expr(), text);
        });
    }

    /** Checked on every subtree, so that both answers occur (a random formula's leaves are mostly names). */
    @Test
    void isConstantMeansNoNameAndNoLeibnizAtom() {
        int[] constant = new int[1];
        Search.forAll(EXPRESSIONS, RandomExprs::shrink, SearchOptions.defaults().withTries(500).withSeed(20261201), e -> {
            for (Expr x : Exprs.subtrees(e)) {
                boolean expected = Exprs.variables(x).isEmpty() && Exprs.derivatives(x).isEmpty();
                assertEquals(expected, Exprs.isConstant(x), ExprPrinter.print(x));
                constant[0] += expected ? 1 : 0;
            }
        });
        org.junit.jupiter.api.Assertions.assertTrue(constant[0] > 50, "too few constant subtrees to test: " + constant[0]);
    }

    /**
     * A product's factors, multiplied back as a chain, are the product itself wherever it was already
     * a left-leaning chain (as the parser builds one), and its factors again in every case; no factor is a product.
     */
    @Test
    void productOfProductFactorsGivesTheFactorsBack() {
        int[] products = new int[1];
        Search.forAll(EXPRESSIONS, RandomExprs::shrink, SearchOptions.defaults().withTries(500).withSeed(20261202), e -> {
            for (Expr x : Exprs.subtrees(e)) {
                List<Expr> factors = Exprs.productFactors(x);
                factors.forEach(f -> org.junit.jupiter.api.Assertions.assertFalse(
                        f instanceof Expr.Bin b && b.op() == Expr.Op.MUL, ExprPrinter.print(x)));
                Expr back = Exprs.product(factors);
                assertEquals(factors, Exprs.productFactors(back), ExprPrinter.print(x));
                if (leftChain(x)) {
                    products[0] += factors.size() > 1 ? 1 : 0;
                    assertEquals(x, back, ExprPrinter.print(x));
                }
            }
        });
        org.junit.jupiter.api.Assertions.assertTrue(products[0] > 50, "too few products to test: " + products[0]);
    }

    /** Whether no product of the chain at {@code e} has a product as its right operand. */
    private static boolean leftChain(Expr e) {
        return !(e instanceof Expr.Bin b && b.op() == Expr.Op.MUL)
                || !(b.right() instanceof Expr.Bin r && r.op() == Expr.Op.MUL) && leftChain(b.left());
    }
}
