package org.gradaudit.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The frame every page shares: document type, character set, a Content-Security-Policy that lets
 * the page load nothing at all (no script, font, image or stylesheet from anywhere; the style is
 * inline), the colour schemes, the inline style sheet, and the footer.
 */
final class Page {
    private static final String CSS = load("page.css");
    private static final String POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    private Page() {
    }

    /** Writes everything up to and including the opening {@code <main>}. */
    static void start(Html h, String title) {
        h.doctype();
        h.open("html", "lang", "en").newline();
        h.open("head").newline();
        h.empty("meta", "charset", "utf-8").newline();
        h.empty("meta", "http-equiv", "Content-Security-Policy", "content", POLICY).newline();
        h.empty("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").newline();
        h.empty("meta", "name", "color-scheme", "content", "light dark").newline();
        h.element("title", title).newline();
        h.open("style").styleText(CSS).close("style").newline();
        h.close("head").newline();
        h.open("body").newline();
        h.open("main").newline();
    }

    /** Closes {@code <main>}, writes the footer and closes the document. */
    static void end(Html h, String version, String reproduce) {
        h.close("main").newline();
        h.open("footer");
        h.open("p").text("Made by gradaudit " + version + ". To make this page again: ")
                .element("code", reproduce).text(".").close("p");
        h.close("footer").newline();
        h.close("body").newline();
        h.close("html").newline();
    }

    /** A number for reading: six significant digits, {@code Locale.ROOT}. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /** A number to ten significant digits, as the text report prints claimed and true values. */
    static String precise(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.10g", v) : Double.toString(v);
    }

    private static String load(String name) {
        try (InputStream in = Page.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the page's style sheet " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
