package org.gradaudit.report.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gradaudit.check.Finding;
import org.gradaudit.derivation.Derivation;
import org.gradaudit.derivation.Statement;
import org.gradaudit.expr.Expr;

/**
 * A finding's statement typeset as the derivation wrote it: its left-hand side (a Leibniz
 * derivative, the derivative of an expression, a loss with its arguments, a code line's name), the
 * claimed right-hand side with its {@code where} bindings, and the true and corrected formulas
 * beside it, each with the parts that differ marked. The page around it is {@link AuditPage}'s.
 */
final class StatementMath {
    private final Html h;
    private final MathMl math;
    private final Formulas formulas;
    /** The statements on each line: one, or several for a chain of equalities {@code a = b = c}. */
    private final Map<Integer, List<Statement>> statements = new HashMap<>();

    StatementMath(Derivation derivation, Html h, MathMl math, Formulas formulas) {
        this.h = h;
        this.math = math;
        this.formulas = formulas;
        for (Statement s : derivation.statements()) {
            statements.computeIfAbsent(s.position().line(), k -> new ArrayList<>()).add(s);
        }
    }

    /** The statement a finding judges: on a chain's line, the step whose right-hand side it claims. */
    Statement statementOf(Finding f) {
        List<Statement> onLine = statements.getOrDefault(f.line(), List.of());
        return onLine.stream().filter(s -> s instanceof Statement.Claim c && (f.claimed().equals(c.rhs().text()) || f.claimed().startsWith(c.rhs().text() + " where ")))
                .findFirst().orElse(onLine.isEmpty() ? null : onLine.get(0));
    }

    /** The statement's right-hand side as written, or read back from the finding when it has no statement. */
    Expr claimedExpr(Finding f, Statement s) {
        if (s instanceof Statement.Claim c) {
            return c.rhs().expr();
        }
        if (s instanceof Statement.Code c && c.op() == Statement.Assign.SET) {
            return c.rhs().expr();
        }
        if (s instanceof Statement.Definition d) {
            return d.rhs().expr();
        }
        if (s instanceof Statement.Loss l) {
            return l.rhs().expr();
        }
        return formulas.parse(f.claimed()).orElse(null);
    }

    /** The left-hand side, as the statement wrote it. */
    private void lhs(Finding f, Statement s) {
        if (s instanceof Statement.Claim c && c.lhs() instanceof Statement.LeibnizLhs l) {
            math.expr(new Expr.Deriv(l.of(), l.wrt()), Set.of());
        } else if (s instanceof Statement.Claim c && c.lhs() instanceof Statement.ExprDerivLhs l) {
            math.derivativeOf(l.of().expr(), l.wrt());
        } else if (s instanceof Statement.Claim c && c.lhs() instanceof Statement.ExprLhs l) {
            math.expr(l.expr().expr(), Set.of());
        } else if (s instanceof Statement.Loss l) {
            List<Expr> arguments = new ArrayList<>();
            l.predictions().forEach(p -> arguments.add(new Expr.Var(p)));
            l.targets().forEach(t -> arguments.add(new Expr.Var(t)));
            math.expr(new Expr.Call(l.name(), arguments), Set.of());
        } else if (s instanceof Statement.Code c) {
            math.expr(new Expr.Var(c.name()), Set.of());
        } else if (s instanceof Statement.Definition d) {
            math.expr(new Expr.Var(d.name()), Set.of());
        } else {
            Optional<Expr> e = formulas.parse(f.lhs());
            if (e.isPresent()) {
                math.expr(e.get(), Set.of());
            } else {
                math.words(f.lhs());
            }
        }
    }

    /** The statement as written, {@code lhs = claimed} and its {@code where} bindings, with the marked parts. */
    void statement(Finding f, Statement s, Expr claimed, Set<Expr> marked) {
        math.open(f.lhs() + " = " + f.claimed(), false);
        lhs(f, s);
        math.op("=");
        if (claimed != null) {
            math.expr(claimed, marked);
        } else {
            math.words(f.claimed());
        }
        if (s instanceof Statement.Claim c && !c.where().isEmpty()) {
            math.words("\u2003where\u2003");
            for (int i = 0; i < c.where().size(); i++) {
                Statement.Where w = c.where().get(i);
                if (i > 0) {
                    math.op(",");
                }
                math.expr(new Expr.Var(w.name()), Set.of()).op("=").expr(w.value().expr(), Set.of());
            }
        }
        math.close();
    }

    /**
     * The true value and the corrected formula, whichever are known, each with its marked parts, and
     * a legend when the claimed formula had parts marked.
     */
    void formulas(Finding f, Statement s, Optional<Expr> expected, Set<Expr> markExpected, Optional<Expr> fix,
                  Set<Expr> markFix, boolean marked) {
        if (expected.isEmpty() && fix.isEmpty()) {
            return;
        }
        h.open("dl", "class", "formulas");
        if (expected.isPresent()) {
            formula("True value", "expected", f, s, f.expected(), expected.get(), markExpected);
        }
        if (fix.isPresent()) {
            formula("Corrected, as written", "corrected", f, s, f.fix(), fix.get(), markFix);
        }
        h.close("dl");
        if (marked) {
            h.open("p", "class", "muted").text("The ").element("span", "marked", "class", "legend-mark")
                    .text(" parts are where the claimed formula and the right one differ.").close("p");
        }
    }

    /** One term of the formulas' list: {@code lhs = e}, with the marked parts wrapped as differing. */
    private void formula(String term, String cls, Finding f, Statement s, String rhs, Expr e, Set<Expr> marked) {
        h.element("dt", term);
        h.open("dd", "class", cls);
        math.open(f.lhs() + " = " + rhs, false);
        lhs(f, s);
        math.op("=").expr(e, marked);
        math.close();
        h.close("dd");
    }
}
