/**
 * The audit: each statement judged against the truth of its graph, numerically at seeded points
 * and symbolically; a {@link org.gradaudit.check.Diagnosis} found by testing hypotheses; a
 * counterexample; and blame, the earlier wrong lines a statement consumes. The checker compares;
 * derivatives come from {@code symbolic} and {@code numeric}. Gradient checks of networks are in
 * {@code check.grad}.
 */
package org.gradaudit.check;
