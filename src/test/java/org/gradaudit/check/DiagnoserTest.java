package org.gradaudit.check;

import org.gradaudit.check.tolerance.BoundedAgreement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.ExprParser;
import org.gradaudit.expr.Scope;
import org.gradaudit.model.Graph;
import org.gradaudit.numeric.BoundedValue;
import org.gradaudit.symbolic.Cas;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each hypothesis on formulas over free names a, b, c, z: the diagnosis and the fix it proposes. */
class DiagnoserTest {
    private static final List<String> NAMES = List.of("a", "b", "c", "z");
    private static final Scope SCOPE = Scope.of(Set.of("sigmoid", "exp", "tanh"), Set.copyOf(NAMES));

    private static Expr parse(String s) throws Exception {
        return ExprParser.parse(s, SCOPE).expr();
    }

    @ParameterizedTest(name = "{0} for {1}")
    @CsvSource(delimiter = ';', value = {
        "a - b;                 b - a;              sign;               b - a",
        "3*a*b;                 a*b;                factor;             a*b",
        "a*b/2;                 a*b;                factor;             a*b",
        "a*sigmoid(b);          a*sigmoid(c);       wrong-argument;     a*sigmoid(c)",
        "a*b + c;               a*c + c;            substituted-symbol; a*c + c",
        "a/b + c/(1 - b);       -a/b + c/(1 - b);   term-sign;          -a/b + c/(1 - b)",
        "a*b*c;                 a*c;                extra-factor;       a*c",
        "a*b;                   a*b*sigmoid(c);     missing-factor;     a*b*sigmoid(c)",
        "1/1 + exp(-z);         1/(1 + exp(-z));    precedence;         1/(1 + exp(-z))",
        "a*b*c + c*c*c;         a + b;              ;                   ",
    })
    void findsTheSingleChangeThatMakesItRight(String claimed, String truth, String kind, String fix) throws Exception {
        Points points = new Points(Graph.empty(), NAMES.stream().map(n -> new Points.Extra(n, 0.2, 1.8)).toList(), 1, 32);
        List<double[]> at = points.all().subList(0, 16);
        Expr truthExpr = parse(truth);
        List<BoundedValue> values = Judge.values(truthExpr, at, points.slots());
        List<Expr> factors = List.of(parse("sigmoid(c)"), parse("a"));
        Diagnoser.Hypothesis h = new Diagnoser(new Judge(Cas.get(), BoundedAgreement.DEFAULT)).diagnose(new Diagnoser.Context(
                parse(claimed), Function.identity(), NAMES, factors, null, Display::print, at, values,
                points.slots()));
        if (kind == null) {
            assertNull(h, "no single change explains it");
            return;
        }
        assertEquals(kind, h.diagnosis().toString());
        assertEquals(fix, Display.print(h.fix()));
    }
}
