package org.gradaudit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.ExprParser;
import org.gradaudit.expr.ExprPrinter;
import org.gradaudit.expr.Scope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** "It has the factor X too many": X is what the fix leaves out of the claim, for every kind of removal. */
class ExtraFactorTest {
    private static final Scope SCOPE = Scope.of(Set.of("sigmoid"), Set.of("a", "b", "c", "d", "h", "w", "y", "z", "n"));

    private static Expr parse(String s) throws Exception {
        return ExprParser.parse(s, SCOPE).expr();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = {
        // one side of a product, either side
        "(a - y)*c;           a - y;        it has the factor c too many",
        "c*(a - y);           a - y;        it has the factor c too many",
        // a divisor
        "(a - y)/n;           a - y;        it has the divisor n too many",
        // inside a call, and inside a sum
        "sigmoid(z*w) + b;    sigmoid(z) + b; it has the factor w too many",
        // a run at the end of a product chain (a derivative applied twice), and one in its middle
        "a*b*h*(1 - h);       a*b;          it has the factor h*(1 - h) too many",
        "a*b*c*d;             a*d;          it has the factor b*c too many",
        // the same factor twice: one of them
        "(a - y)*(a - y)*c;   (a - y)*c;    it has the factor a - y too many",
        // not a removal at all: no name
        "a*b;                 c;            it has a factor too many",
        "a*b + c*d;           a + d;        it has a factor too many",
    })
    void namesWhatTheFixLeavesOut(String written, String fix, String sentence) throws Exception {
        assertEquals(sentence, Rewrites.extraFactor(parse(written), parse(fix), ExprPrinter::print));
    }

    /** Every formula the rewrite proposes names a factor, which multiplied back in gives the claim's values. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"(a - y)*b*sigmoid(z*w)/n", "a*b*c*d + h/(n*y)", "sigmoid(a*b*c)*(1 - h)"})
    void everyProposalOfTheRewriteIsNamed(String written) throws Exception {
        Expr w = parse(written);
        List<Expr> proposals = Rewrites.withoutOneFactor(w);
        assertTrue(proposals.size() >= 4, proposals.toString());
        for (Expr fix : proposals) {
            String s = Rewrites.extraFactor(w, fix, ExprPrinter::print);
            assertTrue(s.startsWith("it has the factor ") || s.startsWith("it has the divisor "), fix + ": " + s);
        }
    }
}
