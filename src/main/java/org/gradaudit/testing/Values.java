package org.gradaudit.testing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Drawing and simplifying doubles in a range, for the generators and shrinkers of this package.
 * A value is simpler when it is the range's simplest value (0, or the bound nearest to it), or
 * needs fewer decimals: shrinking moves each value to the simplest, to the whole number just past
 * it (0.3 to 1), or rounds it to 0, 1, 2, 4 or 8 decimals. Every step reaches the simplest value or
 * removes a decimal, so shrinking ends.
 */
final class Values {
    private static final int[] DECIMALS = {0, 1, 2, 4, 8};

    private Values() {
    }

    /** 0 if the range holds it, else the bound nearest to 0. */
    static double simplest(double lo, double hi) {
        return Math.max(lo, Math.min(hi, 0));
    }

    /** The decimals in the shortest decimal form of {@code v}: 0 for 2.0, 2 for 0.25. */
    static int decimals(double v) {
        return Math.max(0, BigDecimal.valueOf(v).stripTrailingZeros().scale());
    }

    static double round(double v, int decimals) {
        return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_EVEN).doubleValue();
    }

    /** Simpler values for {@code v} in [lo, hi], the simplest first. */
    static List<Double> simpler(double v, double lo, double hi) {
        List<Double> out = new ArrayList<>();
        double s = simplest(lo, hi);
        if (v == s) {
            return out;
        }
        out.add(s);
        int have = decimals(v);
        double whole = Math.signum(v - s) * Math.ceil(Math.abs(v - s)) + s; // the whole number past v, away from s
        if (have > 0 && whole >= lo && whole <= hi && decimals(whole) < have) {
            out.add(whole);
        }
        for (int d : DECIMALS) {
            if (d >= have) {
                break;
            }
            double r = round(v, d);
            if (r != v && r >= lo && r <= hi && !out.contains(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /** {@link #simpler(double[], double[], double[])} with one range for every element. */
    static List<double[]> simpler(double[] v, double lo, double hi) {
        double[] lows = new double[v.length];
        double[] highs = new double[v.length];
        java.util.Arrays.fill(lows, lo);
        java.util.Arrays.fill(highs, hi);
        return simpler(v, lows, highs);
    }

    /**
     * Simpler vectors, element {@code i} kept in [lows[i], highs[i]], most aggressive first: every
     * element simplest at once, every element rounded at once (to 0 decimals, then 1, 2, 4, 8), then
     * one element at a time.
     */
    static List<double[]> simpler(double[] v, double[] lows, double[] highs) {
        List<double[]> out = new ArrayList<>();
        double[] simplest = new double[v.length];
        int differing = 0;
        for (int i = 0; i < v.length; i++) {
            simplest[i] = simplest(lows[i], highs[i]);
            differing += v[i] == simplest[i] ? 0 : 1;
        }
        if (differing > 1) {
            out.add(simplest);
        }
        for (int d : DECIMALS) {
            double[] r = v.clone();
            int changed = 0;
            for (int i = 0; i < r.length; i++) {
                double x = round(r[i], d);
                if (r[i] != simplest[i] && decimals(r[i]) > d && x >= lows[i] && x <= highs[i]) {
                    r[i] = x;
                    changed++;
                }
            }
            if (changed > 1) {
                out.add(r);
            }
        }
        for (int i = 0; i < v.length; i++) {
            for (double x : simpler(v[i], lows[i], highs[i])) {
                double[] c = v.clone();
                c[i] = x;
                out.add(c);
            }
        }
        return out;
    }

    /**
     * {@code n} values uniform in [lo, hi]; one time in ten instead all equal (to a bound, to the
     * simplest value or to one uniform value), the edge cases where units saturate or tie.
     */
    static double[] draw(Random r, int n, double lo, double hi) {
        double[] v = new double[n];
        if (r.nextInt(10) == 0) {
            int kind = r.nextInt(4);
            double x = kind == 0 ? lo : kind == 1 ? hi : kind == 2 ? simplest(lo, hi) : uniform(r, lo, hi);
            java.util.Arrays.fill(v, x);
            return v;
        }
        for (int i = 0; i < n; i++) {
            v[i] = uniform(r, lo, hi);
        }
        return v;
    }

    static double uniform(Random r, double lo, double hi) {
        return Math.min(hi, lo + (hi - lo) * r.nextDouble());
    }

    /** Whether every value lies in [lo, hi]; NaN does not. */
    static boolean within(double[] v, double lo, double hi) {
        for (double x : v) {
            if (!(x >= lo && x <= hi)) {
                return false;
            }
        }
        return true;
    }

    static void checkRange(String what, double lo, double hi) {
        if (!Double.isFinite(lo) || !Double.isFinite(hi) || lo > hi) {
            throw new IllegalArgumentException(what + " must be finite with low <= high, were [" + lo + ", " + hi + "]");
        }
    }
}
