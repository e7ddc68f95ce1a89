/**
 * Producers of gradient-check targets that need the audit's judgement first: a derivation's
 * network ({@link org.gradaudit.producer.DerivationTarget}), its code lines run at a point whose
 * loss is the audit's truth (corrected where the written loss has the wrong sign). They sit above
 * {@code check}, which knows nothing of them; what they hand over is a
 * {@link org.gradaudit.gradient.CheckTarget}.
 */
package org.gradaudit.producer;
