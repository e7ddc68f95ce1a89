/**
 * Renderers of result values: the audit as text (grouped by the source's sections) and as the
 * JSON document of the contract in DESIGN.md, gradient checks as text and JSON, and the chain-rule
 * steps of {@code derive}. Renderers only format; they compute nothing.
 */
package org.gradaudit.report;
