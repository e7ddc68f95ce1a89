package org.gradaudit.symbolic;

import java.math.BigInteger;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Expr.Num;
import org.matheclipse.core.interfaces.IRational;

/**
 * Symja's exact numbers as the expression language writes them: integers as numbers, a rational
 * as a plain decimal when it is a short terminating one ({@code 0.25}), else as {@code p/q}.
 */
final class SymjaNumbers {
    private SymjaNumbers() {
    }

    /** An integer as a number; one beyond a double's range is unwritable. */
    static Expr integer(BigInteger n) {
        double v = n.doubleValue();
        if (!Double.isFinite(v)) {
            throw new FromSymja.Unwritable("an integer of " + n.bitLength() + " bits");
        }
        return new Num(v);
    }

    /** A rational: a plain number when it is a short terminating decimal, else p/q. */
    static Signed rational(IRational r) {
        BigInteger p = r.toBigNumerator();
        BigInteger q = r.toBigDenominator();
        boolean negative = p.signum() < 0;
        p = p.abs();
        if (q.equals(BigInteger.ONE)) {
            return new Signed(negative, integer(p));
        }
        if (isShortDecimal(p, q)) {
            return new Signed(negative, new Num(p.doubleValue() / q.doubleValue()));
        }
        return new Signed(negative, Expr.div(integer(p), integer(q)));
    }

    private static boolean isShortDecimal(BigInteger p, BigInteger q) {
        try {
            java.math.BigDecimal d = new java.math.BigDecimal(p).divide(new java.math.BigDecimal(q));
            return d.stripTrailingZeros().precision() <= 6;
        } catch (ArithmeticException nonTerminating) {
            return false;
        }
    }
}
