package org.gradaudit.numeric;

/**
 * An expression compiled to evaluate in doubles and, alongside, bound the rounding error of that
 * very evaluation. Thread-safe.
 *
 * @see Evaluators#compileWithError(org.gradaudit.expr.Expr, java.util.List)
 */
@FunctionalInterface
public interface ErrorEvaluator {
    /**
     * The value, bitwise the same as {@link Evaluator#eval} gives, and a bound on its rounding error
     * with the inputs taken as exact.
     *
     * @throws IllegalArgumentException if {@code values} does not have one entry per slot
     */
    BoundedValue eval(double[] values);
}
