package org.gradaudit.matrix.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gradaudit.derivation.Derivation;
import org.gradaudit.derivation.DerivationException;
import org.gradaudit.derivation.DerivationParser;
import org.gradaudit.derivation.Position;
import org.gradaudit.derivation.Problem;
import org.gradaudit.matrix.expr.MExpr;

/**
 * Reads a vectorized derivation file (docs/derivation-format.md, "Vectorized derivations"). Two
 * passes: the first collects every name (dimensions, quantities, gradient names) wherever it is
 * declared, the second parses each statement. Every problem is collected with its position.
 */
public final class MatrixFileParser {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern HEAD = Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=(?!=).*");
    private static final Pattern LOSS = Pattern.compile("(\\s*loss\\s+)([A-Za-z_]\\w*)\\s*\\(\\s*([A-Za-z_]\\w*)\\s*,"
            + "\\s*([A-Za-z_]\\w*)\\s*\\)\\s*=(.*)");
    private static final Pattern CODE = Pattern.compile("(\\s*code\\s+)([A-Za-z_]\\w*)\\s*(\\[|\\+=|-=|\\*=|/=|=)(.*)");
    private static final Pattern CLAIM = Pattern.compile("\\s*d([A-Za-z_]\\w*)\\s*/\\s*d([A-Za-z_]\\w*)\\s*=(?!=)(.*)");
    private static final Set<String> KEYWORDS = Set.of("dim", "input", "param", "loss", "grad", "code", "np",
            "upstream", "fn", "alias");

    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private final List<MStatement> statements = new ArrayList<>();
    private final Map<String, String> meta = new LinkedHashMap<>();
    private final IdentityHashMap<MExpr, Integer> columns = new IdentityHashMap<>();
    private final Map<String, Integer> defined = new HashMap<>();
    private Vocabulary vocabulary;
    private String section = "";
    private int lineNo;

    private MatrixFileParser(String file) {
        this.file = file;
    }

    /**
     * @throws DerivationException listing every problem, each with file:line:column
     */
    public static MatrixDerivation parse(String file, String text) throws DerivationException {
        MatrixFileParser p = new MatrixFileParser(file);
        if (text.length() > DerivationParser.MAX_CHARS) {
            throw new DerivationException(new Problem(new Position(file, 1, 1), "file is " + text.length()
                    + " characters long; gradaudit reads derivations of at most " + DerivationParser.MAX_CHARS));
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        p.vocabulary = p.collect(lines);
        // functions and aliases first, in file order, so that every other statement may use them
        for (int i = 0; i < lines.length && p.problems.size() < 50; i++) {
            p.lineNo = i + 1;
            p.macroLine(lines[i]);
        }
        for (int i = 0; i < lines.length && p.problems.size() < 50; i++) {
            p.lineNo = i + 1;
            p.line(lines[i]);
        }
        if (p.statements.size() > DerivationParser.MAX_STATEMENTS) {
            p.problem(1, "file has " + p.statements.size() + " statements; gradaudit audits at most "
                    + DerivationParser.MAX_STATEMENTS);
        }
        if (!p.problems.isEmpty()) {
            throw new DerivationException(p.problems);
        }
        Derivation source = new Derivation(file, p.meta.getOrDefault("title", ""), p.meta.getOrDefault("author", ""),
                p.meta.getOrDefault("date", ""), p.meta.getOrDefault("url", ""), List.of());
        return new MatrixDerivation(source, p.statements, p.columns);
    }

    static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private Vocabulary collect(String[] lines) {
        Set<String> dims = new HashSet<>();
        Set<String> quantities = new HashSet<>();
        Macros macros = new Macros();
        String loss = "";
        int no = 0;
        for (String raw : lines) {
            no++;
            if (raw.length() > DerivationParser.MAX_LINE) {
                continue;
            }
            String line = stripComment(raw).strip();
            String head = firstWord(line);
            Matcher m;
            if (head.equals("dim")) {
                names(line.substring(3), dims);
            } else if (head.equals("fn") && (m = MacroLines.FN.matcher(line)).matches()) {
                macros.declare(m.group(2), no);
            } else if (head.equals("alias")) {
                for (Declarations.Item item : Declarations.split(line.substring(5), 0)) {
                    Matcher n = MacroLines.ALIAS.matcher(item.text());
                    if (n.matches()) {
                        macros.declare(n.group(1), no);
                    }
                }
            } else if (head.equals("input") || head.equals("param")) {
                for (Declarations.Item item : Declarations.split(line.substring(head.length()), 0)) {
                    Matcher n = NAME.matcher(item.text());
                    if (n.lookingAt()) {
                        quantities.add(n.group());
                    }
                }
            } else if ((m = Statements.UPSTREAM.matcher(line)).matches()) {
                loss = m.group(3);
                quantities.add(loss);
                quantities.add(m.group(2));
            } else if ((m = LOSS.matcher(line)).matches()) {
                loss = m.group(2);
                quantities.add(loss);
            } else if (head.equals("grad")) {
                for (Declarations.Item item : Declarations.split(line.substring(4), 0)) {
                    Matcher n = HEAD.matcher(item.text());
                    if (n.matches()) {
                        quantities.add(n.group(1));
                    }
                }
            } else if ((m = CODE.matcher(line)).matches()) {
                quantities.add(m.group(2));
            } else if ((m = HEAD.matcher(line)).matches() && !KEYWORDS.contains(m.group(1))) {
                quantities.add(m.group(1));
            }
        }
        return new Vocabulary(dims, quantities, loss, macros, List.of());
    }

    private static void names(String text, Set<String> into) {
        Matcher n = NAME.matcher(text);
        while (n.find()) {
            into.add(n.group());
        }
    }

    private static String firstWord(String s) {
        int i = 0;
        while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            i++;
        }
        return s.substring(0, i);
    }

