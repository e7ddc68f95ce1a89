package org.gradaudit.symbolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import java.util.concurrent.atomic.AtomicReference;
import org.gradaudit.expr.Builtin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.matheclipse.core.basic.Config;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IBuiltInSymbol;
import org.matheclipse.core.interfaces.ISymbol;

class SessionTest {
    private static Session session;

    @BeforeAll
    static void open() {
        session = Session.open();
    }

    @Test
    void configuresSymjaSafely() {
        assertEquals(true, Config.JAS_NO_THREADS);
        assertEquals(false, Config.FILESYSTEM_ENABLED);
        assertEquals(20_000, Config.MAX_AST_SIZE);
    }

    @Test
    void variableSymbolsAreFreshAndSortLikeTheirIndex() {
        ISymbol v0 = session.variable(0);
        ISymbol v12 = session.variable(12);
        assertFalse(v0 instanceof IBuiltInSymbol);
        assertEquals("gav0000", v0.getSymbolName());
        assertEquals("gav0012", v12.getSymbolName());
        assertEquals(-1, Integer.signum(v0.compareTo(v12)));
    }

    @Test
    void activationsStayOpaqueWithTheirDerivativeRules() {
        ISymbol x = session.variable(0);
        assertEquals("(1-gasigmoid[gav0000])*gasigmoid[gav0000]",
                session.engine.evaluate(F.D(session.call(Builtin.SIGMOID, x), x)).toString());
        assertEquals("1-gatanh[gav0000]^2",
                session.engine.evaluate(F.D(session.call(Builtin.TANH, x), x)).toString());
        assertEquals("gasigmoid[gav0000]",
                session.engine.evaluate(F.D(session.call(Builtin.SOFTPLUS, x), x)).toString());
    }

    @Test
    void eachThreadGetsItsOwnEngineWithItsOwnRules() throws InterruptedException {
        AtomicReference<Session> other = new AtomicReference<>();
        AtomicReference<String> derivative = new AtomicReference<>();
        Thread t = new Thread(() -> {
            Session s = Session.open();
            other.set(s);
            ISymbol x = s.variable(0);
            derivative.set(s.engine.evaluate(F.D(s.call(Builtin.TANH, x), x)).toString());
        });
        t.start();
        t.join();
        assertNotSame(session.engine, other.get().engine);
        assertEquals("1-gatanh[gav0000]^2", derivative.get());
    }
}
