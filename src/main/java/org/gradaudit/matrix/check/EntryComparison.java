package org.gradaudit.matrix.check;

import org.gradaudit.check.tolerance.BoundedAgreement;
import org.gradaudit.matrix.numeric.Tensor;
import org.gradaudit.numeric.BoundedValue;

/**
 * Claimed against true, entry by entry, under the audit's {@link BoundedAgreement}: the worst entry (the
 * largest difference relative to what the tolerance allows) is the one reported.
 *
 * @param agrees whether every entry is within tolerance
 * @param comparable whether every entry had finite values and bounds
 * @param worst the row-major index of the worst entry
 * @param claimed the claimed value there
 * @param expected the true value there
 * @param maxRelError the largest relative difference over all entries
 */
record EntryComparison(boolean agrees, boolean comparable, int worst, double claimed, double expected,
                       double maxRelError) {

    static EntryComparison of(Tensor claimed, Tensor truth, BoundedAgreement tolerance) {
        if (!claimed.sameShape(truth)) {
            throw new IllegalArgumentException("compared tensors differ in shape");
        }
        boolean agrees = true;
        boolean comparable = true;
        int worst = 0;
        double worstScore = -1;
        double maxRel = 0;
        for (int k = 0; k < truth.size(); k++) {
            BoundedValue c = new BoundedValue(claimed.value(k), Math.max(0, claimed.error(k)));
            BoundedValue t = new BoundedValue(truth.value(k), Math.max(0, truth.error(k)));
            if (!BoundedAgreement.comparable(c, t)) {
                comparable = false;
                continue;
            }
            double diff = Math.abs(c.value() - t.value());
            double allowed = tolerance.allowed(c, t);
            double score = allowed > 0 ? diff / allowed : diff > 0 ? Double.POSITIVE_INFINITY : 0;
            double scale = Math.max(Math.abs(c.value()), Math.abs(t.value()));
            maxRel = Math.max(maxRel, scale == 0 ? 0 : diff / scale);
            if (diff > allowed) {
                agrees = false;
            }
            if (score > worstScore) {
                worstScore = score;
                worst = k;
            }
        }
        return new EntryComparison(agrees, comparable, worst, claimed.value(worst), truth.value(worst), maxRel);
    }
}
