package org.gradaudit.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How {@link GradientAssertions#assertGradient} checks: an immutable value, validated where it is
 * made. Start from {@link #defaults()} and change what you need:
 * <pre>{@code
 * GradientOptions o = GradientOptions.defaults()
 *         .withMethod(NumericMethod.CENTRAL)
 *         .withTolerance(1e-8, 1e-6)
 *         .onlyParameters("W1", "b1")
 *         .withSeed(7);
 * }</pre>
 *
 * <p><b>Tolerance.</b> Each element is held to its own noise floor, computed from the numeric
 * method's error estimate and the rounding of the loss and of the gradient (no fixed rtol; see
 * {@link #withTolerance}), and by default also passes within {@link #DEFAULT_ATOL} + {@link #DEFAULT_RTOL} {@code |numeric|}. A caller
 * may allow more.
 *
 * <p><b>Selection.</b> By default every element of every parameter is checked.
 * {@link #onlyParameters} and {@link #onlyElements} narrow that; names that the model does not
 * declare are reported when the assertion runs.
 *
 * <p>{@link #toString()} is the Java expression that rebuilds the options, so that a failure
 * message can say how to reproduce it.
 */
public final class GradientOptions {
    /**
     * The absolute allowance by default, 1e-10, with {@link #DEFAULT_RTOL}: far below any mistake in
     * a formula of a loss of order 1, above the last digits in which the computed noise floor can be
     * too optimistic (seen at 1e-13 on random networks), so that a correct gradient does not fail a
     * test. {@code withTolerance(0, 0)} holds every element to the noise floor alone.
     */
    public static final double DEFAULT_ATOL = 1e-10;

    /** The relative allowance by default, 1e-8; see {@link #DEFAULT_ATOL}. */
    public static final double DEFAULT_RTOL = 1e-8;

    private static final GradientOptions DEFAULTS =
            new GradientOptions(NumericMethod.RIDDERS, DEFAULT_ATOL, DEFAULT_RTOL, Map.of(), 1, 10, 1);

    private final NumericMethod method;
    private final double atol;
    private final double rtol;
    /** Parameter name to flat indices within it; an empty list means the whole parameter. Empty map: all. */
    private final Map<String, List<Integer>> selection;
    private final long seed;
    private final int maxRows;
    private final int threads;

    private GradientOptions(NumericMethod method, double atol, double rtol, Map<String, List<Integer>> selection,
            long seed, int maxRows, int threads) {
        this.method = method;
        this.atol = atol;
        this.rtol = rtol;
        this.selection = selection;
        this.seed = seed;
        this.maxRows = maxRows;
        this.threads = threads;
    }

    /**
     * Ridders' method, the noise floor or {@link #DEFAULT_ATOL} + {@link #DEFAULT_RTOL} {@code |numeric|}
     * (whichever is larger),
     * every element, seed 1, the 10 worst elements
     * in a failure message, one thread.
     *
     * @return the default options
     */
    public static GradientOptions defaults() {
        return DEFAULTS;
    }

    /**
     * @param m the numeric method
     * @return these options with method {@code m}
     * @throws NullPointerException if {@code m} is null
     */
    public GradientOptions withMethod(NumericMethod m) {
        return new GradientOptions(Objects.requireNonNull(m, "method"), atol, rtol, selection, seed, maxRows, threads);
    }

    /**
     * Allows more than the noise floor: an element also passes when
     * {@code |analytic - numeric| <= atol + rtol |numeric|}. Use it for a loss that is itself noisy
     * (computed in float, or by an iterative solver). The default is {@link #DEFAULT_ATOL} and {@link #DEFAULT_RTOL};
     * {@code withTolerance(0, 0)} leaves the noise floor alone.
     *
     * @param atol absolute allowance, finite and {@code >= 0}
     * @param rtol relative allowance, finite and {@code >= 0}
     * @return these options with that allowance
     * @throws IllegalArgumentException if either is negative, NaN or infinite
     */
    public GradientOptions withTolerance(double atol, double rtol) {
        checkAllowance("atol", atol);
        checkAllowance("rtol", rtol);
        return new GradientOptions(method, atol, rtol, selection, seed, maxRows, threads);
    }

    /**
     * Checks only the named parameters, every element of each; replaces any earlier selection.
     *
     * @param names parameter names, such as {@code "W1"}; at least one
     * @return these options with that selection
     * @throws IllegalArgumentException if no name is given, or a name is blank or repeated
     */
    public GradientOptions onlyParameters(String... names) {
        if (names.length == 0) {
            throw new IllegalArgumentException("onlyParameters needs at least one name");
        }
        Map<String, List<Integer>> s = new LinkedHashMap<>();
        for (String n : names) {
            checkName(n);
            if (s.put(n, List.of()) != null) {
                throw new IllegalArgumentException("parameter [" + n + "] is named twice");
            }
        }
        return new GradientOptions(method, atol, rtol, Collections.unmodifiableMap(s), seed, maxRows, threads);
    }

    /**
     * Adds elements of one parameter to the selection (a parameter selected whole stays whole).
     * Indices are flat, row-major within the parameter: element {@code [i, j]} of a {@code [rows, cols]}
     * matrix is {@code i * cols + j}; for the plain-function form the parameter is {@code "x"}.
     *
     * @param parameter the parameter's name
     * @param flatIndices at least one index, each {@code >= 0}
     * @return these options with those elements added
     * @throws IllegalArgumentException if no index is given, or an index is negative
     */
    public GradientOptions onlyElements(String parameter, int... flatIndices) {
        checkName(parameter);
        if (flatIndices.length == 0) {
            throw new IllegalArgumentException("onlyElements needs at least one index for [" + parameter + "]");
        }
        Map<String, List<Integer>> s = new LinkedHashMap<>(selection);
        List<Integer> old = s.get(parameter);
        if (old != null && old.isEmpty()) {
            return this;
        }
        List<Integer> idx = new ArrayList<>(old == null ? List.of() : old);
        for (int i : flatIndices) {
            if (i < 0) {
                throw new IllegalArgumentException("index [" + i + "] of [" + parameter + "] is negative");
            }
            if (!idx.contains(i)) {
                idx.add(i);
            }
        }
        s.put(parameter, List.copyOf(idx));
        return new GradientOptions(method, atol, rtol, Collections.unmodifiableMap(s), seed, maxRows, threads);
    }

    /**
     * The seed: passed to {@link GradientModel#initialParameters(long)} by the model forms of
     * {@code assertGradient}, and printed with every failure so that it can be reproduced.
     *
     * @param s the seed
     * @return these options with seed {@code s}
     */
    public GradientOptions withSeed(long s) {
        return new GradientOptions(method, atol, rtol, selection, s, maxRows, threads);
    }

    /**
     * @param rows how many of the worst elements a failure message lists, at least 1
     * @return these options with that many rows
     * @throws IllegalArgumentException if {@code rows < 1}
     */
    public GradientOptions withMaxRows(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("maxRows must be >= 1, was [" + rows + "]");
        }
        return new GradientOptions(method, atol, rtol, selection, seed, rows, threads);
    }

    /**
     * Evaluates the loss on several threads at once. Only for a loss that is safe to call
     * concurrently; by default 1.
     *
     * @param n threads, at least 1
     * @return these options with {@code n} threads
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public GradientOptions withThreads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was [" + n + "]");
        }
        return new GradientOptions(method, atol, rtol, selection, seed, maxRows, n);
    }

    /** @return the numeric method */
    public NumericMethod method() {
        return method;
    }

    /** @return the absolute allowance on top of the noise floor */
    public double absoluteTolerance() {
        return atol;
    }

    /** @return the relative allowance on top of the noise floor */
    public double relativeTolerance() {
        return rtol;
    }

    /** @return the selected parameter names, in order; empty when every parameter is checked */
    public Set<String> selectedParameters() {
        return selection.keySet();
    }

    /**
     * @param parameter a parameter name
     * @return the selected flat indices within it; empty when it is selected whole or not at all
     */
    public List<Integer> selectedElements(String parameter) {
        return selection.getOrDefault(parameter, List.of());
    }

    /** @return the seed */
    public long seed() {
        return seed;
    }

    /** @return how many of the worst elements a failure message lists */
    public int maxRows() {
        return maxRows;
    }

    /** @return how many threads evaluate the loss */
    public int threads() {
        return threads;
    }

    Map<String, List<Integer>> selection() {
        return selection;
    }

    /** The Java expression that rebuilds these options, such as {@code GradientOptions.defaults().withSeed(7)}. */
    @Override
    public String toString() {
        return OptionsExpression.of(this, DEFAULTS);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GradientOptions g && g.method == method && Double.compare(g.atol, atol) == 0
                && Double.compare(g.rtol, rtol) == 0 && g.selection.equals(selection) && g.seed == seed
                && g.maxRows == maxRows && g.threads == threads;
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, atol, rtol, selection, seed, maxRows, threads);
    }

    private static void checkAllowance(String name, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be finite and >= 0, was [" + v + "]");
        }
    }

    private static void checkName(String n) {
        Objects.requireNonNull(n, "parameter name");
        if (n.isBlank()) {
            throw new IllegalArgumentException("parameter name must not be blank");
        }
    }
}
