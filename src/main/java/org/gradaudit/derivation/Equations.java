package org.gradaudit.derivation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gradaudit.derivation.Statement.Formula;
import org.gradaudit.expr.Names;

/**
 * The lines that claim or define with '=': definitions, claims in Leibniz notation or of a
 * formula's partial derivative, chains of equalities, {@code where} restatements, updates of a
 * parameter, and {@code code} lines.
 */
final class Equations {
    private static final Pattern LEIBNIZ = Pattern.compile("d(" + LineSyntax.NAME_RE + ")\\s*/\\s*d(" + LineSyntax.NAME_RE + ")");
    private static final Pattern WRT_TAIL = Pattern.compile("\\s*/\\s*d(" + LineSyntax.NAME_RE + ")\\s*");
    private static final Pattern WHERE = Pattern.compile("\\bwhere\\b");
    private static final Pattern PARTIAL_PART = Pattern.compile("d\\s*\\(.*\\)\\s*/\\s*d" + LineSyntax.NAME_RE);
    private static final Pattern PARTIAL_TAIL = Pattern.compile("\\s*/\\s*d(" + LineSyntax.NAME_RE + ")\\s*");

    private final ParseState s;

    Equations(ParseState s) {
        this.s = s;
    }

    void code(String line, int indent) {
        int start = indent + "code".length();
        int eq = LineSyntax.topLevelEquals(line, start);
        if (eq < 0) {
            s.problem(indent + 1, "expected 'code dX = formula' or 'code dA/dB = formula'");
            return;
        }
        Statement.Assign op = LineSyntax.assignment(line, eq);
        String lhs = line.substring(start, op == Statement.Assign.SET ? eq : eq - 1).strip();
        Matcher leibniz = LEIBNIZ.matcher(lhs);
        if (leibniz.matches() && op == Statement.Assign.SET) {
            equation(line, indent, start + (line.substring(start).length() - line.substring(start).stripLeading().length()), true);
            return;
        }
        if (!Names.isName(lhs)) {
            s.problem(start + 2, "a code line assigns one name, e.g. 'code dZ1 = dZ2*W2*primesigmoid(Z1)'; found '" + lhs + "'");
            return;
        }
        Formula rhs = s.formula(line, eq + 1);
        if (rhs != null) {
            s.add(s.parameters().contains(lhs)
                    ? new Statement.Update(s.pos(indent + 1), s.section(), line.strip(), lhs, op, rhs)
                    : new Statement.Code(s.pos(indent + 1), s.section(), line.strip(), lhs, op, rhs));
        }
    }
    /** {@code lhsStart} is where the left side begins: after {@code code} for a code claim, else the indent. */
    void equation(String line, int indent, int lhsStart, boolean code) {
        int eq = LineSyntax.topLevelEquals(line, lhsStart);
        if (eq < 0) {
            s.problem(indent + 1, "expected an equation 'left = right' (a definition 'Z1 = W1*x + b1', a claim "
                    + "'dL/da2 = ...'), a directive such as '@section', or a keyword: input, param, alias, fn, loss, code");
            return;
        }
        Statement.Assign op = code ? Statement.Assign.SET : LineSyntax.assignment(line, eq);
        String lhsText = line.substring(lhsStart, op == Statement.Assign.SET ? eq : eq - 1).strip();
        String text = line.strip();
        if (!code && (op != Statement.Assign.SET || s.parameters().contains(lhsText)) && Names.isName(lhsText)
                && LineSyntax.find(WHERE, line, eq + 1) < 0) {
            Formula rhs = s.formula(line, eq + 1);
            if (rhs != null) {
                s.add(new Statement.Update(s.pos(lhsStart + 1), s.section(), text, lhsText, op, rhs));
            }
            return;
        }
        int whereAt = LineSyntax.find(WHERE, line, eq + 1);
        int rhsEnd = whereAt < 0 ? line.length() : whereAt;
        List<Statement.Where> where = whereAt < 0 ? List.of() : where(line, whereAt + "where".length());
        if (where == null) {
            return;
        }
        // A chain 'a = b = c' claims every later part equal to the first: step 1 is b, step 2 is c.
        List<Integer> cuts = new ArrayList<>(List.of(eq));
        for (int next = LineSyntax.topLevelEquals(line, eq + 1); next >= 0 && next < rhsEnd; next = LineSyntax.topLevelEquals(line, next + 1)) {
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
            s.add(new Statement.Claim(s.pos(indent + 1), s.section(), text,
                    new Statement.LeibnizLhs(leibniz.group(1), leibniz.group(2), lhsColumn, lhsText), rhs, where, code,
                    step));
            return true;
        }
        if (lhsText.startsWith("d(")) {
            return exprDerivClaim(line, indent, eq, lhsText, text, rhs, where, step);
        }
        if (Names.isName(lhsText) && where.isEmpty() && !s.scope().isFunction(lhsText)) {
            s.add(new Statement.Definition(s.pos(lhsColumn), s.section(), text, lhsText, rhs));
            return true;
        }
        Formula lhs = s.formula(line.substring(0, eq), indent);
        if (lhs == null) {
            return false;
        }
        s.add(new Statement.Claim(s.pos(lhsColumn), s.section(), text, new Statement.ExprLhs(lhs, lhsText),
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
        if (text.isEmpty() || !d.matches() || s.scope().isQuantity("d")) {
            return s.formula(line.substring(0, to), from);
        }
        int open = start + 1;
        int close = LineSyntax.matchingParen(line, open, to);
        Matcher tail = close < 0 ? null : PARTIAL_TAIL.matcher(line.substring(close + 1, to));
        if (tail == null || !tail.matches()) {
            return s.formula(line.substring(0, to), from);
        }
        Formula of = s.formula(line.substring(0, close), open + 1);
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
        int close = LineSyntax.matchingParen(line, open, eq);
        Matcher tail = close < 0 ? null
                : WRT_TAIL.matcher(line.substring(close + 1, eq));
        if (tail == null || !tail.matches()) {
            s.problem(indent + 1, "expected 'd(formula)/dNAME = formula', e.g. 'd(y*ln(a2))/da2 = y/a2'");
            return false;
        }
        Formula of = s.formula(line.substring(0, close), open + 1);
        if (of == null) {
            return false;
        }
        int wrtColumn = close + 1 + tail.start(1) + 1;
        s.add(new Statement.Claim(s.pos(indent + 1), s.section(), text,
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
                s.problem(offset + 1, "expected 'where NAME = formula[, NAME = formula]', e.g. 'where W2 = 0'");
                return null;
            }
            Formula value = s.formula(line.substring(0, offset + part.length()), offset + eq + 1);
            if (value == null) {
                return null;
            }
            out.add(new Statement.Where(name, offset + part.indexOf(name) + 1, value));
            offset += part.length() + 1;
        }
        return out;
    }
}
