package org.gradaudit.report.html;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gradaudit.check.AuditResult;
import org.gradaudit.check.Finding;
import org.gradaudit.check.Verdict;
import org.gradaudit.derivation.Derivation;
import org.gradaudit.derivation.Statement;
import org.gradaudit.expr.Expr;

/**
 * The audit as one page: the source, the summary, then the derivation section by section in the
 * source's order, each statement typeset with its verdict (a word and a colour), and for a wrong
 * one the diagnosis, the true and corrected formulas beside the claimed one with the part that
 * differs marked, the counterexample, and links to the lines it consumes; then the code run.
 */
public final class AuditPage {
    /** Most separate parts of a formula marked as differing; past it, marking helps no reader. */
    private static final int MARK_LIMIT = 3;

    private final AuditResult result;
    private final Html h = new Html();
    private final Formulas formulas;
    private final MathMl math;
    private final Prose prose;
    /** The statements on each line: one, or several for a chain of equalities {@code a = b = c}. */
    private final Map<Integer, List<Statement>> statements = new HashMap<>();
    /** How many findings of each line the page has shown so far. */
    private final Map<Integer, Integer> onPage = new HashMap<>();
    private final AuditTables tables;

    private AuditPage(AuditResult result) {
        this.result = result;
        this.formulas = Formulas.of(result.derivation());
        this.math = new MathMl(h, Notation.forNames(formulas.vocabulary()));
        this.prose = new Prose(h, math, formulas);
        this.tables = new AuditTables(result, h, math, prose, formulas);
        for (Statement s : result.derivation().statements()) {
            statements.computeIfAbsent(s.position().line(), k -> new java.util.ArrayList<>()).add(s);
        }
    }

    /** The page for an audit. */
    public static String render(AuditResult result, String version) {
        return new AuditPage(result).page(version);
    }

    private String page(String version) {
        Derivation d = result.derivation();
        String title = d.title().isEmpty() ? d.file() : d.title();
        Page.start(h, "Audit: " + title);
        h.open("header");
        h.element("h1", "Audit of " + (d.title().isEmpty() ? d.file() : "\u201c" + d.title() + "\u201d"));
        source(d);
        h.close("header").newline();
        summary();
        String section = null;
        boolean open = false;
        for (Finding f : result.findings()) {
            if (!f.section().equals(section)) {
                if (open) {
                    h.close("section").newline();
                }
                section = f.section();
                h.open("section");
                h.element("h2", section.isEmpty() ? "(no section)" : section);
                open = true;
            }
            finding(f);
        }
        if (open) {
            h.close("section").newline();
        }
        if (result.findings().isEmpty()) {
            h.element("p", "Nothing to judge: the file makes no claims, restatements, loss or code lines.");
        }
        if (result.codeRun() != null) {
            tables.codeRun(result.codeRun());
        }
        Page.end(h, version, "gradaudit audit " + d.file() + " --seed " + result.seed() + " --points "
                + result.pointsPerCheck() + " --format html -o report.html");
        return h.finish();
    }

    private void source(Derivation d) {
        StringBuilder s = new StringBuilder();
        for (String part : new String[] {d.author(), d.date(), d.url()}) {
            if (!part.isEmpty()) {
                s.append(s.length() > 0 ? " \u00b7 " : "").append(part);
            }
        }
        h.open("p", "class", "source");
        if (s.length() > 0) {
            h.text(s + " \u00b7 ");
        }
        h.text("transcribed in ").element("code", d.file());
        h.close("p");
    }

    private void summary() {
        long wrong = result.count(Verdict.WRONG);
        long unverified = result.count(Verdict.UNVERIFIED);
        h.open("section", "class", "summary", "aria-label", "Summary");
        Verdict overall = wrong > 0 ? Verdict.WRONG : unverified > 0 ? Verdict.UNVERIFIED : Verdict.CORRECT;
        tables.badge(overall);
        h.element("p", result.findings().size() + " statements: " + result.count(Verdict.CORRECT) + " correct, "
                + wrong + " wrong, " + unverified + " unverified.");
        if (wrong > 0) {
            h.open("p").text("Wrong: ");
            boolean first = true;
            for (Finding f : result.findings()) {
                if (f.verdict() == Verdict.WRONG) {
                    h.text(first ? "" : ", ");
                    tables.lineLink(f.line());
                    first = false;
                }
            }
            h.text(".").close("p");
        }
        h.close("section").newline();
        h.element("p", "Seed " + result.seed() + ", " + result.pointsPerCheck() + " random points per statement; "
                + result.tolerance().explain() + ".", "class", "muted");
        if (!result.lossNote().isEmpty()) {
            h.open("p", "class", "muted").text("Loss: ");
            prose.write(result.lossNote());
            h.close("p");
        }
    }

