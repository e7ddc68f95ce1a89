package org.gradaudit.check;

import org.gradaudit.check.tolerance.BoundedAgreement;
import java.util.List;
import org.gradaudit.derivation.Derivation;

/**
 * Everything the audit found, for the renderers.
 *
 * @param seed the seed the random points were drawn from
 * @param pointsPerCheck how many points each statement was compared at
 * @param tolerance the rule for numeric equality
 * @param lossNote how the truth's loss was chosen, or "" when there is no loss
 * @param codeRun the code lines run as published, or null when the derivation has none
 */
public record AuditResult(Derivation derivation, long seed, int pointsPerCheck, BoundedAgreement tolerance,
                          String lossNote, List<Finding> findings, CodeRunResult codeRun) {
    public AuditResult {
        findings = List.copyOf(findings);
    }

    /**
     * The derivation's code lines run in file order, as published, at one point: each parameter's
     * gradient as the code computes it against the true one. Null when there are no code lines.
     *
     * @param point the free variables of the point
     * @param note why the run could not be made, or ""
     */
    public record CodeRunResult(java.util.Map<String, Double> point, List<Gradient> gradients, String note) {
        public CodeRunResult {
            point = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(point));
            gradients = List.copyOf(gradients);
        }
    }

    /** One parameter's gradient: as the code computes it (assigned at {@code line}) and its true value. */
    public record Gradient(String name, int line, double executed, double truth, boolean agrees) {
    }

    public long count(Verdict v) {
        return findings.stream().filter(f -> f.verdict() == v).count();
    }

    /** Whether every finding is correct. */
    public boolean clean() {
        return count(Verdict.CORRECT) == findings.size();
    }
}
