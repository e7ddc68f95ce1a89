/**
 * Renderers of result values: the audit as text (grouped by the source's sections) and as the
 * JSON document of the contract in DESIGN.md, gradient checks as text and JSON, audits and checks
 * as JUnit XML, and the chain-rule steps of {@code derive}. Renderers only format; they compute
 * nothing. Text for a terminal is sanitised by {@link org.gradaudit.report.TerminalText}, text in
 * XML (JUnit XML here, the HTML report in {@code report.html}) escaped by
 * {@link org.gradaudit.report.XmlText}.
 */
package org.gradaudit.report;
