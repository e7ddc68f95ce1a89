package org.gradaudit.derivation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gradaudit.derivation.Statement.Formula;
import org.gradaudit.expr.Builtins;
import org.gradaudit.expr.Names;

/**
 * The lines that declare rather than claim: {@code input} and {@code param} (with a range),
 * {@code alias}, {@code fn}, {@code loss}, {@code upstream} and {@code grad}. Each reads one line
 * into a statement, or reports the problem at its column.
 */
final class Declarations {
    private static final Pattern RANGE = Pattern.compile("\\s+in\\s*\\[([^,\\]]+),([^\\]]+)]\\s*$");
    private static final Pattern FN = Pattern.compile("(\\s*fn\\s+)(" + LineSyntax.NAME_RE + ")\\s*\\(([^)]*)\\)\\s*=(.*)");
    private static final String NAMES_RE = LineSyntax.NAME_RE + "(?:\\s*,\\s*" + LineSyntax.NAME_RE + ")*";
    /** {@code loss L(a, y) = ...} (groups 3 and 4 one name each) or {@code loss L(p1, p2; y1, y2) = ...}. */
    private static final Pattern LOSS = Pattern.compile("(\\s*loss\\s+)(" + LineSyntax.NAME_RE + ")\\s*\\(\\s*(?:("
            + LineSyntax.NAME_RE + ")\\s*,\\s*(" + LineSyntax.NAME_RE + ")|(" + NAMES_RE + ")\\s*;\\s*(" + NAMES_RE
            + "))\\s*\\)\\s*=(.*)");
    static final Pattern UPSTREAM = Pattern.compile("(\\s*upstream\\s+)(" + LineSyntax.NAME_RE + ")\\s*=\\s*"
            + "d(" + LineSyntax.NAME_RE + ")\\s*/\\s*d(" + LineSyntax.NAME_RE + ")\\s*(?:in\\s*\\[([^,\\]]+),([^\\]]+)]\\s*)?");

    private final ParseState s;

    Declarations(ParseState s) {
        this.s = s;
    }

