/**
 * The truth of a vectorized derivation: the reverse-mode matrix rules ({@link org.gradaudit.matrix.grad.ReverseRules},
 * one rule per operation, the chain rule applied once, generically), readable gradient formulas
 * built by {@link org.gradaudit.matrix.grad.Build} (scalars pulled out, broadcasts made implicit,
 * definitions folded back to their names), and their values at a point ({@link org.gradaudit.matrix.grad.Adjoints}).
 */
package org.gradaudit.matrix.grad;
