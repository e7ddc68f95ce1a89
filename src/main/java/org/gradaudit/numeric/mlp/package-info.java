/**
 * The built-in multilayer perceptron: any depth and width, hidden activations sigmoid, tanh,
 * relu and identity, outputs sigmoid, softmax and identity, losses bce, cross-entropy and mse
 * averaged over a batch; hand-written backpropagation (correct, or with the published dZ1
 * mistake); and a loss that answers one-element perturbations incrementally, in real and complex
 * arithmetic, for fast finite differences and the complex step, and the loss along one direction
 * with its first-layer product computed once ({@link org.gradaudit.numeric.mlp.MlpLine}), for
 * fast mode's directional derivatives.
 */
package org.gradaudit.numeric.mlp;
