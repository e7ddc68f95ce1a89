package org.gradaudit.expr;

/**
 * Rules for names: a letter, then letters, digits or underscores. A letter is an ASCII letter or a
 * Greek one (U+0391 to U+03A9 and U+03B1 to U+03C9), since pasted derivations name quantities
 * {@code δ2}, {@code η} or {@code λ}, and {@code σ} for the sigmoid ({@code alias σ = sigmoid}).
 */
public final class Names {
    /** Longest name accepted; longer ones are almost certainly not a formula. */
    public static final int MAX_LENGTH = 64;

    /**
     * The shape of a name as a regular expression, for parsers that match names inside longer text;
     * {@link #isName} also bounds the length.
     */
    public static final String REGEX = "[A-Za-z\u0391-\u03A9\u03B1-\u03C9][A-Za-z0-9_\u0391-\u03A9\u03B1-\u03C9]*";

    /** One character a name may contain, as a regular-expression character class. */
    public static final String PART_CLASS = "[A-Za-z0-9_\u0391-\u03A9\u03B1-\u03C9]";

    private Names() {
    }

    /** Whether {@code s} is a well-formed name. */
    public static boolean isName(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX_LENGTH || !isStart(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!isPart(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** @throws IllegalArgumentException if {@code s} is not a well-formed name */
    static void checkName(String s) {
        if (!isName(s)) {
            throw new IllegalArgumentException("not a name: [" + s + "]");
        }
    }

    static boolean isStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isGreek(c);
    }

    private static boolean isGreek(char c) {
        return (c >= '\u0391' && c <= '\u03A9' && c != '\u03A2') || (c >= '\u03B1' && c <= '\u03C9');
    }

    static boolean isPart(char c) {
        return isStart(c) || (c >= '0' && c <= '9') || c == '_';
    }
}
