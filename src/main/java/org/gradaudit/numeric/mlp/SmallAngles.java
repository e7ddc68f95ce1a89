package org.gradaudit.numeric.mlp;

/**
 * {@link Math#cos} and {@link Math#sin}, with their results for arguments of magnitude at most
 * {@link #LIMIT} = 2^-27 given without calling them: {@code cos(x) = 1.0} and {@code sin(x) = x}.
 * The complex step asks them almost only that (the imaginary part of an exponent is 1e-20 times a
 * derivative), and each call costs about as much as the {@link Math#exp} beside it. Every value is
 * bit for bit {@link Math}'s:
 * <ul>
 *   <li><b>cos.</b> For {@code |x| <= 2^-27}, {@code 1 - x^2/2 <= cos x <= 1} and
 *       {@code x^2/2 <= 2^-55}, a quarter of the spacing of doubles just below 1 ({@code 2^-53}): 1.0 is
 *       the correctly rounded cosine on the whole interval. Beyond that, {@link Math#cos} is specified
 *       semi-monotonic: cos does not increase on {@code [0, LIMIT]} nor decrease on {@code [-LIMIT, 0]},
 *       so there {@code Math.cos(+-LIMIT) <= Math.cos(x) <= Math.cos(+-0.0)}. Those four ends are asked
 *       once, here; where all are 1.0, as on every JVM seen, {@code Math.cos(x)} is 1.0 on the whole
 *       interval by the specification alone. Where one is not, no short form is used.
 *   <li><b>sin.</b> {@code |x| - |x|^3/6 <= |sin x| <= |x|} and, for {@code |x| <= 2^-27},
 *       {@code |x|^3/6 < 2^-56 |x|}, less than a quarter of the smallest spacing of doubles next to
 *       {@code x} ({@code ulp(x)/2}, below a power of 2): {@code x} is the correctly rounded sine (for
 *       subnormal {@code x} too, where {@code x^3} is far below the spacing). {@link Math#sin} is
 *       specified within 1 ulp only, which would allow the double next to {@code x} towards 0, so
 *       here it is its implementation that is relied on: HotSpot's returns the correctly rounded
 *       {@code x}. The ends are asked once, here, and {@code SmallAnglesTest} asks 3 million seeded
 *       arguments in every binade below the limit, both signs, the subnormals and the zeros, bit
 *       for bit.
 * </ul>
 */
final class SmallAngles {
    /** Up to this magnitude, cos is 1.0 and sin is the argument itself. */
    static final double LIMIT = 0x1p-27;

    /** The limit where Math's own results at its ends agree with the short forms; else -1 (never short). */
    private static final double USABLE = Math.cos(LIMIT) == 1.0 && Math.cos(-LIMIT) == 1.0
            && Math.cos(0.0) == 1.0 && Math.cos(-0.0) == 1.0
            && Math.sin(LIMIT) == LIMIT && Math.sin(-LIMIT) == -LIMIT ? LIMIT : -1;

    private SmallAngles() {
    }

    /** Whether the short forms are in use on this JVM (its Math agrees with them at the ends). */
    static boolean active() {
        return USABLE == LIMIT;
    }

    /** {@link Math#cos}, bit for bit. */
    static double cos(double x) {
        return Math.abs(x) <= USABLE ? 1.0 : Math.cos(x);
    }

    /** {@link Math#sin}, bit for bit. */
    static double sin(double x) {
        return Math.abs(x) <= USABLE ? x : Math.sin(x);
    }
}
