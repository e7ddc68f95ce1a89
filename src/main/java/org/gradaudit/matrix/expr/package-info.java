/**
 * The matrix expression type ({@link org.gradaudit.matrix.expr.MExpr}), shapes in named dimensions
 * ({@link org.gradaudit.matrix.expr.Shape}), and the numpy printer. Values only: no shapes are
 * inferred and nothing is evaluated here.
 */
package org.gradaudit.matrix.expr;
