package org.gradaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The one XML escaper: what both dialects share, where they differ, and that the result always parses. */
class XmlTextTest {
    @Test
    void markupIsEscapedTheSameInBothDialects() {
        for (XmlText x : XmlText.values()) {
            assertEquals("a &lt; b &amp;&amp; c &gt; \"d\"\n\te", x.text("a < b && c > \"d\"\n\te"), x.name());
            assertEquals("a &lt; b &amp; &quot;d&quot;&#10;&#9;e", x.attribute("a < b & \"d\"\n\te"), x.name());
        }
    }

    @Test
    void whatXml10CannotHoldBecomesASpaceInBoth() {
        // C0 controls (carriage return too), lone surrogates, U+FFFE and U+FFFF: not even a reference can carry them
        String bad = "\u0000\u0007\u001b\r\ud800x\udc00\ufffe\uffff";
        for (XmlText x : XmlText.values()) {
            assertEquals("     x   ", x.text(bad), x.name());
            assertEquals(x.text(bad), x.attribute(bad), x.name());
        }
    }

    @Test
    void htmlWritesDelAndC1AsSpacesAndTheRestRawWhileJunitWritesThemAsReferences() {
        String s = "\u007f\u0085\u202eevil\u202c\u00ad\u2028\ud83d\ude00\udb40\udc01";
        assertEquals("  \u202eevil\u202c\u00ad\u2028\ud83d\ude00\udb40\udc01", XmlText.HTML.text(s));
        // a tag character beyond the BMP (U+E0001) is one format character, not two surrogates
        assertEquals("&#x7f;&#x85;&#x202e;evil&#x202c;&#xad;&#x2028;\ud83d\ude00&#xe0001;", XmlText.JUNIT.text(s));
        assertEquals("h\u00e9llo \u03b4 \u4e16", XmlText.JUNIT.text("h\u00e9llo \u03b4 \u4e16"));
    }

    @Test
    void anyTextEscapedForJunitParsesBackAsXml() throws Exception {
        Random random = new Random(20261201);
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        for (int i = 0; i < 300; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = 0; k < 20; k++) {
                int pick = random.nextInt(4);
                s.append((char) (pick == 0 ? random.nextInt(0x100) : pick == 1 ? 0xd800 + random.nextInt(0x800)
                        : pick == 2 ? 0xfff0 + random.nextInt(0x10) : random.nextInt(0x10000)));
            }
            for (XmlText x : XmlText.values()) {
                String doc = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<t a=\"" + x.attribute(s.toString()) + "\">"
                        + x.text(s.toString()) + "</t>";
                Element e = factory.newDocumentBuilder()
                        .parse(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
                assertEquals(e.getAttribute("a"), e.getTextContent(), x + " " + i); // newline and tab kept in both
                assertTrue(e.getTextContent().codePoints().allMatch(c -> XmlText.writable(c) || c == '\n' || c == '\t'),
                        x + " " + i);
            }
        }
    }
}
