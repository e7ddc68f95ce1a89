package org.gradaudit.symbolic;

import static org.gradaudit.symbolic.Formulas.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.gradaudit.expr.Builtin;
import org.gradaudit.expr.Expr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;

class ToSymjaTest {
    private static Session session;

    @BeforeAll
    static void open() {
        session = Session.open();
    }

    private static String translate(String text) {
        Expr e = parse(text);
        Set<String> names;
        try {
            names = InputGuard.check(e, Cas.Limits.DEFAULT);
        } catch (CasException ex) {
            throw new AssertionError(ex);
        }
        return new ToSymja(session, new TreeSet<>(names)).convert(e).toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "3;          3",
        "0.5;        1/2",
        "0.1;        1/10",
        "1e-3;       1/1000",
        "2.5e-7;     1/4000000",
        "1e20;       100000000000000000000",
        "123.456;    15432/125",
    })
    void decimalsBecomeExactRationals(double v, String expected) {
        assertEquals(expected, ToSymja.number(v).toString());
    }

    @Test
    void numbersOutsideTheDecimalRangeStayMachineNumbers() {
        assertTrue(ToSymja.number(1e-40).isInexactNumber());
        assertTrue(ToSymja.number(1e40).isInexactNumber());
    }

    @Test
    void userNamesNeverReachSymjaAsText() {
        // E, I, N, D would be built-ins in Symja; here they are plain symbols numbered in sorted
        // order: D, E, I, N
        assertEquals("gav0001*gav0002+gav0000*gav0003", translate("E*I + N*D"));
        assertEquals("gav0000+gav0001+gav0002", translate("beta + gamma + sum"));
        assertEquals("gav0000-gav0001", translate("Z1 - z1"));
    }

    @Test
    void functionsMapToBuiltinsOrOpaqueSymbols() {
        assertEquals("E^gav0000+Sqrt[gav0000]+Log[gav0000]+Log[gav0000]", translate("exp(x) + log(x) + ln(x) + sqrt(x)"));
        assertEquals("Cos[gav0000]*Sin[gav0000]", translate("sin(x)*cos(x)"));
        // Symja prints sums in an order that depends on symbol creation: compare the heads
        IAST sum = (IAST) new ToSymja(session, Set.of("x")).convert(parse("sigmoid(x) + tanh(x) + softplus(x)"));
        Set<IExpr> heads = new HashSet<>();
        sum.forEach(t -> heads.add(t.head()), 1);
        assertEquals(Set.of(session.call(Builtin.SIGMOID, F.C1).head(), session.call(Builtin.TANH, F.C1).head(),
                session.call(Builtin.SOFTPLUS, F.C1).head()), heads);
    }

    @Test
    void operatorsUseBuilders() {
        assertEquals("(gav0000-gav0001)/gav0000^gav0001", translate("(a - b)/a^b"));
        assertEquals("-gav0000", translate("-a"));
    }

    @Test
    void anUndeclaredVariableIsABug() {
        ToSymja to = new ToSymja(session, Set.of("x"));
        assertThrows(IllegalStateException.class, () -> to.convert(Expr.var("y")));
    }
}
