package org.gradaudit.derivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gradaudit.expr.Expr;
import org.junit.jupiter.api.Test;

/** Text pasted from a web page or a PDF reads as the formula it shows. */
class PastedTextTest {
    private static final String HEADER = "input x, y\nparam w\nz = w*x\n";

    private static Statement last(String text) throws DerivationException {
        List<Statement> s = DerivationParser.parse("t.deriv", HEADER + text).statements();
        return s.get(s.size() - 1);
    }

    private static Expr rhs(String text) throws DerivationException {
        Statement s = last(text);
        return s instanceof Statement.Claim c ? c.rhs().expr() : ((Statement.Definition) s).rhs().expr();
    }

    private static Expr ascii(String text) throws DerivationException {
        return rhs(text);
    }

    private static Problem problem(String text) {
        return assertThrows(DerivationException.class,
                () -> DerivationParser.parse("t.deriv", HEADER + text)).problems().get(0);
    }

    @Test
    void aByteOrderMarkAtTheStartIsSkipped() throws DerivationException {
        Derivation d = DerivationParser.parse("t.deriv", "\ufeffinput x\nparam w\nz = w*x\n");
        assertEquals(List.of("x"), ((Statement.Declare) d.statements().get(0)).names());
    }

    @Test
    void noBreakSpacesEnDashesAndMultiplicationDotsAreAscii() throws DerivationException {
        assertEquals(ascii("q = x - w*x"), rhs("q\u00a0=\u00a0x \u2013 w\u22c5x"));
        assertEquals(ascii("q = x - w*x"), rhs("q = x\u2009\u2013\u202fw\u2219x"));
    }

    @Test
    void superscriptDigitsArePowers() throws DerivationException {
        assertEquals(ascii("q = 1 - x^2"), rhs("q = 1 - x\u00b2"));
        assertEquals(ascii("q = 3*x^3"), rhs("q = 3x\u00b3"));
        assertEquals(ascii("q = (x + w)^12"), rhs("q = (x + w)\u00b9\u00b2"));
    }

    @Test
    void thePartialSignReadsAsLeibnizD() throws DerivationException {
        Statement.Claim c = (Statement.Claim) last("\u2202z/\u2202w = x");
        Statement.LeibnizLhs lhs = assertInstanceOf(Statement.LeibnizLhs.class, c.lhs());
        assertEquals("z", lhs.of());
        assertEquals("w", lhs.wrt());
    }

    @Test
    void aGradientNameBeforeAParenthesisMultiplies() throws DerivationException {
        Statement.Code c = (Statement.Code) last("loss L(z, y) = (z - y)^2\ncode dw = dz(1 - x)");
        assertEquals(ascii("q = dz*(1 - x)"), c.rhs().expr());
    }

    @Test
    void anyOtherUnexpectedCharacterIsNamedByItsCodePoint() {
        Problem p = problem("q = x \u2014 w");
        assertTrue(p.message().contains("U+2014 EM DASH"), p.message());
        assertEquals(7, p.position().column(), p.message());
        Problem zeroWidth = problem("q = x\u200b + w");
        assertTrue(zeroWidth.message().contains("U+200B ZERO WIDTH SPACE"), zeroWidth.message());
    }

    @Test
    void aSecondColumnInAMessageCountsWithinTheLine() {
        Problem p = problem("q =   sigmoid(x + w]");
        // 'q =   ' is six characters: the '(' is column 14 of the line, not 9 of the formula.
        assertTrue(p.message().contains("the '(' at column 14"), p.message());
        assertEquals(20, p.position().column());
    }

    @Test
    void greekLettersAreLettersOfNames() throws DerivationException {
        Derivation d = DerivationParser.parse("t.deriv", HEADER + "\u03b4 = w*x\n\u03b72 = 2*\u03b4\n");
        Statement.Definition last = (Statement.Definition) d.statements().get(d.statements().size() - 1);
        assertEquals("\u03b72", last.name());
        assertEquals(ascii("q = 2*\u03b4"), last.rhs().expr());
    }

    @Test
    void sigmaNamesTheSigmoidWhereTheFileSaysSo() throws DerivationException {
        assertEquals(ascii("q = sigmoid(x)*(1 - sigmoid(x))"),
                rhs("alias \u03c3 = sigmoid\nq = \u03c3(x)(1 - \u03c3(x))"));
        // without the alias, 'σ(x)' calls a function named σ, which the model refuses as unknown
        assertEquals(new Expr.Call("\u03c3", List.of(new Expr.Var("x"))), rhs("q = \u03c3(x)"));
    }

    @Test
    void aBuiltInFunctionCannotBecomeAnotherOnesSpelling() {
        Problem p = problem("alias exp = sigmoid");
        assertTrue(p.message().contains("'exp' cannot be another spelling of the function 'sigmoid'"), p.message());
        assertEquals(7, p.position().column(), p.message());
    }
}
