package org.gradaudit.symbolic;

/** The outcome of {@link Cas#isZero}: a proof, no proof, or no answer within the bounds. */
public enum ZeroTest {
    /** Proven identically zero by exact symbolic computation. */
    ZERO,
    /** No method used showed it to be zero; it may still be zero (the CAS is not complete). */
    NOT_PROVEN,
    /** A time or size bound was hit before an answer. */
    GAVE_UP
}
