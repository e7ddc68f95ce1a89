package org.gradaudit.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.gradaudit.expr.Builtin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/** Back-translation of evaluated Symja forms, checked as printed text. */
class FromSymjaTest {
    private static Session session;
    private static ISymbol a;
    private static ISymbol y;
    private static ISymbol w;
    private static FromSymja from;

    @BeforeAll
    static void open() {
        session = Session.open();
        a = session.variable(0);
        w = session.variable(1);
        y = session.variable(2);
        from = new FromSymja(session, Map.of(a, "a2", w, "W2", y, "y"));
    }

    private static String back(IExpr x) {
        return from.convert(session.engine.evaluate(x)).toString();
    }

    @Test
    void sumsPutPositiveTermsFirst() {
        assertEquals("a2 - y", back(F.Plus(F.Negate(y), a)));
        assertEquals("a2 - 1", back(F.Plus(F.CN1, a)));
        assertEquals("1 - a2", back(F.Plus(F.C1, F.Negate(a))));
        assertEquals("-(a2 + y)", back(F.Plus(F.Negate(y), F.Negate(a))));
    }

    @Test
    void factorsOfTheFormMinusOnePlusAAreFlipped() {
        // Simplify's -a1*(-1+a1)*W2*(-y+a2) shape
        IExpr ugly = F.Times(F.CN1, w, F.Plus(F.CN1, a), F.Plus(F.Negate(y), a));
        assertEquals("(1 - a2)*(a2 - y)*W2", back(ugly));
        assertEquals("a2*(1 - a2)", back(F.Times(F.CN1, a, F.Plus(F.CN1, a))));
        assertEquals("-(1 - a2)^2", back(F.Times(F.CN1, F.Sqr(F.Plus(F.C1, F.Negate(a))))));
    }

    @Test
    void negativePowersGoUnderAFractionBar() {
        assertEquals("1/a2", back(F.Power(a, F.CN1)));
        assertEquals("y/a2^2", back(F.Times(y, F.Power(a, F.CN2))));
        assertEquals("1/(2*sqrt(a2))", back(F.Times(F.C1D2, F.Power(a, F.CN1D2))));
        assertEquals("-3*y/(2*a2)", back(F.Times(F.QQ(-3, 2), y, F.Power(a, F.CN1))));
    }

    @Test
    void powersRootsAndExponentials() {
        assertEquals("sqrt(a2)", back(F.Sqrt(a)));
        assertEquals("a2^(3/2)", back(F.Power(a, F.QQ(3, 2))));
        assertEquals("exp(y)", back(F.Exp(y)));
        assertEquals("exp(-y)", back(F.Exp(F.Negate(y))));
        assertEquals("exp(1)", back(S.E));
    }

    @Test
    void numbers() {
        assertEquals("0.5", back(F.C1D2));
        assertEquals("1/3", back(F.QQ(1, 3)));
        assertEquals("-7", back(F.ZZ(-7)));
        assertEquals("0.25", back(F.num(0.25)));
    }

    @Test
    void functionsAndTheSigmoidDerivativeShape() {
        IExpr s = session.call(Builtin.SIGMOID, a);
        assertEquals("sigmoid(a2)*(1 - sigmoid(a2))", back(F.Times(F.Subtract(F.C1, s), s)));
        assertEquals("softplus(a2) + tanh(a2) + log(a2)",
                back(F.Plus(F.Log(a), session.call(Builtin.TANH, a), session.call(Builtin.SOFTPLUS, a))));
        assertEquals("sin(a2)/cos(a2)", back(F.Tan(a)));
    }

    @Test
    void whatTheLanguageCannotWriteIsRefused() {
        assertThrows(FromSymja.Unwritable.class, () -> back(F.Log(F.CN1)));
        assertThrows(FromSymja.Unwritable.class, () -> back(S.Pi));
        assertThrows(FromSymja.Unwritable.class, () -> back(F.Abs(a)));
        assertThrows(FromSymja.Unwritable.class, () -> back(F.symbol("stranger")));
    }
}
