/**
 * The HTML report: one self-contained page per command ({@code audit}, {@code check}, {@code derive}),
 * with inline CSS, mathematics as MathML and plots as inline SVG, and no external resource at all
 * (a Content-Security-Policy in the page forbids loading any). {@link org.gradaudit.report.html.Html}
 * writes well-formed, escaped markup (the page also parses as XML); {@link org.gradaudit.report.html.MathMl}
 * typesets the project's own {@code Expr} values; {@link org.gradaudit.report.html.Plot} draws
 * linear and logarithmic SVG plots. Like every renderer, these only render result values: what a
 * plot shows was computed by the numeric side and carried in the result.
 */
package org.gradaudit.report.html;
