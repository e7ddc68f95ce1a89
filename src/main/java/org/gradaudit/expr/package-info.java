/**
 * The expression type every part of gradaudit speaks ({@link org.gradaudit.expr.Expr}), its
 * parser for the derivation-file formula syntax, its printer ({@code parse(print(e)) = e}), and
 * the built-in vocabulary. Nothing here knows about a CAS: user names are kept exactly as written.
 */
package org.gradaudit.expr;
