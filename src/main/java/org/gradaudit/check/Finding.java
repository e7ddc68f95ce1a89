package org.gradaudit.check;

import java.util.List;
import java.util.Map;

/**
 * The audit's judgement of one statement. Field names follow the JSON contract in DESIGN.md.
 *
 * @param line the statement's line in the derivation file
 * @param section the source's section, or ""
 * @param kind what the statement is
 * @param lhs the left-hand side as written
 * @param claimed the right-hand side as written
 * @param expected the true value, simplified; null when correct
 * @param diagnosis the kind of mistake; null unless wrong
 * @param fix a corrected formula in the statement's own terms, when a hypothesis found one; else null
 * @param upstream lines of wrong findings whose values this statement consumes
 * @param counterexample where claimed and true differ; null unless wrong
 * @param symbolic what the CAS established
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
public record Finding(int line, String section, Kind kind, String lhs, String claimed, Verdict verdict,
                      String expected, Diagnosis diagnosis, String fix, List<Integer> upstream,
                      Counterexample counterexample, Symbolic symbolic, int points, double maxRelError,
                      int correctedLossLine, String message, boolean inherited, List<Change> changes,
                      ShapeDetail shaped) {
    /** @throws IllegalArgumentException if a finding that is not wrong carries a counterexample or a diagnosis */
    public Finding {
        upstream = List.copyOf(upstream);
        changes = List.copyOf(changes);
        if (verdict != Verdict.WRONG && (counterexample != null || diagnosis != null || !changes.isEmpty())) {
            throw new IllegalArgumentException("only a wrong finding has a counterexample, diagnosis or changes; was ["
                    + verdict + ", " + counterexample + ", " + diagnosis + ", " + changes + "]");
        }
    }

    /** What a statement is; its JSON spelling is the lower-case name. */
    public enum Kind {
        LOSS, DEFINITION, CLAIM, CODE, UPDATE;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
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

    /** What the CAS established about claimed minus true; its JSON spelling is the lower-case name. */
    public enum Symbolic {
        /** The difference simplifies to 0. */
        EQUAL,
        /** A point where the two differ beyond their rounding bounds disproves it. */
        DIFFERENT,
        /** Neither: the CAS could not simplify the difference, or gave up. */
        UNKNOWN;

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The statement a finding is about, as written.
     *
     * @param line its line in the derivation file
     * @param section the source's section, or ""
     */
    public record Subject(int line, String section, Kind kind, String lhs, String claimed) {
    }

    /**
     * How the claimed value was compared with the true one.
     *
     * @param points how many random points were compared
     * @param maxRelError the largest relative difference seen over them
     */
    public record Evidence(Symbolic symbolic, int points, double maxRelError) {
        /** Nothing was compared. */
        public static final Evidence NONE = new Evidence(Symbolic.UNKNOWN, 0, 0);
    }

    /** A correct statement; {@code message} says how that was established. */
    public static Finding correct(Subject s, Evidence e, List<Integer> upstream, int correctedLossLine, String message) {
        return new Finding(s.line(), s.section(), s.kind(), s.lhs(), s.claimed(), Verdict.CORRECT, null, null, null,
                upstream, null, e.symbolic(), e.points(), e.maxRelError(), correctedLossLine, message, false, List.of(),
                null);
    }

    /** A wrong statement: the true value, the kind of mistake, the fix if known, and a point where it shows. */
    public static Finding wrong(Subject s, Evidence e, String expected, Diagnosis diagnosis, String fix,
                                Counterexample counterexample, List<Integer> upstream, int correctedLossLine,
                                String message) {
        return new Finding(s.line(), s.section(), s.kind(), s.lhs(), s.claimed(), Verdict.WRONG, expected, diagnosis,
                fix, upstream, counterexample, e.symbolic(), e.points(), e.maxRelError(), correctedLossLine, message,
                false, List.of(), null);
    }

    /** A statement neither proven nor disproven; {@code message} says why; {@code expected} may be null. */
    public static Finding unverified(Subject s, Evidence e, String expected, List<Integer> upstream,
                                     int correctedLossLine, String message) {
        return new Finding(s.line(), s.section(), s.kind(), s.lhs(), s.claimed(), Verdict.UNVERIFIED, expected, null,
                null, upstream, null, e.symbolic(), e.points(), e.maxRelError(), correctedLossLine, message, false,
                List.of(), null);
    }

    /** This finding with the shapes, sizes and worst entry of a vectorized statement. */
    public Finding withShapes(ShapeDetail detail) {
        return new Finding(line, section, kind, lhs, claimed, verdict, expected, diagnosis, fix, upstream, counterexample,
                symbolic, points, maxRelError, correctedLossLine, message, inherited, changes, detail);
    }

    /** This finding, its truth taken from the corrected loss of line {@code lossLine}. */
    Finding withCorrectedLossLine(int lossLine) {
        return new Finding(line, section, kind, lhs, claimed, verdict, expected, diagnosis, fix, upstream, counterexample,
                symbolic, points, maxRelError, lossLine, message, inherited, changes, shaped);
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
