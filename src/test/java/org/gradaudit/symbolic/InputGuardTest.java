package org.gradaudit.symbolic;

import static org.gradaudit.symbolic.Formulas.parse;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.gradaudit.expr.Expr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The guard is plain Java: none of these tests starts Symja. */
class InputGuardTest {
    private static final Cas.Limits LIMITS = new Cas.Limits(Duration.ofSeconds(5), 1_000, 64);

    @Test
    void countsNodesUpToABoundWithoutRecursing() throws InterruptedException {
        assertTrue(InputGuard.atMost(parse("sigmoid(W2*a1 + b2) - y"), 8));
        assertFalse(InputGuard.atMost(parse("sigmoid(W2*a1 + b2) - y"), 7));
        Expr e = Expr.var("x");
        for (int i = 0; i < 100_000; i++) {
            e = Expr.call("sin", e);
        }
        Expr deep = e;
        Object[] got = new Object[1];
        Thread t = new Thread(null, () -> {
            try {
                got[0] = InputGuard.atMost(deep, 400);
            } catch (Throwable x) {
                got[0] = x;
            }
        }, "small-stack", 128L << 10);
        t.start();
        t.join();
        assertEquals(Boolean.FALSE, got[0]);
    }

    @Test
    void returnsTheVariablesSorted() throws CasException {
        assertEquals(List.of("W2", "a1", "b2", "y"),
                List.copyOf(InputGuard.check(parse("sigmoid(W2*a1 + b2) - y + y"), LIMITS)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Run(x)", "URLFetch(x)", "JavaNew(x)", "Import(x)", "ReadString(x)",
            "Export(x)", "x + sin(Run(x))"})
    void refusesAnyFunctionOutsideTheWhitelist(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InputGuard.check(parse(text), LIMITS));
        assertTrue(e.getMessage().startsWith("not a built-in function"), e.getMessage());
    }

    @Test
    void refusesLeibnizAtomsAndWrongArity() {
        assertThrows(IllegalArgumentException.class, () -> InputGuard.check(parse("dL/da2 * x"), LIMITS));
        assertThrows(IllegalArgumentException.class,
                () -> InputGuard.check(Expr.call("sin", Expr.var("x"), Expr.var("y")), LIMITS));
    }

    @Test
    void refusesTooManyNodes() {
        Expr e = Expr.var("x");
        for (int i = 0; i < 600; i++) {
            e = Expr.add(e, Expr.var("y"));
        }
        Expr big = e;
        CasException ex = assertThrows(CasException.class, () -> InputGuard.check(big, LIMITS));
        assertTrue(ex.getMessage().contains("more than 1000 nodes"), ex.getMessage());
    }

    @Test
    void aDegenerateDeepTreeDoesNotOverflowTheStack() {
        Expr e = Expr.var("x");
        for (int i = 0; i < 300_000; i++) {
            e = Expr.neg(e);
        }
        Expr deep = Expr.pow(e, Expr.num(2));
        assertEquals(Set.of("x"),
                assertDoesNotThrow(() -> InputGuard.check(deep, new Cas.Limits(Duration.ofSeconds(1), 1_000_000, 64))));
        assertThrows(CasException.class, () -> InputGuard.check(deep, LIMITS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"(a+b)^100000", "10^10^10", "x^(-65)", "x^(8*9)", "x^exp(5)", "2^2^2^2^2"})
    void refusesLargeConstantExponents(String text) {
        CasException ex = assertThrows(CasException.class, () -> InputGuard.check(parse(text), LIMITS));
        assertTrue(ex.getMessage().startsWith("exponent too large"), ex.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"(a+b)^64", "x^(-64)", "x^y", "x^(y*1000)", "2^(1/2)", "x^(8*8)"})
    void acceptsBoundedOrSymbolicExponents(String text) throws CasException {
        Set<String> names = InputGuard.check(parse(text), LIMITS);
        assertTrue(names.size() <= 2);
    }
}
