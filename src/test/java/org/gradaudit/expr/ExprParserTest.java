package org.gradaudit.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ExprParserTest {
    private static final Scope SCOPE = Scope.of(Set.of("sigmoid", "ln", "exp", "f"), Set.of("a2", "Z2", "L", "y", "x"));

    private static Expr parse(String s) throws ExprSyntaxException {
        return ExprParser.parse(s, SCOPE).expr();
    }

    private static String round(String s) throws ExprSyntaxException {
        return ExprPrinter.print(parse(s));
    }

    @Test
    void precedenceAndAssociativity() throws Exception {
        assertEquals("a - b - c", round("a - b - c"));
        assertEquals("a - (b - c)", round("a - (b - c)"));
        assertEquals("a^b^c", round("a^b^c"));
        assertEquals("(a^b)^c", round("(a^b)^c"));
        assertEquals("-a^2", round("-a^2"));
        assertEquals(parse("-(a^2)"), parse("-a^2"));
        assertEquals(parse("e^(-z)"), parse("e^-z"));
        assertEquals(parse("a^b"), parse("a**b"));
        assertEquals("1/1 + e^(-z)", round("1/1 + e^-z"));
    }

    @Test
    void juxtapositionMultipliesAndOnlyFunctionsAreCalled() throws Exception {
        assertEquals(parse("a2*(1 - a2)"), parse("a2(1 - a2)"));
        assertEquals(parse("1*y/a2"), parse("1y/a2"));
        assertEquals(parse("y*ln(a2)"), parse("y ln(a2)"));
        assertEquals(parse("(1 - y)*ln(1 - a2)"), parse("(1 - y)ln(1 - a2)"));
        assertEquals(Expr.call("sigmoid", Expr.var("Z2")), parse("sigmoid(Z2)"));
        ExprParser.Parsed p = ExprParser.parse("In(a2)", SCOPE);
        assertEquals(Expr.call("In", Expr.var("a2")), p.expr(), "not a quantity: a call, for the resolver to refuse");
        assertTrue(p.names().get(0).beforeParen(), "a name before '(' is marked, so an unknown function can be reported");
        assertEquals(new Expr.Call("Export", java.util.List.of(Expr.var("x"), Expr.var("a2"))), parse("Export(x, a2)"));
    }

    @Test
    void leibnizNeedsTwoQuantitiesWrittenTogether() throws Exception {
        assertEquals(new Expr.Deriv("L", "a2"), parse("dL/da2"));
        assertEquals(Expr.mul(new Expr.Deriv("L", "a2"), new Expr.Deriv("a2", "Z2")), parse("dL/da2 * da2/dZ2"));
        assertEquals(Expr.div(Expr.var("dq"), Expr.var("dr")), parse("dq/dr"), "q and r are not quantities");
        assertEquals(Expr.div(Expr.var("dL"), Expr.var("da2")), parse("dL / da2"), "spaced out, it is a division");
    }

    @Test
    void numbers() throws Exception {
        assertEquals(new Expr.Num(0.001), parse("1e-3"));
        assertEquals(new Expr.Num(2.5), parse("2.5"));
        assertEquals(Expr.mul(new Expr.Num(2), Expr.var("e")), parse("2e"));
        assertEquals(Expr.neg(new Expr.Num(2)), parse("-2"));
    }

    @Test
    void unicodeOperators() throws Exception {
        assertEquals(parse("a*b - c*d"), parse("a×b − c·d"));
    }

    @Test
    void syntaxErrorsSayWhere() {
        ExprSyntaxException e = assertThrows(ExprSyntaxException.class, () -> parse("(a + b"));
        assertEquals(0, e.offset());
        assertTrue(e.getMessage().contains("never closed"), e.getMessage());
        e = assertThrows(ExprSyntaxException.class, () -> parse("a + b)"));
        assertEquals(5, e.offset());
        e = assertThrows(ExprSyntaxException.class, () -> parse("a + * b"));
        assertEquals(4, e.offset());
        e = assertThrows(ExprSyntaxException.class, () -> parse("f(x)]"));
        assertEquals(4, e.offset());
        e = assertThrows(ExprSyntaxException.class, () -> parse("a +"));
        assertTrue(e.getMessage().contains("ends"), e.getMessage());
        e = assertThrows(ExprSyntaxException.class, () -> parse("1e999"));
        assertTrue(e.getMessage().contains("too large"), e.getMessage());
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deep = "(".repeat(10_000) + "x" + ")".repeat(10_000);
        ExprSyntaxException e = assertThrows(ExprSyntaxException.class, () -> parse(deep));
        assertTrue(e.getMessage().contains("nested more than " + ExprParser.MAX_DEPTH), e.getMessage());
        String minus = "-".repeat(10_000) + "x";
        assertThrows(ExprSyntaxException.class, () -> parse(minus));
        String pow = "x^".repeat(10_000) + "x";
        assertThrows(ExprSyntaxException.class, () -> parse(pow));
    }
}
