package org.gradaudit.derivation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gradaudit.expr.Names;
import org.gradaudit.expr.Pasted;

/**
 * Reads a derivation file (the format is documented in docs/derivation-format.md). Every problem
 * is collected, each with file:line:column, before failing; nothing is resolved against the graph
 * here beyond what the grammar needs (which names are functions, which are quantities).
 *
 * <p>Two passes: {@link ScopeScan} finds which names are functions, quantities and parameters;
 * then each line goes by its first word to {@link Declarations} or {@link Equations}, which share
 * a {@link ParseState}; {@link LineSyntax} holds the line-level text functions.
 */
public final class DerivationParser {
    /** Longest line accepted, in characters. */
    public static final int MAX_LINE = 4_000;
    /** Most bytes in one file (1 MiB), as a reader of the file counts them. */
    public static final int MAX_BYTES = 1 << 20;
    /** Most characters in one text given to {@link #parse}; never more than its bytes in UTF-8. */
    public static final int MAX_CHARS = MAX_BYTES;
    /** Most statements in one file. */
    public static final int MAX_STATEMENTS = 2_000;

    /**
     * A word that would be a name but for its length: a whole name (not preceded by a name's
     * character or a decimal point, so a number such as 1e5 is not a word here) whose last
     * {@code MAX_LENGTH + 1} characters are all its own.
     */
    private static final Pattern LONG_NAME = Pattern.compile("(?<![A-Za-z0-9_.\u0391-\u03A9\u03B1-\u03C9])"
            + LineSyntax.NAME_RE + "(?<=" + Names.PART_CLASS + "{" + (Names.MAX_LENGTH + 1) + "})");
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    /** A file's problems are listed up to this many; past it, reading stops. */
    private static final int MAX_PROBLEMS = 50;

    private final ParseState s;
    private final Declarations declarations;
    private final Equations equations;
    private final Map<String, String> meta = new LinkedHashMap<>();

    private DerivationParser(ParseState s) {
        this.s = s;
        this.declarations = new Declarations(s);
        this.equations = new Equations(s);
    }

    /**
     * Parses the text of a derivation file.
     *
     * @param file the name to use in positions
     * @param text the whole file
     * @throws DerivationException listing every problem found, each with its position
     */
    public static Derivation parse(String file, String text) throws DerivationException {
        if (text.length() > MAX_CHARS) {
            throw new DerivationException(new Problem(new Position(file, 1, 1),
                    "file is " + text.length() + " characters long; gradaudit reads derivations of at most "
                            + MAX_CHARS));
        }
        String body = !text.isEmpty() && text.charAt(0) == Pasted.BYTE_ORDER_MARK ? text.substring(1) : text;
        String[] lines = LINE_BREAK.split(body, -1);
        DerivationParser p = new DerivationParser(new ParseState(file, ScopeScan.of(lines)));
        for (int i = 0; i < lines.length && p.s.problems().size() < MAX_PROBLEMS; i++) {
            p.s.line(i + 1);
            p.line(lines[i]);
        }
        if (p.s.statements().size() > MAX_STATEMENTS) {
            p.s.problem(1, "file has " + p.s.statements().size() + " statements; gradaudit audits at most "
                    + MAX_STATEMENTS);
        }
        if (!p.s.problems().isEmpty()) {
            throw new DerivationException(p.s.problems());
        }
        return new Derivation(file, p.meta.getOrDefault("title", ""), p.meta.getOrDefault("author", ""),
                p.meta.getOrDefault("date", ""), p.meta.getOrDefault("url", ""), p.s.statements());
    }

    private void line(String raw) {
        if (raw.length() > MAX_LINE) {
            s.problem(1, "line is " + raw.length() + " characters long; gradaudit reads lines of at most " + MAX_LINE);
            return;
        }
        String asWritten = LineSyntax.stripComment(raw);
        if (asWritten.strip().startsWith("@")) {
            String trimmed = asWritten.strip();
            directive(trimmed, asWritten.indexOf(trimmed.charAt(0)));
            return;
        }
        String line = Pasted.normalize(asWritten);
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return;
        }
        int indent = line.indexOf(trimmed.charAt(0));
        Matcher longName = LONG_NAME.matcher(line);
        if (longName.find()) {
            String name = longName.group();
            s.problem(longName.start() + 1, "the name '" + name.substring(0, 16) + "...' is " + name.length()
                    + " characters long; names are at most " + Names.MAX_LENGTH + " characters");
            return;
        }
        String head = LineSyntax.firstWord(trimmed);
        switch (head) {
            case "input", "param" -> declarations.declare(line, indent, head);
            case "alias" -> declarations.alias(line, indent);
            case "fn" -> declarations.function(line, indent);
            case "loss" -> declarations.loss(line, indent);
            case "code" -> equations.code(line, indent);
            case "grad" -> declarations.grad(line, indent);
            case "upstream" -> declarations.upstream(line, indent);
            default -> equations.equation(line, indent, indent, false);
        }
    }

    private void directive(String trimmed, int indent) {
        int space = trimmed.indexOf(' ');
        String key = (space < 0 ? trimmed.substring(1) : trimmed.substring(1, space)).toLowerCase(Locale.ROOT);
        String value = space < 0 ? "" : trimmed.substring(space + 1).strip();
        switch (key) {
            case "title", "author", "url" -> meta.put(key, value);
            case "date", "year" -> meta.put("date", value);
            case "section" -> s.section(value);
            default -> s.problem(indent + 1, "unknown directive '@" + key
                    + "'; known: @title, @author, @date, @url, @section");
        }
    }
}
