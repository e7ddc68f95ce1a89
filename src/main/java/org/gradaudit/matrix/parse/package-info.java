/**
 * Reads a vectorized derivation file: the numpy subset of formulas ({@link org.gradaudit.matrix.parse.NumpyParser},
 * grammar in its Javadoc) and the file's statements ({@link org.gradaudit.matrix.parse.MatrixFileParser}).
 * Anything outside the subset is refused with its file:line:column and a hint, never read as
 * something else.
 */
package org.gradaudit.matrix.parse;
