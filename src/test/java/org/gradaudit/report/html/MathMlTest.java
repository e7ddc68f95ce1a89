package org.gradaudit.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.ExprParser;
import org.gradaudit.expr.ExprSyntaxException;
import org.gradaudit.expr.Scope;
import org.junit.jupiter.api.Test;

class MathMlTest {
    private static final Scope SCOPE = Scope.of(Set.of("sigmoid", "exp", "ln"), Set.of("L", "a2", "y", "Z2", "z", "W1"));

    private static Expr parse(String s) throws ExprSyntaxException {
        return ExprParser.parse(s, SCOPE).expr();
    }

    private static String render(String formula, Notation n) throws ExprSyntaxException {
        Html h = new Html();
        new MathMl(h, n).formula(parse(formula), formula, false);
        return h.finish();
    }

    @Test
    void leibnizNamesAreFractionsOfDifferentials() throws ExprSyntaxException {
        assertEquals("<math alttext=\"dL/da2\"><mrow><mfrac><mrow><mi mathvariant=\"normal\">d</mi><mi>L</mi></mrow>"
                + "<mrow><mi mathvariant=\"normal\">d</mi><msub><mi>a</mi><mn>2</mn></msub></mrow></mfrac></mrow></math>",
                render("dL/da2", Notation.standard()));
    }

    @Test
    void productsAreWrittenAsTheyWereAndPowersAsSuperscripts() throws ExprSyntaxException {
        String m = render("a2(1 - a2)", Notation.standard());
        assertTrue(m.contains("<msub><mi>a</mi><mn>2</mn></msub><mo>\u2062</mo><mrow><mo>(</mo>"), m);
        String p = render("1/(1 + exp(-z))", Notation.standard());
        assertTrue(p.contains("<mfrac><mrow><mn>1</mn></mrow><mrow><mrow><mn>1</mn><mo>+</mo><msup><mi>e</mi>"
                + "<mrow><mo>\u2212</mo><mi>z</mi></mrow></msup>"), p);
        assertTrue(render("W1^2", Notation.standard()).contains("<msup><msub><mi>W</mi><mn>1</mn></msub><mrow><mn>2</mn>"));
    }

    @Test
    void sigmoidIsSigmaUnlessTheDerivationUsesTheNameSigma() throws ExprSyntaxException {
        assertTrue(render("sigmoid(Z2)", Notation.standard()).contains("<mi>\u03c3</mi>"));
        String own = render("sigmoid(Z2)", Notation.forNames(Set.of("sigma", "Z2")));
        assertTrue(own.contains("<mi>sigmoid</mi>"), own);
    }

    @Test
    void theFirstDifferingSubtreesAreMarkedAndAWhollyDifferentFormulaIsNot() throws ExprSyntaxException {
        Expr claimed = parse("y/a2 + (1 - y)/(1 - a2)");
        Expr fix = parse("-y/a2 + (1 - y)/(1 - a2)");
        Set<Expr> inClaimed = Differences.identitySet();
        Set<Expr> inFix = Differences.identitySet();
        Differences.differences(claimed, fix, inClaimed, inFix, 3);
        assertEquals(1, inClaimed.size());
        assertEquals(new Expr.Var("y"), inClaimed.iterator().next());
        assertEquals(parse("-y"), inFix.iterator().next());
        Set<Expr> none = Differences.identitySet();
        Differences.differences(parse("a2 - y"), parse("1/(1 + z)"), none, Differences.identitySet(), 3);
        assertTrue(none.isEmpty());
    }

    @Test
    void textIsEscapedAndUnbalancedMarkupRefused() {
        Html h = new Html();
        h.open("p", "title", "a \"b\" <c> & d").text("x < y && z > 1\u0007").close("p");
        assertEquals("<p title=\"a &quot;b&quot; &lt;c&gt; &amp; d\">x &lt; y &amp;&amp; z &gt; 1 </p>", h.finish());
        Html bad = new Html().open("div");
        assertThrowsState(() -> bad.close("p"));
        assertThrowsState(() -> new Html().open("div").finish());
        try {
            new Html().open("div onload=x");
            throw new AssertionError("a tag name with an attribute in it was accepted");
        } catch (IllegalArgumentException expected) {
            // refused
        }
    }

    private static void assertThrowsState(Runnable r) {
        try {
            r.run();
        } catch (IllegalStateException expected) {
            return;
        }
        throw new AssertionError("no IllegalStateException");
    }
}
