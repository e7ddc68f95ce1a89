package org.gradaudit.expr;

/** Rules for names: an ASCII letter, then letters, digits or underscores. */
public final class Names {
    /** Longest name accepted; longer ones are almost certainly not a formula. */
    public static final int MAX_LENGTH = 64;

    /**
     * The shape of a name as a regular expression, for parsers that match names inside longer text;
     * {@link #isName} also bounds the length.
     */
    public static final String REGEX = "[A-Za-z][A-Za-z0-9_]*";

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
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isPart(char c) {
        return isStart(c) || (c >= '0' && c <= '9') || c == '_';
    }
}
