/**
 * A loss as the numeric estimators see it: a function of a flat parameter vector that can be
 * probed one element or one direction at a time ({@link org.gradaudit.numeric.loss.PerturbableLoss}),
 * and an adapter for any whole-vector function. Producers of losses (the built-in MLP, a user's
 * model, a derivation's network) implement it; the gradient checker consumes it.
 */
package org.gradaudit.numeric.loss;
