/**
 * Every rule for when two numbers agree, each a named constant with the sentence a report prints:
 * {@link org.gradaudit.check.tolerance.BoundedAgreement}, the agreement of two evaluations that each
 * carry a rounding-error bound (the audit's claims, the code run, the diagnoser's constants), and
 * {@link org.gradaudit.check.tolerance.NoiseFloor}, the agreement of a value with a finite-difference
 * estimate given the estimate's own error (the gradient checker, and the audit's cross-check of the
 * symbolic truth against Ridders' differences).
 */
package org.gradaudit.check.tolerance;
