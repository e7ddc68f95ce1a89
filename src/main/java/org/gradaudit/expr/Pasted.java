package org.gradaudit.expr;

import java.util.Locale;

/**
 * Text pasted from a web page or a PDF: the characters such text carries where a formula means
 * plain ASCII. {@link #normalize} replaces each of them by its one ASCII equivalent, character for
 * character, so that every column of the normalised line is the column of the line as written:
 * <ul>
 *   <li>no-break and other typographic spaces (U+00A0, U+2002 to U+200A, U+202F) are spaces;</li>
 *   <li>the en dash (U+2013) is a minus, as is the minus sign U+2212;</li>
 *   <li>the dot operator (U+22C5), the bullet operator (U+2219), the middle dot (U+00B7) and the
 *       multiplication sign (U+00D7) multiply;</li>
 *   <li>the partial-derivative sign (U+2202) reads as {@code d}: {@code ∂L/∂a2} is {@code dL/da2}.</li>
 * </ul>
 * Superscript digits ({@code ²}, {@code ³}) are powers; they are read by {@link ExprParser}, since a
 * power needs more than one ASCII character. Any other character outside printable ASCII is named by
 * {@link #describe} in the message that refuses it.
 */
public final class Pasted {
    /** The byte-order mark a UTF-8 file may start with. */
    public static final char BYTE_ORDER_MARK = '\uFEFF';

    private Pasted() {
    }

    /** {@code line} with every pasted character replaced by its ASCII equivalent, column for column. */
    public static String normalize(String line) {
        StringBuilder out = null;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            char r = replacement(c);
            if (r != c) {
                if (out == null) {
                    out = new StringBuilder(line);
                }
                out.setCharAt(i, r);
            }
        }
        return out == null ? line : out.toString();
    }

    private static char replacement(char c) {
        if (c == '\u00a0' || (c >= '\u2002' && c <= '\u200a') || c == '\u202f') {
            return ' ';
        }
        return switch (c) {
            case '\u2013', '\u2212' -> '-';
            case '\u22c5', '\u2219', '\u00b7', '\u00d7' -> '*';
            case '\u2202' -> 'd';
            default -> c;
        };
    }

    /** The value of a superscript digit ({@code ⁰} to {@code ⁹}), or -1. */
    public static int superscriptDigit(char c) {
        return switch (c) {
            case '\u2070' -> 0;
            case '\u00b9' -> 1;
            case '\u00b2' -> 2;
            case '\u00b3' -> 3;
            case '\u2074', '\u2075', '\u2076', '\u2077', '\u2078', '\u2079' -> c - '\u2070';
            default -> -1;
        };
    }

    /**
     * A character as a message shows it: printable ASCII quoted ({@code 'x'}), anything else by its
     * code point and Unicode name ({@code U+2014 EM DASH}), so that an invisible or look-alike
     * character can be found and replaced.
     */
    public static String describe(int codePoint) {
        if (codePoint >= 0x20 && codePoint < 0x7f) {
            return "'" + (char) codePoint + "'";
        }
        String name = Character.getName(codePoint);
        return String.format(Locale.ROOT, "U+%04X", codePoint) + (name == null ? "" : " " + name);
    }
}
