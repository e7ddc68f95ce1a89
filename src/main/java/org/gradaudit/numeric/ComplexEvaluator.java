package org.gradaudit.numeric;

import org.apache.commons.math3.complex.Complex;

/**
 * An expression compiled for evaluation in complex numbers, for the complex-step derivative.
 * Thread-safe.
 *
 * @see Evaluators#compileComplex(org.gradaudit.expr.Expr, java.util.List)
 */
@FunctionalInterface
public interface ComplexEvaluator {
    /**
     * The expression's value, where {@code values[i]} is the value of the {@code i}-th slot.
     *
     * @throws IllegalArgumentException if {@code values} does not have one entry per slot
     * @throws NullPointerException if an entry of {@code values} is null
     */
    Complex eval(Complex[] values);
}
