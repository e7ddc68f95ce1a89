/**
 * A derivation's backprop code lines as a producer of derivatives
 * ({@link org.gradaudit.numeric.code.CodeLines}): executed in file order, as published, at one
 * point. The audit compares what they compute with the truth; {@code gradaudit check FILE} hands it
 * to the gradient checker as a target ({@code org.gradaudit.producer}).
 */
package org.gradaudit.numeric.code;
