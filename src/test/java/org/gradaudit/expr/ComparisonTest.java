package org.gradaudit.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Comparisons read as 0/1 masks, written with step so that its kink rules hold. */
class ComparisonTest {
    private static final Scope SCOPE = Scope.of(Builtins.FUNCTIONS, Set.of("z", "a", "b"));

    private static Expr parse(String text) throws ExprSyntaxException {
        return ExprParser.parse(text, SCOPE).expr();
    }

    @Test
    void eachComparisonIsAStepOfADifference() throws ExprSyntaxException {
        assertEquals(parse("step(z)"), parse("z > 0"));
        assertEquals(parse("step(-z)"), parse("z < 0"));
        assertEquals(parse("step(-z)"), parse("0 > z"));
        assertEquals(parse("1 - step(-z)"), parse("z >= 0"));
        assertEquals(parse("1 - step(z)"), parse("z <= 0"));
        assertEquals(parse("step(a - b)"), parse("a > b"));
        assertEquals(parse("a*step(z)"), parse("a*(z > 0)"));
    }

    @Test
    void aComparisonBindsLooserThanArithmetic() throws ExprSyntaxException {
        assertEquals(parse("step(a + b - 2*z)"), parse("a + b > 2*z"));
    }

    @Test
    void twoComparisonsInARowAreRefused() {
        assertThrows(ExprSyntaxException.class, () -> parse("a < z < b"));
    }
}
