package org.gradaudit.derivation;

/** One thing wrong with a derivation file, at its position. */
public record Problem(Position position, String message) {
    @Override
    public String toString() {
        return position + ": " + message;
    }
}
