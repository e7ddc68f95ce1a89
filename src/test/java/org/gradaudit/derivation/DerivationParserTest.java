package org.gradaudit.derivation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DerivationParserTest {
    private static Derivation parse(String text) throws DerivationException {
        return DerivationParser.parse("t.deriv", text);
    }

    private static List<Problem> problems(String text) {
        return assertThrows(DerivationException.class, () -> parse(text)).problems();
    }

    @Test
    void readsEveryKindOfStatement() throws Exception {
        Derivation d = parse("""
                @title T
                @author A
                @year 2019
                @url https://example.org
                @section Net
                input x, y in [0, 1]
                param W
                z = W*x
                a = sigmoid(z)   # a comment
                loss L(a, y) = (a - y)^2/2
                alias A = a, Y = y
                fn p(u) = sigmoid(u)*(1 - sigmoid(u))
                @section Derivatives
                dL/da = a - y
                d(a - y)/da = 1
                sigmoid(u) = 1/(1 + e^-u)
                z = 0 where W = 0
                code dz = (A - Y)*p(z)
                code da/dz = p(z)
                z = W*x
                """);
        assertEquals("T", d.title());
        assertEquals("2019", d.date());
        List<Statement> s = d.statements();
        assertInstanceOf(Statement.Declare.class, s.get(0));
        assertEquals(List.of("x", "y"), ((Statement.Declare) s.get(0)).names());
        assertEquals(1.0, ((Statement.Declare) s.get(0)).high());
        assertInstanceOf(Statement.Definition.class, s.get(2));
        assertInstanceOf(Statement.Loss.class, s.get(4));
        assertEquals(2, s.stream().filter(x -> x instanceof Statement.Alias).count());
        Statement.Claim leibniz = (Statement.Claim) s.get(8);
        assertInstanceOf(Statement.LeibnizLhs.class, leibniz.lhs());
        assertEquals("Derivatives", leibniz.section());
        assertEquals(14, leibniz.position().line());
        assertInstanceOf(Statement.ExprDerivLhs.class, ((Statement.Claim) s.get(9)).lhs());
        assertInstanceOf(Statement.ExprLhs.class, ((Statement.Claim) s.get(10)).lhs());
        assertEquals(1, ((Statement.Claim) s.get(11)).where().size());
        assertInstanceOf(Statement.Code.class, s.get(12));
        assertTrue(((Statement.Claim) s.get(13)).code());
        assertInstanceOf(Statement.Definition.class, s.get(14));
    }

    @Test
    void collectsEveryProblemWithItsPosition() {
        List<Problem> p = problems("""
                input x
                z = (x + 1
                w = x +* 2
                @colour red
                just words here
                """);
        assertEquals(4, p.size(), p.toString());
        assertEquals("t.deriv:2:5", p.get(0).position().toString());
        assertTrue(p.get(0).message().contains("never closed"));
        assertEquals("t.deriv:3:8", p.get(1).position().toString());
        assertEquals(4, p.get(2).position().line());
        assertTrue(p.get(2).message().contains("unknown directive"));
        assertTrue(p.get(3).message().contains("expected an equation"), p.get(3).message());
    }

    @Test
    void strayBracketIsASyntaxErrorAtItsColumn() {
        List<Problem> p = problems("input x\ncode dz = x * f(x)]\n");
        assertEquals("t.deriv:2:19", p.get(0).position().toString());
    }

    @Test
    void limits() {
        assertTrue(problems("x = " + "1+".repeat(600_000) + "1").get(0).message().contains("characters"));
        String big = "input x\n".repeat(200_000);
        assertTrue(problems(big).get(0).message().contains("characters"));
        String deep = "input x\nz = " + "(".repeat(10_000) + "x" + ")".repeat(10_000);
        assertTrue(problems(deep).get(0).message().contains("characters") || problems(deep).get(0).message().contains("nested"));
        String nested = "input x\nz = " + "(".repeat(1_000) + "x" + ")".repeat(1_000);
        assertTrue(problems(nested).get(0).message().contains("nested more than"));
    }

    @Test
    void builtInsCannotBeRedefined() {
        assertTrue(problems("fn sigmoid(z) = z").get(0).message().contains("built in"));
    }
}
