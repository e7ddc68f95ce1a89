package org.gradaudit.symbolic;

import org.gradaudit.expr.Expr;

/**
 * Run in a fresh JVM by {@link CasTest}: first use of the CAS, then one line of timings on stdout
 * and nothing else. Symja must print nothing, and the JVM must exit promptly.
 */
public final class ColdStart {
    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Cas cas = Cas.get();
        long t1 = System.nanoTime();
        Expr d = cas.derivative(Formulas.parse("sigmoid(W2*a1 + b2)"), "W2");
        long t2 = System.nanoTime();
        cas.derivative(Formulas.parse("-y*log(a2) - (1 - y)*log(1 - a2)"), "a2");
        long t3 = System.nanoTime();
        ZeroTest z = cas.isZero(Formulas.parse("(-y/a2 + (1-y)/(1-a2))*a2*(1-a2) - (a2 - y)"));
        long t4 = System.nanoTime();
        cas.simplify(Formulas.parse("(-y/a2 + (1 - y)/(1 - a2))*a2*(1 - a2)"));
        long t5 = System.nanoTime();
        System.out.printf("get=%.1fms firstDerivative=%.1fms derivative=%.1fms isZero=%.1fms simplify=%.1fms %s %s%n",
                ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), ms(t5 - t4), z, d);
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
