/**
 * A derivation resolved against its network: the expression {@link org.gradaudit.model.Graph} of
 * named definitions (inputs, parameters, nodes, the loss), and the statements to judge
 * ({@link org.gradaudit.model.Item}) with aliases, user functions and gradient names resolved.
 * Undefined names, unknown functions, cycles and claims about names outside the graph are
 * reported here, with their positions.
 */
package org.gradaudit.model;
