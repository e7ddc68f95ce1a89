package org.gradaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gradaudit.derivation.DerivationException;
import org.gradaudit.derivation.DerivationParser;
import org.gradaudit.derivation.Problem;
import org.gradaudit.expr.Expr;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ModelBuilderTest {
    private static final String NET = """
            input x, y in [0, 1]
            param W1, b1, W2, b2
            Z1 = W1*x + b1
            a1 = sigmoid(Z1)
            Z2 = W2*a1 + b2
            a2 = sigmoid(Z2)
            loss L(a2, y) = -(y*ln(a2) + (1 - y)*ln(1 - a2))
            alias A2 = a2, Y = y
            fn ps(z) = sigmoid(z)*(1 - sigmoid(z))
            """;

    static Model build(String text) throws DerivationException {
        return ModelBuilder.build(DerivationParser.parse("t.deriv", text));
    }

    static List<Problem> problems(String text) {
        return assertThrows(DerivationException.class, () -> build(text)).problems();
    }

    @Test
    void buildsTheGraphInTopologicalOrder() throws Exception {
        Model m = build("""
                input x
                param w
                b = sigmoid(a)
                a = w*x
                """);
        assertEquals(List.of("a", "b"), List.copyOf(m.graph().nodes().keySet()));
        assertTrue(m.graph().dependsOn("b", "w"));
    }

    @Test
    void resolvesAliasesGradientNamesAndFunctions() throws Exception {
        Model m = build(NET + "code dZ2 = A2 - Y\ncode dZ1 = dZ2*W2*ps(Z1)\n");
        Item.CodeLine dz1 = (Item.CodeLine) m.items().get(2);
        assertEquals("Z1", dz1.wrt());
        assertEquals(Expr.mul(Expr.mul(new Expr.Deriv("L", "Z2"), Expr.var("W2")), Expr.call("ps", Expr.var("Z1"))),
                dz1.claimed());
        Expr inlined = m.functions().inline(dz1.claimed());
        assertTrue(inlined.toString().contains("sigmoid(Z1)*(1 - sigmoid(Z1))"), inlined.toString());
        Item.CodeLine dz2 = (Item.CodeLine) m.items().get(1);
        assertEquals(Expr.sub(Expr.var("a2"), Expr.var("y")), dz2.claimed());
    }

    @Test
    void undefinedNamesAndUnknownFunctionsHavePositions() {
        List<Problem> p = problems(NET + "dL/da2 = q + yIn(a2)\n");
        assertEquals(2, p.size(), p.toString());
        assertEquals("t.deriv:10:10", p.get(0).position().toString());
        assertTrue(p.get(0).message().startsWith("undefined name 'q'"), p.get(0).message());
        assertTrue(p.get(1).message().startsWith("unknown function 'yIn'"), p.get(1).message());
        assertTrue(problems(NET + "dL/da2 = In(a2)\n").get(0).message().contains("did you mean 'ln'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Run", "Import", "ReadString", "JavaNew", "Export", "URLFetch", "SystemDialogInput"})
    void nonMathematicalFunctionsDoNotExist(String fn) {
        List<Problem> p = problems(NET + "z = " + fn + "(\"x\")\n");
        assertTrue(p.get(0).toString().contains("t.deriv:10:"), p.toString());
        List<Problem> q = problems(NET + "z = " + fn + "(x)\n");
        assertEquals("t.deriv:10:5", q.get(0).position().toString());
        assertTrue(q.get(0).message().startsWith("unknown function '" + fn + "'"), q.get(0).message());
        assertTrue(q.get(0).message().contains("exp, "), q.get(0).message());
    }

    @Test
    void cyclesAreReported() {
        List<Problem> p = problems("input x\na = b + x\nb = c*2\nc = a\n");
        assertEquals(1, p.size());
        assertTrue(p.get(0).message().startsWith("cyclic definition: a -> b -> c -> a"), p.get(0).message());
        assertEquals(2, p.get(0).position().line());
        assertTrue(problems("input x\nfn f(u) = g(u)\nfn g(u) = f(u)\na = f(x)\n").get(0).message().contains("calls itself"));
    }

    @Test
    void claimsAboutNamesOutsideTheGraph() {
        List<Problem> p = problems(NET + "dL/dq = 1\n");
        assertTrue(p.get(0).message().contains("'q' is not a quantity of the graph"), p.get(0).message());
        assertEquals("t.deriv:10:1", p.get(0).position().toString());
        assertTrue(problems(NET + "dx/dW1 = 0\n").get(0).message().contains("input or parameter"));
        assertTrue(problems("input x\ncode dx = 1\n").get(0).message().contains("no loss"));
    }

    @Test
    void hugeConstantsAreRefused() {
        assertTrue(problems("input x\nz = 10^10^10\n").get(0).message().contains("constant exponent"));
        assertTrue(problems("input x, y\nz = (x + y)^100000\n").get(0).message().contains("up to 64"));
        assertInstanceOf(Model.class, assertDoesNotThrow("input x, y\nz = (x + y)^3\n"));
    }

    private static Model assertDoesNotThrow(String text) {
        return org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> build(text));
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void manyDiamondsDoNotExplode() throws Exception {
        StringBuilder text = new StringBuilder("input x\na0 = x\n");
        for (int i = 0; i < 40; i++) {
            text.append("b").append(i).append(" = sin(a").append(i).append(")\n");
            text.append("c").append(i).append(" = cos(a").append(i).append(")\n");
            text.append("a").append(i + 1).append(" = b").append(i).append(" + c").append(i).append("\n");
        }
        Graph g = build(text.toString()).graph();
        assertTrue(g.dependsOn("a40", "x"));
        assertEquals(null, g.paths("a40", "x"), "2^40 paths are not listed");
        assertEquals(4, g.paths("a2", "a0").size());
    }

    @Test
    void aFunctionClaimUsesOnlyItsParameters() {
        List<Problem> p = problems(NET + "sigmoid(u) = 1/(1 + e^-u) + b1\n");
        assertEquals("t.deriv:10:14", p.get(0).position().toString());
        assertTrue(p.get(0).message().contains("may use only u; it uses b1"), p.get(0).message());
    }

    @Test
    void nameClashes() {
        assertTrue(problems("input x\ninput x\n").get(0).message().contains("already declared at line 1"));
        assertTrue(problems("input x\nalias X = q\n").get(0).message().contains("not an input, parameter or node"));
        assertTrue(problems("input x\nx = 2\n").get(0).message().contains("cannot be defined"));
    }
}
