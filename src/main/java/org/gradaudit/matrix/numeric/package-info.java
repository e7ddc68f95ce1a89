/**
 * Concrete numbers for vectorized derivations: size draws ({@link org.gradaudit.matrix.numeric.SizeDraws}),
 * tensors of values with rounding-error bounds ({@link org.gradaudit.matrix.numeric.Tensor}), the
 * evaluator of matrix expressions ({@link org.gradaudit.matrix.numeric.TensorEval}), and finite
 * differences of the scalar loss per entry. For {@code check FILE --dims}: the loss at real sizes as
 * a {@link org.gradaudit.numeric.loss.PerturbableLoss} ({@link org.gradaudit.matrix.numeric.TapeLoss}),
 * a tape of the forward pass that recomputes, after a one-entry move, only the block of each step the
 * entry reaches, in real or complex arithmetic.
 */
package org.gradaudit.matrix.numeric;
