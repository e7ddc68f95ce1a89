package org.gradaudit.report;

/**
 * The one escaper of text written into XML: the JUnit XML report, and the HTML report, which is
 * also well-formed XML. Both dialects share what XML itself requires:
 * <ul>
 *   <li>{@code &}, {@code <} and {@code >} as references everywhere; in an attribute value also
 *       {@code "}, and newline and tab, which an XML parser would otherwise normalise to spaces;
 *   <li>characters that XML 1.0 cannot hold at all, not even as references (the C0 controls other
 *       than tab and newline, lone surrogates, U+FFFE and U+FFFF), and carriage return, which a
 *       parser would turn into a newline, as spaces.
 * </ul>
 * They differ only in what becomes of characters that XML allows but a reader should not meet
 * raw; see each dialect. Text is read by code point, so a character beyond the Basic Multilingual
 * Plane is one character, whole.
 */
public enum XmlText {
    /**
     * HTML, XHTML-compatible: DEL and the C1 controls become spaces too (an HTML parser reads the
     * reference {@code &#x80;} as windows-1252's euro sign, so no reference can carry them); every
     * other character is written as it is.
     */
    HTML,
    /**
     * JUnit XML, which CI servers show and people read raw: DEL, the C1 controls, line and paragraph
     * separators, and the bidirectional and invisible format characters ({@link TerminalText}'s set)
     * are written as character references such as {@code &#x202e;}, which a parser reads back as
     * the character and a terminal or a log shows as a code.
     */
    JUNIT;

    /**
     * {@code s} escaped as element content.
     *
     * @param s any text
     * @return the escaped text
     */
    public String text(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        escape(out, s, false);
        return out.toString();
    }

    /**
     * {@code s} escaped as an attribute value between double quotes.
     *
     * @param s any text
     * @return the escaped text
     */
    public String attribute(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        escape(out, s, true);
        return out.toString();
    }

    /**
     * Appends {@code s} escaped, as element content or as an attribute value between double quotes.
     *
     * @param out where the escaped text goes
     * @param s any text
     * @param attribute whether it is an attribute value
     */
    public void escape(StringBuilder out, String s, boolean attribute) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (!writable(c) || this == HTML && c >= 0x7f && c < 0xa0) {
                        out.append(' ');
                    } else if (this == JUNIT && TerminalText.unsafe(c)) {
                        out.append("&#x").append(Integer.toHexString(c)).append(';');
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        }
    }

    /**
     * Whether XML 1.0 can hold {@code c} as it is: not a C0 control (tab and newline are handled
     * before), not a lone surrogate (a whole pair arrives as one code point), not U+FFFE or U+FFFF.
     * Carriage return is allowed by XML but not kept by its parsers, so it counts as unwritable.
     */
    static boolean writable(int c) {
        return c >= 0x20 && !(c >= 0xd800 && c <= 0xdfff) && c != 0xfffe && c != 0xffff;
    }
}
