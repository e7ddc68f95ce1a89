package org.gradaudit.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Predicate;

/**
 * A box of points to search for a wrong gradient of a plain function: a range for each
 * coordinate, and optionally a condition every point must meet (to stay inside the function's
 * domain, or away from a kink). An immutable value; it is also the generator and the shrinker of
 * its points:
 * <pre>{@code
 * Box box = Box.of(3, -2, 2)                              // x in [-2, 2]^3
 *         .where(x -> Math.abs(x[0] - x[1]) > 1e-3);     // away from the kink of |x0 - x1|
 * GradientSearch.assertGradientForAll(box, MyLoss::value, MyLoss::gradient, SearchOptions.defaults());
 *
 * double[] p = box.generate(new Random(42));              // a generator: seeded random -> point
 * List<double[]> simpler = box.shrink(p);                 // a shrinker: point -> simpler points
 * }</pre>
 */
public final class Box {
    /** Draws of a point before the condition is called too narrow. */
    private static final int ATTEMPTS = 1000;

    private final double[] lows;
    private final double[] highs;
    private final Predicate<double[]> condition;

    private Box(double[] lows, double[] highs, Predicate<double[]> condition) {
        this.lows = lows;
        this.highs = highs;
        this.condition = condition;
    }

    /**
     * The cube {@code [low, high]^dimensions}.
     *
     * <pre>{@code
     * Box box = Box.of(2, -1, 1);     // x in [-1, 1]^2
     * }</pre>
     *
     * @param dimensions the number of coordinates, at least 1
     * @param low the smallest coordinate, finite
     * @param high the largest, finite and {@code >= low}
     * @return the box
     * @throws IllegalArgumentException if {@code dimensions < 1} or the bounds are not finite and ordered
     */
    public static Box of(int dimensions, double low, double high) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("dimensions must be >= 1, was [" + dimensions + "]");
        }
        double[] lo = new double[dimensions];
        double[] hi = new double[dimensions];
        Arrays.fill(lo, low);
        Arrays.fill(hi, high);
        return of(lo, hi);
    }

    /**
     * A box with its own range for each coordinate.
     *
     * <pre>{@code
     * Box box = Box.of(new double[] {0.01, -3}, new double[] {1, 3});     // x0 in [0.01, 1], x1 in [-3, 3]
     * }</pre>
     *
     * @param lows the smallest value of each coordinate, finite
     * @param highs the largest, as many, finite, each {@code >=} its low
     * @return the box
     * @throws IllegalArgumentException if the arrays are empty or of different lengths, or a range
     *     is not finite and ordered
     */
    public static Box of(double[] lows, double[] highs) {
        if (lows.length == 0 || lows.length != highs.length) {
            throw new IllegalArgumentException("need as many lows as highs, at least one; were [" + lows.length + ", "
                    + highs.length + "]");
        }
        for (int i = 0; i < lows.length; i++) {
            Values.checkRange("the bounds of x[" + i + "]", lows[i], highs[i]);
        }
        return new Box(lows.clone(), highs.clone(), x -> true);
    }

    /**
     * Only the points where {@code accept} holds, in addition to any earlier condition; drawing
     * and shrinking both keep to them.
     *
     * <pre>{@code
     * Box.of(1, -2, 2).where(x -> Math.abs(x[0]) > 1e-3)     // relu's kink at 0 left out
     * }</pre>
     *
     * @param accept the points to keep; it must not modify its argument
     * @return this box with that condition
     */
    public Box where(Predicate<double[]> accept) {
        Objects.requireNonNull(accept, "accept");
        Predicate<double[]> before = condition;
        return new Box(lows, highs, x -> before.test(x) && accept.test(x));
    }

    /**
     * <pre>{@code
     * int n = Box.of(3, -1, 1).dimensions();     // 3
     * }</pre>
     *
     * @return the number of coordinates
     */
    public int dimensions() {
        return lows.length;
    }

    /**
     * Draws a point, each coordinate uniform in its range, again until the condition holds.
     *
     * <pre>{@code
     * double[] x = Box.of(2, -1, 1).generate(new Random(42));
     * }</pre>
     *
     * @param random the source of randomness
     * @return a point of the box
     * @throws IllegalStateException if 1,000 draws in a row fail the condition
     */
    public double[] generate(Random random) {
        Objects.requireNonNull(random, "random");
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            double[] x = new double[lows.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = Values.uniform(random, lows[i], highs[i]);
            }
            if (condition.test(x.clone())) {
                return x;
            }
        }
        throw new IllegalStateException(ATTEMPTS + " points in a row failed the box's condition; draw from a box that"
                + " meets it more often");
    }

    /**
     * Simpler points of the box, most aggressive first: every coordinate at 0 (or the bound nearest
     * to it), every coordinate with fewer decimals, then one coordinate at a time.
     *
     * <pre>{@code
     * List<double[]> simpler = Box.of(2, -1, 1).shrink(new double[] {0.37, -0.81});
     * }</pre>
     *
     * @param x a point
     * @return the candidates, each in the box and meeting its condition
     * @throws IllegalArgumentException if {@code x} has another number of coordinates
     */
    public List<double[]> shrink(double[] x) {
        if (x.length != lows.length) {
            throw new IllegalArgumentException("the box has " + lows.length + " coordinates, the point " + x.length);
        }
        List<double[]> candidates = Values.simpler(x, lows, highs);
        List<double[]> out = new ArrayList<>();
        for (double[] c : candidates) {
            if (condition.test(c.clone()) && out.stream().noneMatch(o -> Arrays.equals(o, c))) {
                out.add(c);
            }
        }
        return out;
    }

    /** The ranges, such as {@code [-2.0, 2.0] x [0.01, 1.0]}; a condition is not shown. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lows.length; i++) {
            b.append(i == 0 ? "" : " x ").append('[').append(lows[i]).append(", ").append(highs[i]).append(']');
        }
        return b.toString();
    }
}
