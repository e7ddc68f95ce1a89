package org.gradaudit.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.gradaudit.numeric.Evaluators;
import org.gradaudit.numeric.FiniteDifferences;
import org.gradaudit.symbolic.Cas;
import org.gradaudit.symbolic.CasException;
import org.gradaudit.symbolic.ZeroTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each row of the table agrees with itself: its derivative with finite differences of its value and with the CAS. */
class BuiltinTest {
    private static final Expr X = Expr.var("x");

    @ParameterizedTest
    @EnumSource(Builtin.class)
    void theDerivativeIsTheSlopeOfTheValue(Builtin f) {
        Random random = new Random(7 + f.ordinal());
        var derivative = Evaluators.compile(f.derivative(X), java.util.List.of("x"));
        for (int i = 0; i < 20; i++) {
            double x = 0.05 + 3 * random.nextDouble(); // positive, away from step's jump and log's pole
            double numeric = FiniteDifferences.ridders(f::apply, x, 0.01).value();
            double claimed = derivative.eval(new double[] {x});
            assertEquals(numeric, claimed, 1e-8 * Math.max(1, Math.abs(numeric)), f + "' at " + x);
        }
    }

    @ParameterizedTest
    @EnumSource(Builtin.class)
    void theCasDifferentiatesAsTheTableSays(Builtin f) throws CasException {
        Expr d = Cas.get().derivative(f.call(X), "x");
        assertSame(ZeroTest.ZERO, Cas.get().isZero(Expr.sub(d, f.derivative(X))), f + ": " + d);
    }

    @ParameterizedTest
    @EnumSource(Builtin.class)
    void everyNameLeadsBackToItsRow(Builtin f) {
        assertSame(f, Builtin.named(f.spelling()));
        assertTrue(Builtins.FUNCTIONS.contains(f.spelling()));
        assertSame(Builtin.LOG, Builtin.named("ln"));
    }
}
