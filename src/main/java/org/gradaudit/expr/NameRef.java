package org.gradaudit.expr;

/**
 * One occurrence of a name in parsed text, for messages about it.
 *
 * @param name the name as written
 * @param offset 0-based position in the parsed text
 * @param beforeParen whether an opening parenthesis follows it directly, as in a call
 */
public record NameRef(String name, int offset, boolean beforeParen) {
}
