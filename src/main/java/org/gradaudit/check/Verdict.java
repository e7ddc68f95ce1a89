package org.gradaudit.check;

/** The verdict on one statement. */
public enum Verdict {
    /** Proven equal symbolically, or equal at every random point with no symbolic disproof. */
    CORRECT,
    /** There is a point where claimed and true differ beyond tolerance. */
    WRONG,
    /** Neither could be established; the finding's message says why. */
    UNVERIFIED;

    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
