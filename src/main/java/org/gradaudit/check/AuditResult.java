package org.gradaudit.check;

import java.util.List;
import org.gradaudit.derivation.Derivation;

/**
 * Everything the audit found, for the renderers.
 *
 * @param seed the seed the random points were drawn from
 * @param pointsPerCheck how many points each statement was compared at
 * @param tolerance the rule for numeric equality
 * @param lossNote how the truth's loss was chosen, or "" when there is no loss
 */
public record AuditResult(Derivation derivation, long seed, int pointsPerCheck, Tolerance tolerance,
                          String lossNote, List<Finding> findings) {
    public AuditResult {
        findings = List.copyOf(findings);
    }

    public long count(Verdict v) {
        return findings.stream().filter(f -> f.verdict() == v).count();
    }

    /** Whether every finding is correct. */
    public boolean clean() {
        return count(Verdict.CORRECT) == findings.size();
    }
}
