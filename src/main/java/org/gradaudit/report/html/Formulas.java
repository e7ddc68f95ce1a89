package org.gradaudit.report.html;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.gradaudit.derivation.Derivation;
import org.gradaudit.derivation.Statement;
import org.gradaudit.expr.Builtins;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.ExprParser;
import org.gradaudit.expr.ExprSyntaxException;
import org.gradaudit.expr.Exprs;
import org.gradaudit.expr.NameRef;
import org.gradaudit.expr.Scope;

/**
 * The vocabulary of one derivation, for typesetting: which names it uses (so that prose can tell
 * a formula from a word) and a scope to read back the formulas a result holds as text. Those
 * texts were printed by {@code ExprPrinter}, whose output parses back to the same expression.
 */
final class Formulas {
    private final Set<String> functions = new HashSet<>(Builtins.FUNCTIONS);
    private final Set<String> names = new HashSet<>(Builtins.CONSTANTS.keySet());
    private final Scope scope;

    private Formulas(Derivation d) {
        for (Statement s : d.statements()) {
            if (s instanceof Statement.FunctionDef f) {
                functions.add(f.name());
                names.addAll(f.params());
                add(f.body());
            } else if (s instanceof Statement.Declare dec) {
                names.addAll(dec.names());
            } else if (s instanceof Statement.Alias a) {
                names.add(a.alias());
                names.add(a.target());
            } else if (s instanceof Statement.Definition def) {
                names.add(def.name());
                add(def.rhs());
            } else if (s instanceof Statement.Loss l) {
                names.add(l.name());
                names.addAll(l.predictions());
                names.addAll(l.targets());
                add(l.rhs());
            } else if (s instanceof Statement.Code c) {
                names.add(c.name());
                add(c.rhs());
            } else if (s instanceof Statement.Update u) {
                names.add(u.name());
                add(u.rhs());
            } else if (s instanceof Statement.Grad g) {
                g.meanings().forEach(m -> {
                    names.add(m.name());
                    add(m.formula());
                });
            } else if (s instanceof Statement.Upstream u) {
                names.add(u.name());
                names.add(u.loss());
            } else if (s instanceof Statement.Claim c) {
                add(c.rhs());
                c.where().forEach(w -> {
                    names.add(w.name());
                    add(w.value());
                });
                if (c.lhs() instanceof Statement.LeibnizLhs l) {
                    names.add(l.of());
                    names.add(l.wrt());
                } else if (c.lhs() instanceof Statement.ExprDerivLhs l) {
                    add(l.of());
                    names.add(l.wrt());
                } else if (c.lhs() instanceof Statement.ExprLhs l) {
                    add(l.expr());
                }
            }
        }
        Set<String> quantities = new HashSet<>(names);
        quantities.removeAll(functions);
        scope = Scope.of(functions, quantities);
    }

    private void add(Statement.Formula f) {
        for (NameRef r : f.names()) {
            names.add(r.name());
        }
        names.addAll(Exprs.variables(f.expr()));
    }

    static Formulas of(Derivation d) {
        return new Formulas(d);
    }

    /** Every name and function the derivation uses, built-ins included. */
    Set<String> vocabulary() {
        Set<String> all = new HashSet<>(names);
        all.addAll(functions);
        return all;
    }

    /** Whether {@code name} is one of the derivation's names or functions. */
    boolean knows(String name) {
        return names.contains(name) || functions.contains(name);
    }

    /** The formula a result holds as text, read back; empty when it does not parse. */
    Optional<Expr> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ExprParser.parse(text, scope).expr());
        } catch (ExprSyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether every name, function and Leibniz symbol of {@code e} belongs to the derivation. */
    boolean allKnown(Expr e) {
        for (Expr x : Exprs.subtrees(e)) {
            if (x instanceof Expr.Var v && !knows(v.name())
                    || x instanceof Expr.Call c && !knows(c.fn())
                    || x instanceof Expr.Deriv d && !(knows(d.of()) && knows(d.wrt()))) {
                return false;
            }
        }
        return true;
    }
}
