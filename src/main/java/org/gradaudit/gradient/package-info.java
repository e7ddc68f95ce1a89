/**
 * What a producer of derivatives hands the gradient checker: a {@link org.gradaudit.gradient.CheckTarget}
 * (a claimed gradient, the loss it claims to be the gradient of, and the parameter
 * {@link org.gradaudit.gradient.Tensor}s that index both). Producers (the built-in MLP's backprop, a
 * derivation's code lines, a user's model) build targets; {@code check.grad} compares them with
 * numeric derivatives. Nothing here computes a derivative.
 */
package org.gradaudit.gradient;
