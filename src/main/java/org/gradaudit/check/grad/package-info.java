/**
 * The gradient checker: a claimed gradient ({@link org.gradaudit.gradient.CheckTarget}) against
 * numeric derivatives of its loss, per element or along random directions, with tolerances from
 * each comparison's own noise floor, kinks told apart from mistakes, and results as values
 * ({@link org.gradaudit.check.grad.CheckResult}). The checker compares; producers compute.
 */
package org.gradaudit.check.grad;
