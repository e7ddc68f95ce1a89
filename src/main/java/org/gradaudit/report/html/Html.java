package org.gradaudit.report.html;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.regex.Pattern;
import org.gradaudit.report.XmlText;

/**
 * A small writer of HTML that is also well-formed XML: every text and attribute value is escaped
 * ({@link XmlText#HTML}), every element is closed, and tags must nest. Inside {@code svg} and
 * {@code math} (foreign content in HTML) an empty element is written self-closing; in HTML only
 * void elements are.
 */
final class Html {
    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9-]*(:[a-z][a-zA-Z0-9-]*)?");
    private static final Set<String> VOID = Set.of("meta", "br", "hr", "img", "col", "wbr");

    private final StringBuilder out = new StringBuilder();
    private final Deque<String> open = new ArrayDeque<>();
    private int foreign;

    /**
     * Opens an element.
     *
     * @param attributes name, value pairs; a null value leaves the attribute out
     * @throws IllegalArgumentException if a name is not a plain lower-case tag or attribute name
     */
    Html open(String tag, String... attributes) {
        start(tag, attributes);
        out.append('>');
        open.push(tag);
        if (tag.equals("svg") || tag.equals("math")) {
            foreign++;
        }
        return this;
    }

    /**
     * Closes the innermost open element, which must be {@code tag}.
     *
     * @throws IllegalStateException if another element is open
     */
    Html close(String tag) {
        String top = open.poll();
        if (!tag.equals(top)) {
            throw new IllegalStateException("closing <" + tag + "> while <" + top + "> is open");
        }
        if (tag.equals("svg") || tag.equals("math")) {
            foreign--;
        }
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element with no content. */
    Html empty(String tag, String... attributes) {
        start(tag, attributes);
        if (foreign > 0 || VOID.contains(tag)) {
            out.append("/>");
        } else {
            out.append("></").append(tag).append('>');
        }
        return this;
    }

    /** An element holding only text. */
    Html element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    /** Escaped text; control characters other than newline and tab become spaces ({@link XmlText#HTML}). */
    Html text(String s) {
        XmlText.HTML.escape(out, s, false);
        return this;
    }

    /** The HTML5 document type, which XML parsers read too; only at the start. */
    Html doctype() {
        if (out.length() > 0) {
            throw new IllegalStateException("the document type comes first");
        }
        out.append("<!DOCTYPE html>\n");
        return this;
    }

    /**
     * A style sheet's text, unescaped as HTML requires inside {@code <style>}; it may hold no
     * {@code <} or {@code &}, so that the page stays well-formed XML too.
     *
     * @throws IllegalArgumentException if it does
     */
    Html styleText(String css) {
        if (css.indexOf('<') >= 0 || css.indexOf('&') >= 0) {
            throw new IllegalArgumentException("a style sheet here may hold no '<' or '&'");
        }
        out.append(css);
        return this;
    }

    /** A newline, for readable source; no effect on rendering between block elements. */
    Html newline() {
        out.append('\n');
        return this;
    }

    /**
     * The markup written so far.
     *
     * @throws IllegalStateException if an element is still open
     */
    String finish() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("<" + open.peek() + "> is still open");
        }
        return out.toString();
    }

    private void start(String tag, String... attributes) {
        checkName(tag);
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs; got " + attributes.length);
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] == null) {
                continue;
            }
            checkName(attributes[i]);
            out.append(' ').append(attributes[i]).append("=\"");
            XmlText.HTML.escape(out, attributes[i + 1], true);
            out.append('"');
        }
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a tag or attribute name: [" + name + "]");
        }
    }
}
