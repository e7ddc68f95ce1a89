package org.gradaudit.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** What every page promises: well-formed, self-contained, accessible, and mathematics as MathML. */
class PagesTest {
    private static final Pattern LEIBNIZ = Pattern.compile("\\bd[A-Za-z]\\w*/d[A-Za-z]");
    private static final Pattern PRODUCT = Pattern.compile("[A-Za-z]\\w*\\*[A-Za-z(]");

    static Stream<Arguments> pages() {
        return Stream.of(Arguments.of("audit", (Supplier<String>) Pages::auditPage),
                Arguments.of("check", (Supplier<String>) Pages::checkPage),
                Arguments.of("derive", (Supplier<String>) Pages::derivePage));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void parsesAsXmlAndReferencesNoExternalUrl(String name, Supplier<String> page) {
        String html = page.get();
        Document d = Pages.parse(html);
        assertEquals("html", d.getDocumentElement().getTagName());
        for (Element e : Pages.elements(d, "*")) {
            for (String attribute : List.of("href", "src", "srcset", "data", "xlink:href", "action", "poster")) {
                String v = e.getAttribute(attribute);
                assertTrue(v.isEmpty() || v.startsWith("#"), name + ": <" + e.getTagName() + " " + attribute + "=\""
                        + v + "\"> refers outside the page");
            }
        }
        assertTrue(Pages.elements(d, "script").isEmpty(), name + " has a script");
        assertTrue(Pages.elements(d, "link").isEmpty(), name + " links a resource");
        String css = Pages.elements(d, "style").get(0).getTextContent();
        assertFalse(css.contains("url(") || css.contains("@import"), name + ": the style sheet loads something");
        Element policy = Pages.elements(d, "meta").stream()
                .filter(m -> m.getAttribute("http-equiv").equals("Content-Security-Policy")).findFirst().orElseThrow();
        assertTrue(policy.getAttribute("content").startsWith("default-src 'none'"), policy.getAttribute("content"));
        assertFalse(html.contains("http://") || html.contains("https://"), name + " holds an address");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void headingsDescendOneLevelAtATimeAndTablesHaveHeaders(String name, Supplier<String> page) {
        Document d = Pages.parse(page.get());
        int level = 0;
        for (Element e : Pages.elements(d, "*")) {
            if (e.getTagName().matches("h[1-6]")) {
                int l = e.getTagName().charAt(1) - '0';
                assertTrue(l <= level + 1, name + ": <" + e.getTagName() + "> " + e.getTextContent() + " after h" + level);
                level = l;
            }
        }
        assertTrue(level > 0, name + " has no heading");
        for (Element t : Pages.elements(d, "table")) {
            assertFalse(Pages.elements(t, "th").isEmpty(), name + ": a table without headers");
        }
        for (Element svg : Pages.elements(d, "svg")) {
            assertEquals("img", svg.getAttribute("role"));
            assertFalse(Pages.elements(svg, "title").get(0).getTextContent().isBlank());
            assertFalse(Pages.elements(svg, "desc").get(0).getTextContent().isBlank(), name + ": a plot without a text alternative");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void everyFormulaIsMathMlAndNoFormulaIsLeftAsText(String name, Supplier<String> page) {
        Document d = Pages.parse(page.get());
        for (String text : Pages.proseText(d.getDocumentElement())) {
            assertFalse(LEIBNIZ.matcher(text).find(), name + ": a Leibniz derivative as text: " + text);
            assertFalse(PRODUCT.matcher(text).find(), name + ": a product as text: " + text);
        }
        List<Element> maths = Pages.elements(d, "math");
        assertTrue(name.equals("check") || !maths.isEmpty(), name + " has no formula");
        for (Element m : maths) {
            assertFalse(m.getAttribute("alttext").isBlank(), name + ": a formula without alttext");
            assertTrue(hasMathContent(m), name + ": an empty formula " + m.getAttribute("alttext"));
        }
    }

    private static boolean hasMathContent(Node n) {
        for (Node c = n.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && List.of("mi", "mn").contains(e.getTagName()) || hasMathContent(c)) {
                return true;
            }
        }
        return false;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pages")
    void isReadableWithoutColourAndHasADarkScheme(String name, Supplier<String> page) {
        Document d = Pages.parse(page.get());
        String css = Pages.elements(d, "style").get(0).getTextContent();
        assertTrue(css.contains("@media (prefers-color-scheme: dark)"));
        assertTrue(css.contains("@media print"));
        for (Element e : Pages.elements(d, "span")) {
            if (Pages.hasClass(e, "verdict")) {
                assertTrue(e.getTextContent().matches("[\u2713\u2717?] (correct|wrong|unverified|pass|fail)"),
                        name + ": a verdict without its word: " + e.getTextContent());
            }
        }
        assertNotNull(d.getDocumentElement().getAttribute("lang"));
    }
}
