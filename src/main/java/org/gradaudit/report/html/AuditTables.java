package org.gradaudit.report.html;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gradaudit.check.AuditResult;
import org.gradaudit.check.Finding;
import org.gradaudit.check.Verdict;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Numbers;

/**
 * The tables and links of the audit page: a verdict badge, links between lines, a wrong
 * statement's counterexample, and the code run's table of gradients. They write into the page's
 * {@link Html}; {@link AuditPage} lays out the rest.
 */
final class AuditTables {
    private final AuditResult result;
    private final Html h;
    private final MathMl math;
    private final Prose prose;
    private final Formulas formulas;

    AuditTables(AuditResult result, Html h, MathMl math, Prose prose, Formulas formulas) {
        this.result = result;
        this.h = h;
        this.math = math;
        this.prose = prose;
        this.formulas = formulas;
    }

    /** A verdict as a word and a colour. */
    void badge(Verdict v) {
        String word = switch (v) {
            case CORRECT -> "\u2713 correct";
            case WRONG -> "\u2717 wrong";
            case UNVERIFIED -> "? unverified";
        };
        h.element("span", word, "class", "verdict " + v);
    }

    /** A link to the finding of a line. */
    void lineLink(int line) {
        h.element("a", "line " + line, "href", "#line-" + line);
    }

    /** Links to several lines: "line 3, line 5 and line 8". */
    void links(List<Integer> lines) {
        for (int i = 0; i < lines.size(); i++) {
            h.text(i == 0 ? "" : i == lines.size() - 1 ? " and " : ", ");
            lineLink(lines.get(i));
        }
    }

    /** The table of where a wrong statement's claimed and true values differ. */
    void counterexample(Finding f) {
        Finding.Counterexample c = f.counterexample();
        if (c == null || f.kind() == Finding.Kind.LOSS) {
            return;
        }
        Map<String, Double> at = c.values().isEmpty() ? c.point() : c.values();
        h.open("div", "class", "table-wrap");
        h.open("table", "class", "counterexample");
        h.element("caption", "Where they differ");
        h.open("thead").open("tr");
        for (String name : at.keySet()) {
            h.open("th", "scope", "col");
            Optional<Expr> e = org.gradaudit.expr.Names.isName(name) ? Optional.of(new Expr.Var(name))
                    : formulas.parse(name);
            if (e.isPresent()) {
                math.open(name, false).expr(e.get(), Set.of()).close();
            } else {
                h.text(name);
            }
            h.close("th");
        }
        h.element("th", "claimed", "scope", "col").element("th", "true", "scope", "col");
        h.close("tr").close("thead");
        h.open("tbody").open("tr");
        for (double v : at.values()) {
            h.element("td", Page.number(v), "class", "num");
        }
        h.element("td", Page.precise(c.claimed()), "class", "num claimed");
        h.element("td", Page.precise(c.expected()), "class", "num true");
        h.close("tr").close("tbody");
        h.close("table");
        h.close("div");
        if (!c.values().isEmpty() && !c.values().keySet().equals(c.point().keySet())) {
            StringBuilder from = new StringBuilder();
            c.point().forEach((k, v) -> from.append(from.length() == 0 ? "" : ", ").append(k).append(" = ")
                    .append(Numbers.coordinate(v)));
            h.open("p", "class", "muted").text("Reached from the free variables ");
            prose.write(from + ".");
            h.close("p");
        }
    }

    /** The section of the code run: each parameter's gradient as the code computes it, against the true one. */
    void codeRun(AuditResult.CodeRunResult run) {
        h.open("section");
        h.element("h2", "The code lines run in order, as published");
        StringBuilder at = new StringBuilder();
        run.point().forEach((k, v) -> at.append(at.length() == 0 ? "" : ", ").append(k).append(" = ")
                .append(Numbers.coordinate(v)));
        h.open("p").text("At ");
        prose.write(at + ".");
        h.close("p");
        if (!run.note().isEmpty()) {
            h.element("p", run.note());
        }
        h.open("div", "class", "table-wrap").open("table");
        h.element("caption", "Each parameter's gradient as the code computes it, against the true one");
        h.open("thead").open("tr");
        for (String col : new String[] {"gradient", "assigned at", "code gives", "true value", "verdict"}) {
            h.element("th", col, "scope", "col");
        }
        h.close("tr").close("thead").open("tbody");
        for (AuditResult.Gradient g : run.gradients()) {
            h.open("tr");
            h.open("th", "scope", "row");
            math.open(g.name(), false).expr(new Expr.Var(g.name()), Set.of()).close();
            h.close("th");
            h.open("td");
            lineLink(g.line());
            h.close("td");
            h.element("td", Page.precise(g.executed()), "class", "num");
            h.element("td", Page.precise(g.truth()), "class", "num");
            h.open("td");
            badge(g.agrees() ? Verdict.CORRECT : Verdict.WRONG);
            List<Integer> from = cause(g.line());
            if (!g.agrees() && !from.isEmpty()) {
                h.text(" from ");
                links(from);
            }
            h.close("td");
            h.close("tr");
        }
        h.close("tbody").close("table").close("div");
        h.close("section").newline();
    }

    /** Where a wrong gradient comes from: its own line, if wrong, then the wrong lines it consumed. */
    private List<Integer> cause(int line) {
        for (Finding f : result.findings()) {
            if (f.line() == line) {
                List<Integer> from = new java.util.ArrayList<>(f.upstream());
                if (f.verdict() == Verdict.WRONG) {
                    from.add(0, line);
                }
                return from;
            }
        }
        return List.of();
    }
}
