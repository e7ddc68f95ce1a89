/**
 * Proofs of vectorized statements: a matrix canonical form of our own ({@link
 * org.gradaudit.matrix.proof.CanonicalForm}: transposes pushed to the leaves, scalars and
 * dimensions collected, sums of products flattened and ordered, broadcasting made explicit where it
 * matters, elementwise products commutative), and, failing it, an entrywise proof by the CAS at the
 * smallest size draw ({@link org.gradaudit.matrix.proof.EntrywiseProof}). {@link
 * org.gradaudit.matrix.proof.MatrixProver} tries them in that order for a statement the numeric
 * judgement already found equal; a proof only upgrades "equal at every point" to "proven".
 */
package org.gradaudit.matrix.proof;
