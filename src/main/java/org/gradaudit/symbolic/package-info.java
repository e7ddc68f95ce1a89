/**
 * Symbolic algebra for gradaudit: Symja behind one narrow, sandboxed facade, {@link
 * org.gradaudit.symbolic.Cas}.
 *
 * <p>The rest of gradaudit sees only its own {@link org.gradaudit.expr.Expr}; no Symja type leaves
 * this package. The facade offers three operations (derivative, simplify, zero test) over a fixed
 * vocabulary of built-in functions, and guarantees:
 * <ul>
 *   <li><b>No user text reaches Symja's parser.</b> Expressions are translated node by node with
 *       Symja's builders, and every user variable becomes a fresh symbol ({@code gav0000}, ...), so
 *       names such as {@code E}, {@code I}, {@code N}, {@code D}, {@code Z1} or {@code beta} keep
 *       their meaning and come back unchanged.</li>
 *   <li><b>A whitelist, not a blacklist.</b> Only the heads for {@code + - * / ^} and the
 *       built-ins of {@link org.gradaudit.expr.Builtin} are ever built, so no file, network, process or Java
 *       built-in can be reached; anything else is refused before Symja is involved.</li>
 *   <li><b>Bounded work.</b> Inputs are bounded in size and in constant exponents; every call runs on
 *       a daemon worker thread under a wall-clock bound, and Symja's own size limits are set.</li>
 *   <li><b>Silence.</b> Symja's message streams go to a sink; nothing is printed.</li>
 * </ul>
 * The built-ins Symja has no function of its own for ({@code tanh}, {@code sigmoid}, {@code softplus},
 * {@code relu}, {@code step}) stay opaque inside Symja, with the table's derivatives given as rules
 * ({@code sigmoid' = sigmoid*(1 - sigmoid)}, {@code tanh' = 1 - tanh^2}, {@code softplus' = sigmoid},
 * {@code relu' = step}, {@code step' = 0}), so that backprop identities are proven in the form in which
 * tutorials write them.
 */
package org.gradaudit.symbolic;
