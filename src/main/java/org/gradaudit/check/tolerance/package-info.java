/**
 * Every rule for when two numbers agree, each a named constant with the sentence a report prints:
 * {@link org.gradaudit.check.tolerance.BoundedAgreement}, the agreement of two evaluations that each
 * carry a rounding-error bound (the audit's claims, the code run, the diagnoser's constants, the
 * loss's rounding when the audit probes it), and
 * {@link org.gradaudit.check.tolerance.NoiseFloor}, the agreement of a value with a finite-difference
 * estimate given the estimate's own error (the gradient checker, the audit's cross-check of the
 * symbolic truth against Ridders' differences, and the vectorized audit's check of its matrix rules
 * against Richardson's extrapolation), and {@link org.gradaudit.check.tolerance.PrintedDigits}, the
 * agreement of a number printed in decimal, a worked value, with the true value to its digits.
 */
package org.gradaudit.check.tolerance;
