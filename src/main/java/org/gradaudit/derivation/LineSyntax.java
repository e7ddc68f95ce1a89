package org.gradaudit.derivation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gradaudit.expr.Names;

/**
 * The text of a derivation line below the grammar of formulas: comments, the first word, commas
 * and '=' outside parentheses, matching parentheses, the assignment operator. Pure functions of
 * the line; no positions are reported here.
 */
final class LineSyntax {
    static final String NAME_RE = Names.REGEX;
    static final Pattern NAME = Pattern.compile(NAME_RE);

    private LineSyntax() {
    }

    static String stripComment(String raw) {
        int hash = raw.indexOf('#');
        return hash < 0 ? raw : raw.substring(0, hash);
    }
    static String firstWord(String trimmed) {
        Matcher m = NAME.matcher(trimmed);
        return m.lookingAt() && (m.end() == trimmed.length() || Character.isWhitespace(trimmed.charAt(m.end())))
                ? m.group() : "";
    }
    /** {@code text} split at the commas outside parentheses. */
    static List<String> topLevelParts(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth == 0) {
                parts.add(text.substring(from, i));
                from = i + 1;
            }
        }
        parts.add(text.substring(from));
        return parts;
    }
    static int topLevelEquals(String line, int from) {
        int depth = 0;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '=' && depth == 0 && !comparison(line, i)) {
                return i;
            }
        }
        return -1;
    }
    /** Whether the '=' at {@code i} belongs to a comparison, {@code >=}, {@code <=} or {@code ==}. */
    static boolean comparison(String line, int i) {
        char before = i > 0 ? line.charAt(i - 1) : ' ';
        char after = i + 1 < line.length() ? line.charAt(i + 1) : ' ';
        return before == '<' || before == '>' || before == '=' || after == '=';
    }
    static int find(Pattern word, String line, int from) {
        Matcher m = word.matcher(line);
        return m.find(from) ? m.start() : -1;
    }
    static int matchingParen(String line, int open, int limit) {
        int depth = 0;
        for (int i = open; i < limit; i++) {
            if (line.charAt(i) == '(') {
                depth++;
            } else if (line.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
    /** {@code +=} or {@code -=} when the '=' at {@code eq} follows a '+' or '-'; else a plain '='. */
    static Statement.Assign assignment(String line, int eq) {
        char before = eq > 0 ? line.charAt(eq - 1) : ' ';
        return before == '+' ? Statement.Assign.ADD : before == '-' ? Statement.Assign.SUBTRACT : Statement.Assign.SET;
    }
}
