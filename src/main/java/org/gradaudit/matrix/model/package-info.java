/**
 * The shaped model of a vectorized derivation: dimensions, shaped inputs and parameters, forward
 * definitions in dependency order, the loss and the gradient names' conventions; and shape
 * inference with numpy broadcasting ({@link org.gradaudit.matrix.model.Shapes}), whose errors in
 * definitions are input errors naming both shapes and a repair.
 */
package org.gradaudit.matrix.model;