    private void line(String raw) {
        if (raw.length() > DerivationParser.MAX_LINE) {
            problem(1, "line is " + raw.length() + " characters long; gradaudit reads lines of at most "
                    + DerivationParser.MAX_LINE);
            return;
        }
        String line = stripComment(raw);
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
            return;
        }
        int indent = line.indexOf(trimmed.charAt(0));
        if (trimmed.startsWith("@")) {
            directive(trimmed, indent);
            return;
        }
        Statements s = new Statements(this);
        String head = firstWord(trimmed);
        try {
            switch (head) {
                case "dim" -> s.dims(line, indent);
                case "input", "param" -> s.declare(line, indent, head.equals("param"));
                case "loss" -> s.loss(line, LOSS.matcher(line));
                case "grad" -> s.grad(line, indent);
                case "upstream" -> s.upstream(line, indent);
                case "code" -> s.code(line, CODE.matcher(line), indent);
                case "alias", "fn" -> {
                    // read before every other statement (macroLine)
                }
                default -> {
                    Matcher claim = CLAIM.matcher(line);
                    if (claim.matches()) {
                        s.claim(line, claim, indent);
                    } else {
                        s.define(line, HEAD.matcher(line), indent);
                    }
                }
            }
        } catch (SyntaxError e) {
            problem(e.column(), e.getMessage());
        }
    }

    private void macroLine(String raw) {
        if (raw.length() > DerivationParser.MAX_LINE) {
            return; // refused by line()
        }
        String line = stripComment(raw);
        String trimmed = line.strip();
        String head = firstWord(trimmed);
        if (!head.equals("fn") && !head.equals("alias")) {
            return;
        }
        int indent = line.indexOf(trimmed.charAt(0));
        MacroLines m = new MacroLines(this);
        try {
            if (head.equals("fn")) {
                m.fn(line, indent, vocabulary.macros());
            } else {
                m.alias(line, indent, vocabulary.macros());
            }
        } catch (SyntaxError e) {
            problem(e.column(), e.getMessage());
        }
    }

    private void directive(String trimmed, int indent) {
        int space = trimmed.indexOf(' ');
        String key = (space < 0 ? trimmed.substring(1) : trimmed.substring(1, space)).toLowerCase(java.util.Locale.ROOT);
        String value = space < 0 ? "" : trimmed.substring(space + 1).strip();
        switch (key) {
            case "title", "author", "url" -> meta.put(key, value);
            case "date", "year" -> meta.put("date", value);
            case "section" -> section = value;
            default -> problem(indent + 1, "unknown directive '@" + key + "'; known: @title, @author, @date, @url, @section");
        }
    }

    // --- for Statements ---

    Position pos(int column) {
        return new Position(file, lineNo, column);
    }

    String section() {
        return section;
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    MExpr formula(String text, int offset) throws SyntaxError {
        return NumpyParser.parse(text, offset, vocabulary, columns);
    }

    MExpr formula(String text, int offset, Vocabulary words) throws SyntaxError {
        return NumpyParser.parse(text, offset, words, columns);
    }

    int lineNo() {
        return lineNo;
    }

    void add(MStatement s) {
        statements.add(s);
    }

    /** Records that {@code name} is defined on this line; false (with a problem) when it already was. */
    boolean define(String name, int column) {
        Integer earlier = defined.putIfAbsent(name, lineNo);
        if (earlier != null) {
            problem(column, "'" + name + "' is already declared or defined at line " + earlier
                    + "; restating a definition is not supported in vectorized files yet");
            return false;
        }
        return true;
    }

    void problem(int column, String message) {
        problems.add(new Problem(pos(Math.max(1, column)), message));
    }
}
