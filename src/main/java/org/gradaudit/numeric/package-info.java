/**
 * The one numeric core of gradaudit: everything that turns numbers into derivatives or evaluates
 * formulas in floating point.
 *
 * <ul>
 *   <li>{@link org.gradaudit.numeric.FiniteDifferences}: derivatives of a function of one variable
 *       from its values (central differences, Ridders' extrapolation, the complex step, one-sided
 *       differences for kinks), each with an estimate of its own error;
 *   <li>{@link org.gradaudit.numeric.Evaluators}: an expression compiled once into fast evaluators in
 *       doubles, in complex numbers (for the complex step), and in doubles with a rigorous bound on
 *       the rounding error of that very evaluation, from which callers derive comparison tolerances.
 * </ul>
 *
 * This package computes and never compares: verdicts and tolerances belong to the checker. It knows
 * the expression type of {@code org.gradaudit.expr} and nothing downstream of it.
 */
package org.gradaudit.numeric;
