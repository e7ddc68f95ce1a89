package org.gradaudit.numeric.mlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The complex forward pass's faster forms against the straightforward formulas they replace, bit for
 * bit: {@link Cx#exp} and {@link Cx#tanh} with {@link SmallAngles} against {@code Math.cos} and
 * {@code Math.sin}, and {@link Head}'s complex loss, whose sums are kept in two doubles, against the
 * same sums of {@link Cx} values. Imaginary parts from 1e-40 to 10 (the complex step's, and far from
 * them), real parts from the tiny to the saturating, and the edge values.
 */
class ComplexFormsTest {
    private static final double[] EDGES = {
        0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-20, -1e-20, SmallAngles.LIMIT, -SmallAngles.LIMIT,
        Math.nextUp(SmallAngles.LIMIT), 1.0, -1.0, 710.0, -746.0, 1e300, Double.MAX_VALUE,
        Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
    };

    /** Bit for bit, but any NaN equals any NaN: a NaN's sign and payload are never reported. */
    private static void assertBitsEqual(Cx expected, Cx actual, String what) {
        assertEquals(Double.doubleToLongBits(expected.re()), Double.doubleToLongBits(actual.re()),
                () -> what + ": real part " + expected + " expected, " + actual + " computed");
        assertEquals(Double.doubleToLongBits(expected.im()), Double.doubleToLongBits(actual.im()),
                () -> what + ": imaginary part " + expected + " expected, " + actual + " computed");
    }

    private static Cx expAsWritten(Cx z) {
        double e = Math.exp(z.re());
        return new Cx(e * Math.cos(z.im()), e * Math.sin(z.im()));
    }

    private static Cx tanhAsWritten(Cx z) {
        double t = Math.exp(-2 * Math.abs(z.re()));
        double d = 1 + t * t + 2 * t * Math.cos(2 * z.im());
        return new Cx(Math.signum(z.re()) * (1 - t * t) / d, 2 * t * Math.sin(2 * z.im()) / d);
    }

    private static double imaginary(Random r) {
        return Math.scalb(r.nextGaussian(), -r.nextInt(135) + 4);
    }

    @Test
    void expAndTanhAreTheFormulasWithMathsCosAndSin() {
        Random r = new Random(20261204);
        for (int i = 0; i < 500_000; i++) {
            Cx z = new Cx(r.nextGaussian() * (i % 3 == 0 ? 300 : 3), imaginary(r));
            assertBitsEqual(expAsWritten(z), z.exp(), "exp " + z);
            assertBitsEqual(tanhAsWritten(z), z.tanh(), "tanh " + z);
        }
        for (double re : EDGES) {
            for (double im : EDGES) {
                Cx z = new Cx(re, im);
                assertBitsEqual(expAsWritten(z), z.exp(), "exp " + z);
                assertBitsEqual(tanhAsWritten(z), z.tanh(), "tanh " + z);
            }
        }
    }

    /** The complex loss as it was written, its sums a {@link Cx} replaced at every term. */
    private static Cx lossAsWritten(Output output, Loss loss, int n, double[] zr, double[] zi, double[] y) {
        Cx sum = Cx.ZERO;
        if (output == Output.SOFTMAX) {
            Cx lse = logSumExpAsWritten(zr, zi, n, -1);
            for (int k = 0; k < n; k++) {
                Cx logA = new Cx(zr[k], zi[k]).minus(lse);
                double t = y[k];
                if (loss == Loss.CROSS_ENTROPY) {
                    sum = sum.minus(logA.times(t));
                } else if (loss == Loss.BCE) {
                    Cx log1mA = logSumExpAsWritten(zr, zi, n, k).minus(lse);
                    sum = sum.minus(logA.times(t).plus(t == 1 ? Cx.ZERO : log1mA.times(1 - t)));
                } else {
                    Cx d = logA.exp().plus(-t);
                    sum = sum.plus(d.times(d));
                }
            }
            return loss == Loss.MSE ? sum.times(1.0 / n) : sum;
        }
        for (int k = 0; k < n; k++) {
            Cx z = new Cx(zr[k], zi[k]);
            double t = y[k];
            if (output == Output.SIGMOID && loss == Loss.BCE) {
                sum = sum.plus(z.softplus().minus(z.times(t)));
            } else if (output == Output.SIGMOID && loss == Loss.CROSS_ENTROPY) {
                sum = sum.plus(z.negate().softplus().times(t));
            } else {
                Cx d = (output == Output.SIGMOID ? z.sigmoid() : z).plus(-t);
                sum = sum.plus(d.times(d));
            }
        }
        return loss == Loss.MSE ? sum.times(1.0 / n) : sum;
    }

    private static Cx logSumExpAsWritten(double[] zr, double[] zi, int n, int skip) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            if (k != skip) {
                max = Math.max(max, zr[k]);
            }
        }
        Cx s = Cx.ZERO;
        for (int k = 0; k < n; k++) {
            if (k != skip) {
                s = s.plus(expAsWritten(new Cx(zr[k] - max, zi[k])));
            }
        }
        return s.log().plus(max);
    }

    @Test
    void theComplexLossIsTheSumOfItsTermsAsWritten() {
        Random r = new Random(20261205);
        for (Output output : Output.values()) {
            for (Loss loss : Loss.values()) {
                for (int n : new int[] {1, 2, 10}) {
                    if (output == Output.SOFTMAX && n == 1) {
                        continue;
                    }
                    Head head = new Head(output, loss, n);
                    for (int i = 0; i < 20_000; i++) {
                        double[] zr = new double[n];
                        double[] zi = new double[n];
                        double[] y = new double[n];
                        int hot = r.nextInt(n);
                        for (int k = 0; k < n; k++) {
                            zr[k] = i % 50 == 0 ? EDGES[r.nextInt(EDGES.length)] : r.nextGaussian() * (i % 4 == 0 ? 40 : 2);
                            zi[k] = i % 7 == 0 ? EDGES[r.nextInt(EDGES.length)] : imaginary(r);
                            y[k] = loss == Loss.MSE ? r.nextDouble() : loss == Loss.BCE && output != Output.SOFTMAX
                                    ? r.nextInt(2) : k == hot ? 1 : 0;
                        }
                        assertBitsEqual(lossAsWritten(output, loss, n, zr, zi, y), head.loss(zr, zi, 0, y, 0),
                                output + "/" + loss + " at " + java.util.Arrays.toString(zr) + " + i "
                                        + java.util.Arrays.toString(zi));
                    }
                }
            }
        }
    }

    // Cx's functions as they were written with a Cx made at every step, before MutableCx computed them in place.

    private static Cx quotientAsWritten(Cx a, Cx o) {
        if (Math.abs(o.re()) >= Math.abs(o.im())) {
            double r = o.im() / o.re();
            double den = o.re() + o.im() * r;
            return new Cx((a.re() + a.im() * r) / den, (a.im() - a.re() * r) / den);
        }
        double r = o.re() / o.im();
        double den = o.re() * r + o.im();
        return new Cx((a.re() * r + a.im()) / den, (a.im() * r - a.re()) / den);
    }

    private static Cx logAsWritten(Cx z) {
        return new Cx(Math.log(StrictMath.hypot(z.re(), z.im())), StrictMath.atan2(z.im(), z.re()));
    }

    private static Cx log1pAsWritten(Cx z) {
        double u = z.re();
        double v = z.im();
        return new Cx(0.5 * Math.log1p(2 * u + u * u + v * v), StrictMath.atan2(v, 1 + u));
    }

    private static Cx softplusAsWritten(Cx z) {
        return z.re() > 0 ? z.plus(log1pAsWritten(expAsWritten(z.negate()))) : log1pAsWritten(expAsWritten(z));
    }

    private static Cx sigmoidAsWritten(Cx z) {
        if (z.re() >= 0) {
            return quotientAsWritten(new Cx(1, 0), expAsWritten(z.negate()).plus(1));
        }
        Cx e = expAsWritten(z);
        return quotientAsWritten(e, e.plus(1));
    }

    @Test
    void theInPlaceFunctionsAreTheFormulasAsWritten() {
        Random r = new Random(20261206);
        for (int i = 0; i < 100_000; i++) {
            Cx z = new Cx(r.nextGaussian() * (i % 3 == 0 ? 300 : 3), i % 5 == 0 ? r.nextGaussian() : imaginary(r));
            Cx w = new Cx(r.nextGaussian() * 3, i % 2 == 0 ? r.nextGaussian() : imaginary(r));
            assertInPlaceAsWritten(z, w);
        }
        for (double re : EDGES) {
            for (double im : EDGES) {
                assertInPlaceAsWritten(new Cx(re, im), new Cx(im, re));
            }
        }
    }

    private static void assertInPlaceAsWritten(Cx z, Cx w) {
        assertBitsEqual(quotientAsWritten(z, w), z.dividedBy(w), z + " / " + w);
        assertBitsEqual(logAsWritten(z), z.log(), "log " + z);
        assertBitsEqual(log1pAsWritten(z), z.log1p(), "log1p " + z);
        assertBitsEqual(softplusAsWritten(z), z.softplus(), "softplus " + z);
        assertBitsEqual(sigmoidAsWritten(z), z.sigmoid(), "sigmoid " + z);
        for (Activation a : Activation.values()) {
            Cx expected = switch (a) {
                case SIGMOID -> sigmoidAsWritten(z);
                case TANH -> tanhAsWritten(z);
                case RELU -> z.re() > 0 ? z : new Cx(0, 0);
                case IDENTITY -> z;
            };
            assertBitsEqual(expected, a.apply(z), a + " " + z);
        }
    }
}