    void declare(String line, int indent, String keyword) {
        int start = indent + keyword.length();
        String rest = line.substring(start);
        double low = Double.NaN;
        double high = Double.NaN;
        Matcher range = RANGE.matcher(rest);
        if (range.find()) {
            Ranges.Bound lowBound = Ranges.bound(range.group(1));
            Ranges.Bound highBound = Ranges.bound(range.group(2));
            if (lowBound instanceof Ranges.Refused r) {
                s.problem(start + range.start(1) + r.offset() + 1, r.message());
                return;
            }
            if (highBound instanceof Ranges.Refused r) {
                s.problem(start + range.start(2) + r.offset() + 1, r.message());
                return;
            }
            low = ((Ranges.Value) lowBound).value();
            high = ((Ranges.Value) highBound).value();
            String unusable = Ranges.check(low, high);
            if (unusable != null) {
                s.problem(start + range.start() + 1, unusable);
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
                s.problem(Math.max(col, start + 1), "expected a name in '" + keyword + "', found '" + name + "'");
                return;
            }
            names.add(name);
            columns.add(col);
        }
        var kind = keyword.equals("input") ? Statement.Declare.Kind.INPUT : Statement.Declare.Kind.PARAM;
        s.add(new Statement.Declare(s.pos(indent + 1), s.section(), line.strip(), kind, names, columns, low, high));
    }
    void alias(String line, int indent) {
        int start = indent + "alias".length();
        int offset = start;
        for (String part : LineSyntax.topLevelParts(line.substring(start))) {
            int eq = part.indexOf('=');
            String alias = eq < 0 ? "" : part.substring(0, eq).strip();
            String target = eq < 0 ? "" : part.substring(eq + 1).strip();
            if (Names.isName(alias) && !target.isEmpty() && !Names.isName(target)) {
                // a name for a formula, as a tutorial names an expression: 'alias delta = (a - y)*a*(1 - a)'
                Formula formula = s.formula(line.substring(0, offset + part.length()), offset + eq + 1);
                if (formula == null) {
                    return;
                }
                s.add(new Statement.Named(s.pos(indent + 1), s.section(), line.strip(), alias, formula));
                offset += part.length() + 1;
                continue;
            }
            if (Names.isName(alias) && s.scope().isFunction(alias)
                    && s.scope().function(alias).equals(s.scope().function(target))) {
                // another spelling of a function, as pasted text writes the sigmoid: 'alias σ = sigmoid'
                offset += part.length() + 1;
                continue;
            }
            if (Names.isName(alias) && Names.isName(target) && s.scope().isFunction(target)) {
                s.problem(offset + part.indexOf(alias) + 1, "'" + alias + "' cannot be another spelling of the function '"
                        + target + "': it is already a function; write 'alias NEW = " + target + "' with a new name");
                return;
            }
            if (!Names.isName(alias) || !Names.isName(target)) {
                s.problem(offset + 1, "expected 'alias NEW = existing' or 'alias NEW = formula', e.g. 'alias A2 = a2'"
                        + " or 'alias delta = (a - y)*a*(1 - a)'");
                return;
            }
            int targetColumn = offset + eq + 1 + part.substring(eq + 1).indexOf(target) + 1;
            s.add(new Statement.Alias(s.pos(indent + 1), s.section(), line.strip(), alias, target, targetColumn));
            offset += part.length() + 1;
        }
    }
    void function(String line, int indent) {
        Matcher m = FN.matcher(line);
        if (!m.matches()) {
            s.problem(indent + 1, "expected 'fn NAME(arg, ...) = formula', e.g. 'fn primesigmoid(z) = sigmoid(z)*(1 - sigmoid(z))'");
            return;
        }
        String name = m.group(2);
        if (Builtins.CONSTANTS.containsKey(name)) {
            s.problem(m.start(2) + 1, "'" + name + "' is a built-in constant and cannot be redefined");
            return;
        }
        if (Builtins.FUNCTIONS.contains(name)) {
            s.problem(m.start(2) + 1, "'" + name + "' is built in and cannot be redefined; "
                    + "to check a definition of it, write a claim such as '" + name + "(z) = ...'");
            return;
        }
        List<String> params = new ArrayList<>();
        for (String p : m.group(3).split(",")) {
            if (!Names.isName(p.strip())) {
                s.problem(m.start(3) + 1, "function parameters must be names, found '" + p.strip() + "'");
                return;
            }
            params.add(p.strip());
        }
        Formula body = s.formula(line, m.start(4));
        if (body != null) {
            s.add(new Statement.FunctionDef(s.pos(indent + 1), s.section(), line.strip(), name, params, body));
        }
    }
    void loss(String line, int indent) {
        Matcher m = LOSS.matcher(line);
        if (!m.matches()) {
            s.problem(indent + 1, "expected 'loss NAME(prediction, target) = formula', e.g. 'loss L(a2, y) = (a2 - y)^2/2',"
                    + " or 'loss NAME(predictions; targets) = formula', e.g. 'loss L(p1, p2; y1, y2) = ...'");
            return;
        }
        List<String> predictions = m.group(3) != null ? List.of(m.group(3)) : names(m.group(5));
        List<String> targets = m.group(4) != null ? List.of(m.group(4)) : names(m.group(6));
        if (predictions.size() != targets.size()) {
            s.problem(m.start(5) + 1, "the loss names " + predictions.size() + " predictions and " + targets.size()
                    + " targets; each prediction needs its target, in the same order ('loss L(p1, p2; y1, y2)')");
            return;
        }
        Formula rhs = s.formula(line, m.start(7));
        if (rhs != null) {
            s.add(new Statement.Loss(s.pos(indent + 1), s.section(), line.strip(), m.group(2), predictions,
                    targets, rhs));
        }
    }

    private static List<String> names(String list) {
        return java.util.Arrays.stream(list.split(",")).map(String::strip).toList();
    }

    /** {@code upstream da_next = dL/da_next [in [low, high]]}. */
    void upstream(String line, int indent) {
        Matcher m = UPSTREAM.matcher(line);
        if (!m.matches()) {
            s.problem(indent + 1, "expected 'upstream NAME = dL/dX [in [low, high]]', e.g. 'upstream da_next = dL/da_next':"
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
                s.problem(m.start(5) + 1, "range must be two numbers: in [low, high]");
                return;
            }
            if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
                s.problem(m.start(5) + 1, "range [" + low + ", " + high + "] must have low < high, both finite");
                return;
            }
        }
        s.add(new Statement.Upstream(s.pos(indent + 1), s.section(), line.strip(), m.group(2), m.group(3),
                m.group(4), low, high));
    }
    /** {@code grad dZ2 = m * dL/dZ2, delta2 = -dE/dz2}. */
    void grad(String line, int indent) {
        int start = indent + "grad".length();
        List<Statement.Meaning> meanings = new ArrayList<>();
        int offset = start;
        for (String part : LineSyntax.topLevelParts(line.substring(start))) {
            int eq = part.indexOf('=');
            String name = eq < 0 ? "" : part.substring(0, eq).strip();
            if (!Names.isName(name)) {
                s.problem(offset + 1, "expected 'grad NAME = factor * dA/dB[, ...]', e.g. 'grad dZ2 = m * dL/dZ2' "
                        + "or 'grad delta2 = -dE/dz2'");
                return;
            }
            Formula formula = s.formula(line.substring(0, offset + part.length()), offset + eq + 1);
            if (formula == null) {
                return;
            }
            meanings.add(new Statement.Meaning(name, offset + part.indexOf(name) + 1, formula));
            offset += part.length() + 1;
        }
        s.add(new Statement.Grad(s.pos(indent + 1), s.section(), line.strip(), meanings));
    }
}
