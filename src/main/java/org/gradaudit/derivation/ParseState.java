package org.gradaudit.derivation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gradaudit.derivation.Statement.Formula;
import org.gradaudit.expr.ExprParser;
import org.gradaudit.expr.ExprSyntaxException;
import org.gradaudit.expr.Scope;

/**
 * What the readers of a derivation's lines share while it is parsed: the file, the line being
 * read, the section it is in, which names are functions and which are parameters (from the first
 * pass), and the statements and problems collected so far.
 */
final class ParseState {
    private final String file;
    private final Scope scope;
    private final Set<String> parameters;
    private final List<Problem> problems = new ArrayList<>();
    private final List<Statement> statements = new ArrayList<>();
    private String section = "";
    private int lineNo;

    ParseState(String file, ScopeScan scan) {
        this.file = file;
        this.scope = scan.scope();
        this.parameters = Set.copyOf(scan.parameters());
    }

    Scope scope() {
        return scope;
    }

    /** Names declared with {@code param}: a line assigning one is a gradient-descent update. */
    Set<String> parameters() {
        return parameters;
    }

    String section() {
        return section;
    }

    void section(String name) {
        section = name;
    }

    void line(int number) {
        lineNo = number;
    }

    List<Problem> problems() {
        return problems;
    }

    List<Statement> statements() {
        return statements;
    }

    void add(Statement s) {
        statements.add(s);
    }

    Position pos(int column) {
        return new Position(file, lineNo, column);
    }

    void problem(int column, String message) {
        problems.add(new Problem(pos(column), message));
    }

    /** Parses line[from..end) as one formula; reports a problem and returns null if it is not one. */
    Formula formula(String line, int from) {
        String raw = line.substring(from);
        if (raw.isBlank()) {
            problem(Math.min(from + 1, line.length() + 1), "a formula is missing here");
            return null;
        }
        String text = raw.stripLeading();
        int start = from + raw.length() - text.length();
        try {
            ExprParser.Parsed parsed = ExprParser.parse(text, scope, start + 1);
            return new Formula(parsed.expr(), parsed.names(), start + 1, text.strip());
        } catch (ExprSyntaxException e) {
            problem(start + e.offset() + 1, e.getMessage());
            return null;
        }
    }
}
