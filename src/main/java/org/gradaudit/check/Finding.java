package org.gradaudit.check;

import java.util.List;
import java.util.Map;

/**
 * The audit's judgement of one statement. Field names follow the JSON contract in DESIGN.md.
 *
 * @param line the statement's line in the derivation file
 * @param section the source's section, or ""
 * @param kind loss, definition, claim or code
 * @param lhs the left-hand side as written
 * @param claimed the right-hand side as written
 * @param expected the true value, simplified; null when correct
 * @param diagnosis the kind of mistake; null unless wrong
 * @param fix a corrected formula in the statement's own terms, when a hypothesis found one; else null
 * @param upstream lines of wrong findings whose values this statement consumes
 * @param counterexample where claimed and true differ; null unless wrong
 * @param symbolic equal, different or unknown
 * @param points how many random points were compared
 * @param maxRelError the largest relative difference seen over those points
 * @param correctedLossLine when the truth was taken from the corrected loss and differs from what
 *     the loss as written gives, the loss's line; else 0
 * @param message one sentence a reader can act on
 * @param inherited whether the mistake is an upstream line's, carried on (else the line's own)
 * @param changes when two changes together explain the mistake, each of them (the first's kind is
 *     {@code diagnosis}); empty otherwise
 * @param shaped for a statement of a vectorized derivation, its shapes, sizes and worst entry; null
 *     for a scalar statement
 */
public record Finding(int line, String section, String kind, String lhs, String claimed, Verdict verdict,
                      String expected, Diagnosis diagnosis, String fix, List<Integer> upstream,
                      Counterexample counterexample, String symbolic, int points, double maxRelError,
                      int correctedLossLine, String message, boolean inherited, List<Change> changes,
                      ShapeDetail shaped) {
    public Finding {
        upstream = List.copyOf(upstream);
        changes = List.copyOf(changes);
    }


    /**
     * One of several changes that together explain a wrong statement.
     *
     * @param kind the kind of mistake this change corrects
     * @param description what it changes, in a reader's words
     * @param fix the formula after this change and the ones before it (the last one's is the finding's fix)
     */
    public record Change(Diagnosis kind, String description, String fix) {
    }

    /** This finding with the changes that explain it. */
    Finding withChanges(List<Change> all) {
        return new Finding(line, section, kind, lhs, claimed, verdict, expected, diagnosis, fix, upstream, counterexample,
                symbolic, points, maxRelError, correctedLossLine, message, inherited, all, shaped);
    }

    /** A finding about a scalar statement. */
    public Finding(int line, String section, String kind, String lhs, String claimed, Verdict verdict,
                   String expected, Diagnosis diagnosis, String fix, List<Integer> upstream,
                   Counterexample counterexample, String symbolic, int points, double maxRelError,
                   int correctedLossLine, String message, boolean inherited) {
        this(line, section, kind, lhs, claimed, verdict, expected, diagnosis, fix, upstream, counterexample, symbolic,
                points, maxRelError, correctedLossLine, message, inherited, List.of(), null);
    }

    /** A finding about a statement of a vectorized derivation. */
    public Finding(int line, String section, String kind, String lhs, String claimed, Verdict verdict,
                   String expected, Diagnosis diagnosis, String fix, List<Integer> upstream,
                   Counterexample counterexample, String symbolic, int points, double maxRelError,
                   int correctedLossLine, String message, boolean inherited, ShapeDetail shaped) {
        this(line, section, kind, lhs, claimed, verdict, expected, diagnosis, fix, upstream, counterexample, symbolic,
                points, maxRelError, correctedLossLine, message, inherited, List.of(), shaped);
    }

    public Finding(int line, String section, String kind, String lhs, String claimed, Verdict verdict,
                   String expected, Diagnosis diagnosis, String fix, List<Integer> upstream,
                   Counterexample counterexample, String symbolic, int points, double maxRelError,
                   int correctedLossLine, String message) {
        this(line, section, kind, lhs, claimed, verdict, expected, diagnosis, fix, upstream, counterexample, symbolic,
                points, maxRelError, correctedLossLine, message, false);
    }

    /** This finding, marked as wrong only because it carries the mistake of an upstream line. */
    Finding inheritedFrom(boolean inherit) {
        return new Finding(line, section, kind, lhs, claimed, verdict, expected, diagnosis, fix, upstream, counterexample,
                symbolic, points, maxRelError, correctedLossLine, message, inherit, changes, shaped);
    }

    /**
     * A point where claimed and true values differ, and both values there.
     *
     * @param point the free variables (inputs and parameters) that reproduce it
     * @param values the quantities the two formulas use, at that point
     */
    public record Counterexample(Map<String, Double> point, Map<String, Double> values, double claimed,
                                 double expected) {
        public Counterexample {
            point = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(point));
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        }
    }
}
