package org.gradaudit.check;

/**
 * How a claimed expression compared with the true one, numerically and symbolically.
 *
 * @param points points where both sides were finite and compared
 * @param maxRelError largest |claimed - true| / max(|claimed|, |true|) over them (0 where both are 0)
 * @param failure the first point where they differ beyond tolerance, or null
 * @param symbolic what the CAS established
 * @param symbolicNote why the symbolic side is unknown, or ""
 */
record Judgement(int points, double maxRelError, Finding.Counterexample failure, Finding.Symbolic symbolic,
                 String symbolicNote) {
    /** The evidence a finding reports. */
    Finding.Evidence evidence() {
        return new Finding.Evidence(symbolic, points, maxRelError);
    }
}
