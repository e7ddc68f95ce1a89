package org.gradaudit.check;

import java.util.Map;

/**
 * How a claimed expression compared with the true one, numerically and symbolically.
 *
 * @param points points where both sides were finite and compared
 * @param maxRelError largest |claimed - true| / max(|claimed|, |true|) over them (0 where both are 0)
 * @param failure the first point where they differ beyond tolerance, or null
 * @param symbolic equal, different or unknown
 * @param symbolicNote why the symbolic side is unknown, or ""
 */
record Judgement(int points, double maxRelError, Failure failure, String symbolic, String symbolicNote) {
    /** A point where the two sides differ: the free variables, and the quantities the formulas use. */
    record Failure(Map<String, Double> point, Map<String, Double> values, double claimed, double expected) {
    }
}
