package org.gradaudit.numeric;

/**
 * An expression compiled for fast repeated evaluation in doubles. Thread-safe; allocates nothing.
 *
 * @see Evaluators#compile(org.gradaudit.expr.Expr, java.util.List)
 */
@FunctionalInterface
public interface Evaluator {
    /**
     * The expression's value, where {@code values[i]} is the value of the {@code i}-th slot named at
     * compilation. NaN and infinities propagate as in Java arithmetic; nothing is thrown for them.
     *
     * @throws IllegalArgumentException if {@code values} does not have one entry per slot
     */
    double eval(double[] values);
}
