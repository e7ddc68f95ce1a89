/**
 * The audit of a vectorized derivation: random points at several size draws ({@link org.gradaudit.matrix.check.MPoint}),
 * the matrix rules' truth cross-checked against finite differences of the scalar loss
 * ({@link org.gradaudit.matrix.check.DifferenceCheck}), every claim and code line judged entry by
 * entry ({@link org.gradaudit.matrix.check.EntryComparison}) and, when wrong, diagnosed by repairs
 * on its matrix tree ({@link org.gradaudit.matrix.check.Repairs}). The result is the scalar audit's
 * own {@link org.gradaudit.check.AuditResult}, with {@link org.gradaudit.check.ShapeDetail} on each finding.
 * {@link org.gradaudit.matrix.check.CheckTargets} makes a file a gradient-check target at sizes the user
 * gives: its code lines run at those sizes against its loss.
 */
package org.gradaudit.matrix.check;
