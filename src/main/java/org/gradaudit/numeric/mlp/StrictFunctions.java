package org.gradaudit.numeric.mlp;

/**
 * The three {@link StrictMath} functions the MLP's inner loops call that Java 17 runs as native
 * code, each through a call into the C library (about 30 ns a call, a third of a whole
 * incremental loss evaluation of a sigmoid/bce network): computed here in Java, which the JIT
 * inlines, and <em>bit-identical</em> to {@link StrictMath} (and so to {@link Math}, which
 * delegates to it for these three), so no loss value changes.
 * <ul>
 *   <li>{@link #log1p}: a transcription of fdlibm 5.3's {@code s_log1p.c}, the code
 *       {@code StrictMath.log1p} runs (its algorithm and constants are fdlibm's; see the notice below);
 *   <li>{@link #atan2} and {@link #hypot}: where one argument is below 2^-62 of the other, fdlibm
 *       returns {@code y / x} and {@code |x|} (for {@code x > 0}: {@code atan(|y/x|)} of an argument
 *       that small is the argument, and {@code |x| + |y|} rounds to {@code |x|}), which is what the
 *       complex step asks almost always (imaginary parts of 1e-20); anywhere else they call
 *       {@link StrictMath}.
 * </ul>
 * {@code StrictFunctionsTest} compares all three with {@link StrictMath} bit for bit on millions of
 * seeded arguments and on the edge values.
 *
 * <p>fdlibm's notice: Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved. Developed at
 * SunPro, a Sun Microsystems, Inc. business. Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice is preserved.
 */
final class StrictFunctions {
    private static final double LN2_HI = 6.93147180369123816490e-01; // 0x3fe62e42 fee00000
    private static final double LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef 35793c76
    private static final double LP1 = 6.666666666666735130e-01;
    private static final double LP2 = 3.999999999940941908e-01;
    private static final double LP3 = 2.857142874366239149e-01;
    private static final double LP4 = 2.222219843214978396e-01;
    private static final double LP5 = 1.818357216161805012e-01;
    private static final double LP6 = 1.531383769920937332e-01;
    private static final double LP7 = 1.479819860511658591e-01;
    /** Below this ratio of the other argument, {@link #atan2} and {@link #hypot} have their short forms. */
    private static final double TINY_RATIO = 0x1p-62;

    private StrictFunctions() {
    }

    /** {@code log(1 + x)}, bit for bit {@link StrictMath#log1p}. */
    static double log1p(double x) {
        int hx = high(x);
        int ax = hx & 0x7fffffff;
        int k = 1;
        double f = 0;
        int hu = 0;
        double c = 0;
        if (hx < 0x3FDA827A) { // x < 0.41422
            if (ax >= 0x3ff00000) { // x <= -1
                return StrictMath.log1p(x);
            }
            if (ax < 0x3e200000) { // |x| < 2^-29
                return ax < 0x3c900000 ? x : x - x * x * 0.5;
            }
            if (hx > 0 || hx <= 0xbfd2bec3) { // -0.2929 < x < 0.41422
                k = 0;
                f = x;
                hu = 1;
            }
        }
        if (hx >= 0x7ff00000) {
            return x + x;
        }
        if (k != 0) {
            double u;
            if (hx < 0x43400000) {
                u = 1.0 + x;
                hu = high(u);
                k = (hu >> 20) - 1023;
                c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0); // correction term
                c /= u;
            } else {
                u = x;
                hu = high(u);
                k = (hu >> 20) - 1023;
                c = 0;
            }
            hu &= 0x000fffff;
            if (hu < 0x6a09e) {
                u = withHigh(u, hu | 0x3ff00000); // normalize u
            } else {
                k += 1;
                u = withHigh(u, hu | 0x3fe00000); // normalize u/2
                hu = (0x00100000 - hu) >> 2;
            }
            f = u - 1.0;
        }
        double hfsq = 0.5 * f * f;
        if (hu == 0) { // |f| < 2^-20
            if (f == 0) {
                if (k == 0) {
                    return 0;
                }
                c += k * LN2_LO;
                return k * LN2_HI + c;
            }
            double r = hfsq * (1.0 - 0.66666666666666666 * f);
            return k == 0 ? f - r : k * LN2_HI - ((r - (k * LN2_LO + c)) - f);
        }
        double s = f / (2.0 + f);
        double z = s * s;
        double r = z * (LP1 + z * (LP2 + z * (LP3 + z * (LP4 + z * (LP5 + z * (LP6 + z * LP7))))));
        return k == 0 ? f - (hfsq - s * (hfsq + r)) : k * LN2_HI - ((hfsq - (s * (hfsq + r) + (k * LN2_LO + c))) - f);
    }

    /** The angle of {@code (x, y)}, bit for bit {@link StrictMath#atan2}. */
    static double atan2(double y, double x) {
        // fdlibm: atan(|y/x|) with its sign, for x > 0; atan(t) = t below 2^-29.
        if (x > 0 && x < Double.POSITIVE_INFINITY && Math.abs(y) < TINY_RATIO * x) {
            return y / x;
        }
        return StrictMath.atan2(y, x);
    }

    /** {@code sqrt(x^2 + y^2)}, bit for bit {@link StrictMath#hypot}. */
    static double hypot(double x, double y) {
        // fdlibm: |x| + |y| where their exponents differ by more than 60, and that rounds to |x|.
        double a = Math.abs(x);
        if (a < Double.POSITIVE_INFINITY && Math.abs(y) < TINY_RATIO * a) {
            return a;
        }
        return StrictMath.hypot(x, y);
    }

    private static int high(double x) {
        return (int) (Double.doubleToRawLongBits(x) >>> 32);
    }

    private static double withHigh(double x, int high) {
        return Double.longBitsToDouble(((long) high << 32) | (Double.doubleToRawLongBits(x) & 0xffffffffL));
    }
}
