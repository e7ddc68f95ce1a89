package org.gradaudit.derivation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gradaudit.derivation.Statement.Formula;
import org.gradaudit.expr.Builtins;
import org.gradaudit.expr.ExprParser;
import org.gradaudit.expr.ExprSyntaxException;
import org.gradaudit.expr.Names;
import org.gradaudit.expr.Pasted;
import org.gradaudit.expr.Scope;

/**
 * Reads a derivation file (the format is documented in docs/derivation-format.md). Every problem
 * is collected, each with file:line:column, before failing; nothing is resolved against the graph
 * here beyond what the grammar needs (which names are functions, which are quantities).
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

    /** A name, as {@link Names#REGEX}: the one spelling every pattern below builds on. */
    private static final String NAME_RE = Names.REGEX;
    private static final Pattern NAME = Pattern.compile(NAME_RE);
    /**
     * A word that would be a name but for its length: a whole name (not preceded by a name's
     * character or a decimal point, so a number such as 1e5 is not a word here) whose last
     * {@code MAX_LENGTH + 1} characters are all its own.
     */
    private static final Pattern LONG_NAME = Pattern.compile("(?<![A-Za-z0-9_.\u0391-\u03A9\u03B1-\u03C9])" + NAME_RE + "(?<=" + Names.PART_CLASS + "{"
            + (Names.MAX_LENGTH + 1) + "})");
    private static final Pattern LEIBNIZ = Pattern.compile("d(" + NAME_RE + ")\\s*/\\s*d(" + NAME_RE + ")");
    private static final Pattern HEAD_NAME_EQ = Pattern.compile("\\s*(" + NAME_RE + ")\\s*=(?!=).*");
    private static final Pattern FN_HEAD = Pattern.compile("\\s*fn\\s+(" + NAME_RE + ")\\s*\\(.*");
    private static final Pattern LOSS_HEAD = Pattern.compile("\\s*loss\\s+(" + NAME_RE + ")\\s*\\(.*");
    private static final Pattern RANGE = Pattern.compile("\\s+in\\s*\\[([^,\\]]+),([^\\]]+)]\\s*$");
    private static final Pattern FN = Pattern.compile("(\\s*fn\\s+)(" + NAME_RE + ")\\s*\\(([^)]*)\\)\\s*=(.*)");
    private static final String NAMES_RE = NAME_RE + "(?:\\s*,\\s*" + NAME_RE + ")*";
    /** {@code loss L(a, y) = ...} (groups 3 and 4 one name each) or {@code loss L(p1, p2; y1, y2) = ...}. */
    private static final Pattern LOSS = Pattern.compile("(\\s*loss\\s+)(" + NAME_RE + ")\\s*\\(\\s*(?:(" + NAME_RE
            + ")\\s*,\\s*(" + NAME_RE + ")|(" + NAMES_RE + ")\\s*;\\s*(" + NAMES_RE + "))\\s*\\)\\s*=(.*)");
    private static final Pattern WRT_TAIL = Pattern.compile("\\s*/\\s*d(" + NAME_RE + ")\\s*");
    private static final Pattern WHERE = Pattern.compile("\\bwhere\\b");
    private static final Pattern IN_TAIL = Pattern.compile("\\bin\\b.*");
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");
    private static final Pattern DECLARE_HEAD = Pattern.compile("\\s*(input|param)\\s+(.*)");
    private static final Pattern ALIAS_HEAD = Pattern.compile("\\s*alias\\s+(.*)");
    private static final Pattern FUNCTION_ALIAS = Pattern.compile("\\s*(" + NAME_RE + ")\\s*=\\s*(" + NAME_RE + ")\\s*");
    private static final Pattern GRAD_HEAD = Pattern.compile("\\s*grad\\s+(.*)");
    private static final Pattern UPSTREAM = Pattern.compile("(\\s*upstream\\s+)(" + NAME_RE + ")\\s*=\\s*"
            + "d(" + NAME_RE + ")\\s*/\\s*d(" + NAME_RE + ")\\s*(?:in\\s*\\[([^,\\]]+),([^\\]]+)]\\s*)?");
    private static final Pattern GRAD_NAME = Pattern.compile("(?:^|,)\\s*(" + NAME_RE + ")\\s*=");
    private static final Pattern PARTIAL_PART = Pattern.compile("d\\s*\\(.*\\)\\s*/\\s*d" + NAME_RE);
    private static final Pattern PARTIAL_TAIL = Pattern.compile("\\s*/\\s*d(" + NAME_RE + ")\\s*");
    private static final Set<String> KEYWORDS = Set.of("input", "param", "alias", "fn", "loss", "code", "where",
            "grad", "upstream");

    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private final List<Statement> statements = new ArrayList<>();
    private final Map<String, String> meta = new LinkedHashMap<>();
    private Scope scope;
    /** Names declared with {@code param}: a line assigning one is a gradient-descent update. */
    private final Set<String> parameters = new HashSet<>();
    private String section = "";
    private int lineNo;

    private DerivationParser(String file) {
        this.file = file;
    }

    /**
     * Parses the text of a derivation file.
     *
     * @param file the name to use in positions
     * @param text the whole file
     * @throws DerivationException listing every problem found, each with its position
     */
    public static Derivation parse(String file, String text) throws DerivationException {
        DerivationParser p = new DerivationParser(file);
        if (text.length() > MAX_CHARS) {
            throw new DerivationException(new Problem(new Position(file, 1, 1),
                    "file is " + text.length() + " characters long; gradaudit reads derivations of at most "
                            + MAX_CHARS));
        }
        String body = !text.isEmpty() && text.charAt(0) == Pasted.BYTE_ORDER_MARK ? text.substring(1) : text;
        String[] lines = LINE_BREAK.split(body, -1);
        p.scope = p.collectScope(lines);
        for (int i = 0; i < lines.length && p.problems.size() < 50; i++) {
            p.lineNo = i + 1;
            p.line(lines[i]);
        }
        if (p.statements.size() > MAX_STATEMENTS) {
            p.problem(1, "file has " + p.statements.size() + " statements; gradaudit audits at most " + MAX_STATEMENTS);
        }
        if (!p.problems.isEmpty()) {
            throw new DerivationException(p.problems);
        }
        return new Derivation(file, p.meta.getOrDefault("title", ""), p.meta.getOrDefault("author", ""),
                p.meta.getOrDefault("date", ""), p.meta.getOrDefault("url", ""), p.statements);
    }

    /** First pass: which names are functions and which are quantities, wherever they are declared. */
    private Scope collectScope(String[] lines) {
        Set<String> functions = new HashSet<>(Builtins.FUNCTIONS);
        Set<String> quantities = new HashSet<>();
        List<String> aliasLines = new ArrayList<>();
        for (String raw : lines) {
            if (raw.length() > MAX_LINE) {
                continue;
            }
            String line = Pasted.normalize(stripComment(raw));
            Matcher m;
            if ((m = FN_HEAD.matcher(line)).matches()) {
                functions.add(m.group(1));
            } else if ((m = LOSS_HEAD.matcher(line)).matches()) {
                quantities.add(m.group(1));
            } else if ((m = DECLARE_HEAD.matcher(line)).matches()) {
                Matcher n = NAME.matcher(IN_TAIL.matcher(m.group(2)).replaceAll(""));
                while (n.find()) {
                    quantities.add(n.group());
                    if (m.group(1).equals("param")) {
                        parameters.add(n.group());
                    }
                }
            } else if ((m = UPSTREAM.matcher(line)).matches()) {
                quantities.add(m.group(2));
                quantities.add(m.group(3));
            } else if ((m = GRAD_HEAD.matcher(line)).matches()) {
                Matcher n = GRAD_NAME.matcher(m.group(1));
                while (n.find()) {
                    quantities.add(n.group(1));
                }
            } else if ((m = ALIAS_HEAD.matcher(line)).matches()) {
                aliasLines.add(m.group(1));
            } else if ((m = HEAD_NAME_EQ.matcher(line)).matches() && !KEYWORDS.contains(m.group(1))) {
                quantities.add(m.group(1));
            }
        }
        // after every 'fn' is known: 'alias σ = sigmoid' spells a function, any other alias a quantity
        Map<String, String> spellings = new HashMap<>();
        for (String rest : aliasLines) {
            for (String part : topLevelParts(rest)) {
                Matcher pair = FUNCTION_ALIAS.matcher(part);
                if (pair.matches() && functions.contains(pair.group(2)) && !functions.contains(pair.group(1))) {
                    spellings.put(pair.group(1), spellings.getOrDefault(pair.group(2), pair.group(2)));
                    continue;
                }
                Matcher n = NAME.matcher(part);
                while (n.find()) {
                    quantities.add(n.group());
                }
            }
        }
        functions.addAll(spellings.keySet());
        return Scope.of(functions, quantities, spellings);
    }

    private void line(String raw) {
        if (raw.length() > MAX_LINE) {
            problem(1, "line is " + raw.length() + " characters long; gradaudit reads lines of at most " + MAX_LINE);
            return;
        }
        String asWritten = stripComment(raw);
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
            problem(longName.start() + 1, "the name '" + name.substring(0, 16) + "...' is " + name.length()
                    + " characters long; names are at most " + Names.MAX_LENGTH + " characters");
            return;
        }
        String head = firstWord(trimmed);
        switch (head) {
            case "input", "param" -> declare(line, indent, head);
            case "alias" -> alias(line, indent);
            case "fn" -> function(line, indent);
            case "loss" -> loss(line, indent);
            case "code" -> code(line, indent);
            case "grad" -> grad(line, indent);
            case "upstream" -> upstream(line, indent);
            default -> equation(line, indent, indent, false);
        }
    }

    private void directive(String trimmed, int indent) {
        int space = trimmed.indexOf(' ');
        String key = (space < 0 ? trimmed.substring(1) : trimmed.substring(1, space)).toLowerCase();
        String value = space < 0 ? "" : trimmed.substring(space + 1).strip();
        switch (key) {
            case "title", "author", "url" -> meta.put(key, value);
            case "date", "year" -> meta.put("date", value);
            case "section" -> section = value;
            default -> problem(indent + 1, "unknown directive '@" + key
                    + "'; known: @title, @author, @date, @url, @section");
        }
    }

    private void declare(String line, int indent, String keyword) {
        int start = indent + keyword.length();
        String rest = line.substring(start);
        double low = Double.NaN;
        double high = Double.NaN;
        Matcher range = RANGE.matcher(rest);
        if (range.find()) {
            Ranges.Bound lowBound = Ranges.bound(range.group(1));
            Ranges.Bound highBound = Ranges.bound(range.group(2));
            if (lowBound instanceof Ranges.Refused r) {
                problem(start + range.start(1) + r.offset() + 1, r.message());
                return;
            }
            if (highBound instanceof Ranges.Refused r) {
                problem(start + range.start(2) + r.offset() + 1, r.message());
                return;
            }
            low = ((Ranges.Value) lowBound).value();
            high = ((Ranges.Value) highBound).value();
            String unusable = Ranges.check(low, high);
            if (unusable != null) {
                problem(start + range.start() + 1, unusable);
                return;
            }
            rest = rest.substring(0, range.start());
        }
        List<String> names = new ArrayList<>();
        List<Integer> columns = new ArrayList<>();
        int offset = start;
        for (String part : rest.split(",", -1)) {
            String name = part.strip();
            int col = offset + part.indexOf(name.isEmpty() ? " " : name) + 1;
            offset += part.length() + 1;
            if (!Names.isName(name)) {
                problem(Math.max(col, start + 1), "expected a name in '" + keyword + "', found '" + name + "'");
                return;
            }
            names.add(name);
            columns.add(col);
        }
        var kind = keyword.equals("input") ? Statement.Declare.Kind.INPUT : Statement.Declare.Kind.PARAM;
        statements.add(new Statement.Declare(pos(indent + 1), section, line.strip(), kind, names, columns, low, high));
    }

    private void alias(String line, int indent) {
        int start = indent + "alias".length();
        int offset = start;
        for (String part : topLevelParts(line.substring(start))) {
            int eq = part.indexOf('=');
            String alias = eq < 0 ? "" : part.substring(0, eq).strip();
            String target = eq < 0 ? "" : part.substring(eq + 1).strip();
            if (Names.isName(alias) && !target.isEmpty() && !Names.isName(target)) {
                // a name for a formula, as a tutorial names an expression: 'alias delta = (a - y)*a*(1 - a)'
                Formula formula = formula(line.substring(0, offset + part.length()), offset + eq + 1);
                if (formula == null) {
                    return;
                }
                statements.add(new Statement.Named(pos(indent + 1), section, line.strip(), alias, formula));
                offset += part.length() + 1;
                continue;
            }
            if (Names.isName(alias) && scope.isFunction(alias) && scope.function(alias).equals(scope.function(target))) {
                // another spelling of a function, as pasted text writes the sigmoid: 'alias σ = sigmoid'
                offset += part.length() + 1;
                continue;
            }
            if (Names.isName(alias) && Names.isName(target) && scope.isFunction(target)) {
                problem(offset + part.indexOf(alias) + 1, "'" + alias + "' cannot be another spelling of the function '" + target
                        + "': it is already a function; write 'alias NEW = " + target + "' with a new name");
                return;
            }
            if (!Names.isName(alias) || !Names.isName(target)) {
                problem(offset + 1, "expected 'alias NEW = existing' or 'alias NEW = formula', e.g. 'alias A2 = a2'"
                        + " or 'alias delta = (a - y)*a*(1 - a)'");
                return;
            }
            int targetColumn = offset + eq + 1 + part.substring(eq + 1).indexOf(target) + 1;
            statements.add(new Statement.Alias(pos(indent + 1), section, line.strip(), alias, target, targetColumn));
            offset += part.length() + 1;
        }
    }

    private void function(String line, int indent) {
        Matcher m = FN.matcher(line);
        if (!m.matches()) {
            problem(indent + 1, "expected 'fn NAME(arg, ...) = formula', e.g. 'fn primesigmoid(z) = sigmoid(z)*(1 - sigmoid(z))'");
            return;
        }
        String name = m.group(2);
        if (Builtins.CONSTANTS.containsKey(name)) {
            problem(m.start(2) + 1, "'" + name + "' is a built-in constant and cannot be redefined");
            return;
        }
        if (Builtins.FUNCTIONS.contains(name)) {
            problem(m.start(2) + 1, "'" + name + "' is built in and cannot be redefined; "
                    + "to check a definition of it, write a claim such as '" + name + "(z) = ...'");
            return;
        }
        List<String> params = new ArrayList<>();
        for (String p : m.group(3).split(",")) {
            if (!Names.isName(p.strip())) {
                problem(m.start(3) + 1, "function parameters must be names, found '" + p.strip() + "'");
                return;
            }
            params.add(p.strip());
        }
        Formula body = formula(line, m.start(4));
        if (body != null) {
            statements.add(new Statement.FunctionDef(pos(indent + 1), section, line.strip(), name, params, body));
        }
    }

    private void loss(String line, int indent) {
        Matcher m = LOSS.matcher(line);
        if (!m.matches()) {
            problem(indent + 1, "expected 'loss NAME(prediction, target) = formula', e.g. 'loss L(a2, y) = (a2 - y)^2/2',"
                    + " or 'loss NAME(predictions; targets) = formula', e.g. 'loss L(p1, p2; y1, y2) = ...'");
            return;
        }
        List<String> predictions = m.group(3) != null ? List.of(m.group(3)) : names(m.group(5));
        List<String> targets = m.group(4) != null ? List.of(m.group(4)) : names(m.group(6));
        if (predictions.size() != targets.size()) {
            problem(m.start(5) + 1, "the loss names " + predictions.size() + " predictions and " + targets.size()
                    + " targets; each prediction needs its target, in the same order ('loss L(p1, p2; y1, y2)')");
            return;
        }
        Formula rhs = formula(line, m.start(7));
        if (rhs != null) {
            statements.add(new Statement.Loss(pos(indent + 1), section, line.strip(), m.group(2), predictions,
                    targets, rhs));
        }
    }

    private static List<String> names(String list) {
        return java.util.Arrays.stream(list.split(",")).map(String::strip).toList();
    }

    private void code(String line, int indent) {
        int start = indent + "code".length();
        int eq = topLevelEquals(line, start);
        if (eq < 0) {
            problem(indent + 1, "expected 'code dX = formula' or 'code dA/dB = formula'");
            return;
        }
        Statement.Assign op = assignment(line, eq);
        String lhs = line.substring(start, op == Statement.Assign.SET ? eq : eq - 1).strip();
        Matcher leibniz = LEIBNIZ.matcher(lhs);
        if (leibniz.matches() && op == Statement.Assign.SET) {
            equation(line, indent, start + (line.substring(start).length() - line.substring(start).stripLeading().length()), true);
            return;
        }
        if (!Names.isName(lhs)) {
            problem(start + 2, "a code line assigns one name, e.g. 'code dZ1 = dZ2*W2*primesigmoid(Z1)'; found '" + lhs + "'");
            return;
        }
        Formula rhs = formula(line, eq + 1);
        if (rhs != null) {
            statements.add(parameters.contains(lhs)
                    ? new Statement.Update(pos(indent + 1), section, line.strip(), lhs, op, rhs)
                    : new Statement.Code(pos(indent + 1), section, line.strip(), lhs, op, rhs));
        }
    }

    /** {@code +=} or {@code -=} when the '=' at {@code eq} follows a '+' or '-'; else a plain '='. */
    private static Statement.Assign assignment(String line, int eq) {
        char before = eq > 0 ? line.charAt(eq - 1) : ' ';
        return before == '+' ? Statement.Assign.ADD : before == '-' ? Statement.Assign.SUBTRACT : Statement.Assign.SET;
    }

    /** {@code upstream da_next = dL/da_next [in [low, high]]}. */
    private void upstream(String line, int indent) {
        Matcher m = UPSTREAM.matcher(line);
        if (!m.matches()) {
            problem(indent + 1, "expected 'upstream NAME = dL/dX [in [low, high]]', e.g. 'upstream da_next = dL/da_next':"
                    + " the gradient NAME of a loss L with respect to node X arrives from outside the derivation");
            return;
        }
        double low = Double.NaN;
        double high = Double.NaN;
        if (m.group(5) != null) {
            try {
                low = Double.parseDouble(m.group(5).strip());
                high = Double.parseDouble(m.group(6).strip());
            } catch (NumberFormatException e) {
                problem(m.start(5) + 1, "range must be two numbers: in [low, high]");
                return;
            }
            if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
                problem(m.start(5) + 1, "range [" + low + ", " + high + "] must have low < high, both finite");
                return;
            }
        }
        statements.add(new Statement.Upstream(pos(indent + 1), section, line.strip(), m.group(2), m.group(3),
                m.group(4), low, high));
    }

    /** {@code grad dZ2 = m * dL/dZ2, delta2 = -dE/dz2}. */
    private void grad(String line, int indent) {
        int start = indent + "grad".length();
        List<Statement.Meaning> meanings = new ArrayList<>();
        int offset = start;
        for (String part : topLevelParts(line.substring(start))) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? "" : part.substring(0, eq).strip();
            if (!Names.isName(name)) {
                problem(offset + 1, "expected 'grad NAME = factor * dA/dB[, ...]', e.g. 'grad dZ2 = m * dL/dZ2' "
                        + "or 'grad delta2 = -dE/dz2'");
                return;
            }
            Formula formula = formula(line.substring(0, offset + part.length()), offset + eq + 1);
            if (formula == null) {
                return;
            }
            meanings.add(new Statement.Meaning(name, offset + part.indexOf(name) + 1, formula));
            offset += part.length() + 1;
        }
        statements.add(new Statement.Grad(pos(indent + 1), section, line.strip(), meanings));
    }

    /** {@code text} split at the commas outside parentheses. */
    private static List<String> topLevelParts(String text) {
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

    /** {@code lhsStart} is where the left side begins: after {@code code} for a code claim, else the indent. */
    private void equation(String line, int indent, int lhsStart, boolean code) {
        int eq = topLevelEquals(line, lhsStart);
        if (eq < 0) {
            problem(indent + 1, "expected an equation 'left = right' (a definition 'Z1 = W1*x + b1', a claim "
                    + "'dL/da2 = ...'), a directive such as '@section', or a keyword: input, param, alias, fn, loss, code");
            return;
        }
        Statement.Assign op = code ? Statement.Assign.SET : assignment(line, eq);
        String lhsText = line.substring(lhsStart, op == Statement.Assign.SET ? eq : eq - 1).strip();
        String text = line.strip();
        if (!code && (op != Statement.Assign.SET || parameters.contains(lhsText)) && Names.isName(lhsText)
                && find(WHERE, line, eq + 1) < 0) {
            Formula rhs = formula(line, eq + 1);
            if (rhs != null) {
                statements.add(new Statement.Update(pos(lhsStart + 1), section, text, lhsText, op, rhs));
            }
            return;
        }
        int whereAt = find(WHERE, line, eq + 1);
        int rhsEnd = whereAt < 0 ? line.length() : whereAt;
        List<Statement.Where> where = whereAt < 0 ? List.of() : where(line, whereAt + "where".length());
        if (where == null) {
            return;
        }
        // A chain 'a = b = c' claims every later part equal to the first: step 1 is b, step 2 is c.
        List<Integer> cuts = new ArrayList<>(List.of(eq));
        for (int next = topLevelEquals(line, eq + 1); next >= 0 && next < rhsEnd; next = topLevelEquals(line, next + 1)) {
            cuts.add(next);
        }
        cuts.add(rhsEnd);
        for (int i = 1; i < cuts.size(); i++) {
            Formula rhs = part(line, cuts.get(i - 1) + 1, cuts.get(i));
            if (rhs == null) {
                return;
            }
            int step = cuts.size() > 2 ? i : 0;
            if (!claim(line, indent, lhsStart, eq, lhsText, text, rhs, where, code, step)) {
                return;
            }
        }
    }

    /** One claim or definition of {@code lhs = rhs}; false after reporting a problem. */
    private boolean claim(String line, int indent, int lhsStart, int eq, String lhsText, String text, Formula rhs,
                          List<Statement.Where> where, boolean code, int step) {
        int lhsColumn = lhsStart + 1;
        Matcher leibniz = LEIBNIZ.matcher(lhsText);
        if (leibniz.matches()) {
            statements.add(new Statement.Claim(pos(indent + 1), section, text,
                    new Statement.LeibnizLhs(leibniz.group(1), leibniz.group(2), lhsColumn, lhsText), rhs, where, code,
                    step));
            return true;
        }
        if (lhsText.startsWith("d(")) {
            return exprDerivClaim(line, indent, eq, lhsText, text, rhs, where, step);
        }
        if (Names.isName(lhsText) && where.isEmpty() && !scope.isFunction(lhsText)) {
            statements.add(new Statement.Definition(pos(lhsColumn), section, text, lhsText, rhs));
            return true;
        }
        Formula lhs = formula(line.substring(0, eq), indent);
        if (lhs == null) {
            return false;
        }
        statements.add(new Statement.Claim(pos(lhsColumn), section, text, new Statement.ExprLhs(lhs, lhsText),
                rhs, where, false, step));
        return true;
    }

    /**
     * The formula in {@code line[from, to)}: an ordinary formula, or the partial derivative of one,
     * {@code d(formula)/dv}, read as the call {@code d(formula, v)} that the audit differentiates.
     */
    private Formula part(String line, int from, int to) {
        String raw = line.substring(from, to);
        String text = raw.strip();
        int start = from + raw.indexOf(text.isEmpty() ? " " : text.substring(0, 1));
        Matcher d = PARTIAL_PART.matcher(text);
        if (text.isEmpty() || !d.matches() || scope.isQuantity("d")) {
            return formula(line.substring(0, to), from);
        }
        int open = start + 1;
        int close = matchingParen(line, open, to);
        Matcher tail = close < 0 ? null : PARTIAL_TAIL.matcher(line.substring(close + 1, to));
        if (tail == null || !tail.matches()) {
            return formula(line.substring(0, to), from);
        }
        Formula of = formula(line.substring(0, close), open + 1);
        if (of == null) {
            return null;
        }
        String wrt = tail.group(1);
        List<org.gradaudit.expr.NameRef> names = new ArrayList<>();
        int shift = of.column() - (start + 1);
        of.names().forEach(r -> names.add(new org.gradaudit.expr.NameRef(r.name(), r.offset() + shift, r.beforeParen())));
        names.add(new org.gradaudit.expr.NameRef(wrt, close + 1 + tail.start(1) - start, false));
        return new Formula(org.gradaudit.expr.Expr.call("d", of.expr(), new org.gradaudit.expr.Expr.Var(wrt)), names,
                start + 1, text);
    }

    private boolean exprDerivClaim(String line, int indent, int eq, String lhsText, String text, Formula rhs,
                                   List<Statement.Where> where, int step) {
        int open = indent + 1;
        int close = matchingParen(line, open, eq);
        Matcher tail = close < 0 ? null
                : WRT_TAIL.matcher(line.substring(close + 1, eq));
        if (tail == null || !tail.matches()) {
            problem(indent + 1, "expected 'd(formula)/dNAME = formula', e.g. 'd(y*ln(a2))/da2 = y/a2'");
            return false;
        }
        Formula of = formula(line.substring(0, close), open + 1);
        if (of == null) {
            return false;
        }
        int wrtColumn = close + 1 + tail.start(1) + 1;
        statements.add(new Statement.Claim(pos(indent + 1), section, text,
                new Statement.ExprDerivLhs(of, tail.group(1), wrtColumn, lhsText), rhs, where, false, step));
        return true;
    }

    private List<Statement.Where> where(String line, int start) {
        List<Statement.Where> out = new ArrayList<>();
        int offset = start;
        for (String part : line.substring(start).split(",", -1)) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? "" : part.substring(0, eq).strip();
            if (!Names.isName(name)) {
                problem(offset + 1, "expected 'where NAME = formula[, NAME = formula]', e.g. 'where W2 = 0'");
                return null;
            }
            Formula value = formula(line.substring(0, offset + part.length()), offset + eq + 1);
            if (value == null) {
                return null;
            }
            out.add(new Statement.Where(name, offset + part.indexOf(name) + 1, value));
            offset += part.length() + 1;
        }
        return out;
    }

    /** Parses line[from..end) as one formula; reports a problem and returns null if it is not one. */
    private Formula formula(String line, int from) {
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

    private static int topLevelEquals(String line, int from) {
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
    private static boolean comparison(String line, int i) {
        char before = i > 0 ? line.charAt(i - 1) : ' ';
        char after = i + 1 < line.length() ? line.charAt(i + 1) : ' ';
        return before == '<' || before == '>' || before == '=' || after == '=';
    }

    private static int find(Pattern word, String line, int from) {
        Matcher m = word.matcher(line);
        return m.find(from) ? m.start() : -1;
    }

    private static int matchingParen(String line, int open, int limit) {
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

    private static String stripComment(String raw) {
        int hash = raw.indexOf('#');
        return hash < 0 ? raw : raw.substring(0, hash);
    }

    private static String firstWord(String trimmed) {
        Matcher m = NAME.matcher(trimmed);
        return m.lookingAt() && (m.end() == trimmed.length() || Character.isWhitespace(trimmed.charAt(m.end())))
                ? m.group() : "";
    }

    private Position pos(int column) {
        return new Position(file, lineNo, column);
    }

    private void problem(int column, String message) {
        problems.add(new Problem(pos(column), message));
    }
}
