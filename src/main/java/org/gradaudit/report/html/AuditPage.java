package org.gradaudit.report.html;

import java.util.HashMap;
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
 * differs marked, the counterexample, and links to the lines it consumes; then the code run. The
 * formulas are typeset by {@link StatementMath}, the tables and links by {@link AuditTables}.
 */
public final class AuditPage {
    /** Most separate parts of a formula marked as differing; past it, marking helps no reader. */
    private static final int MARK_LIMIT = 3;

    private final AuditResult result;
    private final Html h = new Html();
    private final Formulas formulas;
    private final MathMl math;
    private final Prose prose;
    /** How many findings of each line the page has shown so far. */
    private final Map<Integer, Integer> onPage = new HashMap<>();
    private final AuditTables tables;
    private final StatementMath written;

    private AuditPage(AuditResult result) {
        this.result = result;
        this.formulas = Formulas.of(result.derivation());
        this.math = new MathMl(h, Notation.forNames(formulas.vocabulary()));
        this.prose = new Prose(h, math, formulas);
        this.tables = new AuditTables(result, h, math, prose, formulas);
        this.written = new StatementMath(result.derivation(), h, math, formulas);
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
        Statement s = written.statementOf(f);
        Expr claimed = written.claimedExpr(f, s);
        Optional<Expr> fix = formulas.parse(f.fix());
        Optional<Expr> expected = formulas.parse(f.expected());
        Set<Expr> markClaimed = Differences.identitySet();
        Set<Expr> markFix = Differences.identitySet();
        Set<Expr> markExpected = Differences.identitySet();
        if (claimed != null && f.verdict() == Verdict.WRONG) {
            if (fix.isPresent()) {
                Differences.differences(claimed, fix.get(), markClaimed, markFix, MARK_LIMIT);
            } else if (expected.isPresent()) {
                Differences.differences(claimed, expected.get(), markClaimed, markExpected, MARK_LIMIT);
            }
        }
        h.open("div", "class", "statement");
        written.statement(f, s, claimed, markClaimed);
        h.close("div");
        if (f.verdict() == Verdict.CORRECT) {
            notes(f);
        } else {
            h.open("p", "class", "diagnosis-text");
            prose.write(f.message());
            h.close("p");
            if (f.verdict() == Verdict.WRONG) {
                written.formulas(f, s, expected, markExpected, fix, markFix, !markClaimed.isEmpty());
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
}
