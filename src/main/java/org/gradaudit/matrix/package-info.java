/**
 * Vectorized derivations: files that declare dimensions ({@code dim n_x, m}) and shaped inputs and
 * parameters, and write their formulas in numpy ({@code np.dot(W1, X) + b1}, {@code .T},
 * {@code np.sum(dZ, axis=1, keepdims=True)}, {@code 1/m}).
 *
 * <p>The data flow mirrors the scalar one, in sub-packages: {@code parse} reads the file into
 * statements of {@link org.gradaudit.matrix.expr.MExpr}, a matrix expression type of its own (the
 * scalar {@code Expr} is not extended, so no scalar code can meet a matrix node and skip it);
 * {@code model} infers every shape in the file's dimension names and refuses shape errors;
 * {@code grad} gives every {@code dL/dV} by the reverse-mode matrix rules; {@code numeric} draws
 * concrete sizes and evaluates entries with rounding-error bounds and finite differences;
 * {@code check} judges claims and code lines entry by entry and diagnoses them on the matrix tree,
 * producing the same {@link org.gradaudit.check.AuditResult} the scalar audit does, so every
 * renderer works unchanged.
 *
 * <p>The hook: {@link org.gradaudit.matrix.Vectorized#declaresDims(String)} says whether a file is a
 * vectorized one (it has a {@code dim} line); the CLI then calls
 * {@link org.gradaudit.matrix.Vectorized#audit} instead of the scalar auditor.
 */
package org.gradaudit.matrix;