    private void finding(Finding f) {
        // A chain of equalities gives one line several findings: the first keeps the line's anchor.
        int nth = onPage.merge(f.line(), 1, Integer::sum);
        String id = "line-" + f.line() + (nth == 1 ? "" : "-" + nth);
        h.open("article", "class", "finding " + f.verdict(), "id", id, "aria-labelledby", "h-" + id);
        h.open("header");
        h.open("h3", "id", "h-" + id);
        h.element("a", "Line " + f.line() + (nth == 1 ? "" : ", step " + nth), "class", "line", "href", "#" + id);
        h.close("h3");
        h.element("span", f.kind().toString(), "class", "kind");
        tables.badge(f.verdict());
        if (f.diagnosis() != null) {
            h.element("span", f.diagnosis().toString(), "class", "kind");
        }
        h.close("header");
        Statement s = statementOf(f);
        Expr claimed = claimedExpr(f, s);
        Optional<Expr> fix = formulas.parse(f.fix());
        Optional<Expr> expected = formulas.parse(f.expected());
        Set<Expr> markClaimed = MathMl.identitySet();
        Set<Expr> markFix = MathMl.identitySet();
        Set<Expr> markExpected = MathMl.identitySet();
        if (claimed != null && f.verdict() == Verdict.WRONG) {
            if (fix.isPresent()) {
                MathMl.differences(claimed, fix.get(), markClaimed, markFix, MARK_LIMIT);
            } else if (expected.isPresent()) {
                MathMl.differences(claimed, expected.get(), markClaimed, markExpected, MARK_LIMIT);
            }
        }
        h.open("div", "class", "statement");
        statement(f, s, claimed, markClaimed);
        h.close("div");
        if (f.verdict() == Verdict.CORRECT) {
            notes(f);
        } else {
            h.open("p", "class", "diagnosis-text");
            prose.write(f.message());
            h.close("p");
            if (f.verdict() == Verdict.WRONG) {
                formulas(f, s, expected, markExpected, fix, markFix, !markClaimed.isEmpty());
                tables.counterexample(f);
                if (!f.upstream().isEmpty()) {
                    h.open("p").text(f.inherited() ? "Root cause: " : "Also consumes the wrong value of ");
                    tables.links(f.upstream());
                    h.text(".").close("p");
                }
            }
        }
        h.close("article").newline();
    }

    private void notes(Finding f) {
        if (f.upstream().isEmpty() && f.correctedLossLine() == 0) {
            return;
        }
        h.open("ul", "class", "notes");
        if (!f.upstream().isEmpty()) {
            h.open("li").text("Consumes the wrong value of ");
            tables.links(f.upstream());
            h.text(", so its result is wrong until that is fixed.").close("li");
        }
        if (f.correctedLossLine() > 0) {
            h.open("li").text("Holds for the corrected loss only (see ");
            tables.lineLink(f.correctedLossLine());
            h.text(").").close("li");
        }
        h.close("ul");
    }

    /** The statement a finding judges: on a chain's line, the step whose right-hand side it claims. */
    private Statement statementOf(Finding f) {
        List<Statement> onLine = statements.getOrDefault(f.line(), List.of());
        return onLine.stream().filter(s -> s instanceof Statement.Claim c && (f.claimed().equals(c.rhs().text()) || f.claimed().startsWith(c.rhs().text() + " where ")))
                .findFirst().orElse(onLine.isEmpty() ? null : onLine.get(0));
    }

    /** The statement's right-hand side as written, or read back from the finding when it has no statement. */
    private Expr claimedExpr(Finding f, Statement s) {
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
            List<Expr> arguments = new java.util.ArrayList<>();
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

    private void statement(Finding f, Statement s, Expr claimed, Set<Expr> marked) {
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

    private void formulas(Finding f, Statement s, Optional<Expr> expected, Set<Expr> markExpected, Optional<Expr> fix,
                          Set<Expr> markFix, boolean marked) {
        if (expected.isEmpty() && fix.isEmpty()) {
            return;
        }
        h.open("dl", "class", "formulas");
        if (expected.isPresent()) {
            h.element("dt", "True value");
            h.open("dd", "class", "expected");
            math.open(f.lhs() + " = " + f.expected(), false);
            lhs(f, s);
            math.op("=").expr(expected.get(), markExpected);
            math.close();
            h.close("dd");
        }
        if (fix.isPresent()) {
            h.element("dt", "Corrected, as written");
            h.open("dd", "class", "corrected");
            math.open(f.lhs() + " = " + f.fix(), false);
            lhs(f, s);
            math.op("=").expr(fix.get(), markFix);
            math.close();
            h.close("dd");
        }
        h.close("dl");
        if (marked) {
            h.open("p", "class", "muted").text("The ").element("span", "marked", "class", "legend-mark")
                    .text(" parts are where the claimed formula and the right one differ.").close("p");
        }
    }
}
