package org.gradaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class TerminalTextTest {
    @Test
    void controlsAndInvisibleCharactersAreShownByCodePoint() {
        assertEquals("\\u001b[8m hidden", TerminalText.escape("\u001b[8m hidden"));
        assertEquals("\\u001b]52;c;aGk=\\u0007", TerminalText.escape("\u001b]52;c;aGk=\u0007")); // OSC 52: clipboard
        assertEquals("a\\u009bb", TerminalText.escape("a\u009bb")); // C1 CSI
        assertEquals("\\u202eevil\\u202c", TerminalText.escape("\u202eevil\u202c")); // right-to-left override
        assertEquals("\\u2066x\\u2069", TerminalText.escape("\u2066x\u2069")); // isolates
        assertEquals("zero\\u200bwidth\\ufeff", TerminalText.escape("zero\u200bwidth\ufeff"));
        assertEquals("\\U000e0041", TerminalText.escape(new String(Character.toChars(0xE0041)))); // a tag
        assertEquals("back\\u0008space\\u000dreturn\\u007f", TerminalText.escape("back\bspace\rreturn\u007f"));
    }

    @Test
    void textAndLayoutPassUnchanged() {
        String s = "Vicente Rodr\u00edguez, \u03c3(z) = 1/(1 + e^-z)\n\tcaf\u00e9 \u4e2d\u6587 \u05e2\u05d1\u05e8\u05d9\u05ea";
        assertSame(s, TerminalText.escape(s));
        assertEquals("null", TerminalText.escape(null));
    }
}
