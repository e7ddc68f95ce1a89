/**
 * Concrete numbers for vectorized derivations: size draws ({@link org.gradaudit.matrix.numeric.SizeDraws}),
 * tensors of values with rounding-error bounds ({@link org.gradaudit.matrix.numeric.Tensor}), the
 * evaluator of matrix expressions ({@link org.gradaudit.matrix.numeric.TensorEval}), and finite
 * differences of the scalar loss per entry.
 */
package org.gradaudit.matrix.numeric;
