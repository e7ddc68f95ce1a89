package org.gradaudit.report;

/**
 * The one sanitiser for text that reaches a terminal: a stranger's title, section, formula or file
 * name must not be able to move the cursor, hide text, retitle the terminal or write the clipboard.
 *
 * <p>C0 controls (except line feed and tab), DEL, C1 controls, bidirectional embeddings, overrides
 * and isolates, and the invisible format characters (zero-width spaces and joiners, the byte-order
 * mark, tags, line and paragraph separators) are shown as escapes, {@code \u001b} or, beyond the
 * Basic Multilingual Plane, {@code \U000e0001}. Everything else, letters of any script included,
 * passes unchanged. JSON and JUnit XML ({@link XmlText#JUNIT}) escape the same characters their own
 * way and do not use this.
 */
public final class TerminalText {
    private TerminalText() {
    }

    /**
     * {@code s} with every character a terminal would act on, or that a reader cannot see, escaped.
     *
     * @param s any text, or null
     * @return the escaped text; null gives "null"
     */
    public static String escape(String s) {
        if (s == null) {
            return "null";
        }
        if (s.codePoints().noneMatch(TerminalText::unsafe)) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> {
            if (!unsafe(c)) {
                out.appendCodePoint(c);
            } else if (c <= 0xFFFF) {
                out.append(String.format(java.util.Locale.ROOT, "\\u%04x", c));
            } else {
                out.append(String.format(java.util.Locale.ROOT, "\\U%08x", c));
            }
        });
        return out.toString();
    }

    /** Whether a terminal would act on {@code c} or a reader could not see it. */
    static boolean unsafe(int c) {
        if (c == '\n' || c == '\t') {
            return false;
        }
        if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f)) {
            return true; // C0, DEL, C1: ESC, CSI, OSC, BEL, backspace, carriage return, ...
        }
        if (c == 0x2028 || c == 0x2029) {
            return true; // line and paragraph separators
        }
        // Bidirectional marks, embeddings, overrides and isolates, zero-width characters, the BOM,
        // soft hyphen, tags: all of Unicode's format category, which is invisible by definition.
        return Character.getType(c) == Character.FORMAT;
    }
}
