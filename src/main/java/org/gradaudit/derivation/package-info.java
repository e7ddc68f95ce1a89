/**
 * Reading derivation files: each line becomes a {@link org.gradaudit.derivation.Statement} with
 * its file:line:column; every problem is collected before failing. The format is documented in
 * {@code docs/derivation-format.md}.
 */
package org.gradaudit.derivation;
