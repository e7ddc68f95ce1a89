/**
 * The truth of a vectorized derivation: the reverse-mode matrix rules, the chain rule applied once,
 * generically, over a quantity's consumers ({@link org.gradaudit.matrix.grad.ReverseRules}) with each
 * operation's own local rule ({@link org.gradaudit.matrix.grad.LocalRules}); readable gradient
 * formulas built by {@link org.gradaudit.matrix.grad.Build} (scalars pulled out, broadcasts made
 * implicit, definitions folded back to their names); and every gradient as a rule step for
 * {@code derive} ({@link org.gradaudit.matrix.grad.Steps}).
 */
package org.gradaudit.matrix.grad;
