package org.gradaudit.report.html;

import java.util.Set;
import org.gradaudit.expr.Expr;
import org.gradaudit.model.Model;
import org.gradaudit.symbolic.ChainRule;
import org.gradaudit.symbolic.DeriveSteps;

/**
 * The chain-rule steps as one page, for teaching: each node's definition and local derivatives,
 * then every derivative of the top node in its one-step form, the product along every path, and
 * the simplified result, all typeset.
 */
public final class DerivePage {
    private final Html h = new Html();
    private final MathMl math;

    private DerivePage(Model model) {
        this.math = new MathMl(h, Notation.forNames(Formulas.of(model.derivation()).vocabulary()));
    }

    /** The page for {@code derive}. */
    public static String render(Model model, DeriveSteps steps, String version) {
        return new DerivePage(model).page(model, steps, version);
    }

    private String page(Model model, DeriveSteps steps, String version) {
        String file = model.derivation().file();
        String title = model.derivation().title();
        Page.start(h, "Derivatives of " + steps.top() + ": " + (title.isEmpty() ? file : title));
        h.open("header");
        h.open("h1").text("Derivatives of ");
        math.formula(new Expr.Var(steps.top()), steps.top(), false);
        h.text(" by the chain rule").close("h1");
        h.open("p", "class", "source");
        if (!title.isEmpty()) {
            h.text("\u201c" + title + "\u201d \u00b7 ");
        }
        h.element("code", file).close("p");
        h.close("header").newline();
        if (!steps.locals().isEmpty()) {
            h.open("section");
            h.element("h2", "Local derivatives: each node by the names its definition uses");
            h.open("div", "class", "table-wrap").open("table");
            h.element("caption", "A node's definition, and its derivative with respect to each name it uses");
            h.open("thead").open("tr").element("th", "node", "scope", "col").element("th", "definition", "scope", "col")
                    .element("th", "local derivatives", "scope", "col").close("tr").close("thead");
            h.open("tbody");
            for (DeriveSteps.Local l : steps.locals()) {
                h.open("tr");
                h.open("th", "scope", "row");
                math.formula(new Expr.Var(l.node()), l.node(), false);
                h.close("th");
                h.open("td", "class", "chain");
                math.formula(l.definition(), l.definition().toString(), false);
                h.close("td");
                h.open("td", "class", "chain");
                for (DeriveSteps.Partial p : l.partials()) {
                    h.open("div");
                    Expr.Deriv d = new Expr.Deriv(l.node(), p.wrt());
                    math.open(d + " = " + p.value(), false).expr(d, Set.of()).op("=").expr(p.value(), Set.of()).close();
                    h.close("div");
                }
                h.close("td");
                h.close("tr");
            }
            h.close("tbody").close("table").close("div");
            h.close("section").newline();
        }
        h.open("section");
        h.open("h2").text("Derivatives of ");
        math.formula(new Expr.Var(steps.top()), steps.top(), false);
        h.text(", in reverse over the graph").close("h2");
        h.element("p", "Each in three forms: one step of the chain rule (through the nodes that use the name"
                + " directly), the product along every path from the top down, and the result in the graph's"
                + " names, simplified.");
        h.open("dl", "class", "chain");
        for (ChainRule.Derivative d : steps.derivatives()) {
            Expr.Deriv lhs = new Expr.Deriv(d.of(), d.wrt());
            h.open("dt", "id", "d-" + d.wrt()).text("With respect to ");
            math.formula(new Expr.Var(d.wrt()), d.wrt(), false);
            h.close("dt");
            form("one step", lhs, d.step());
            if (!d.chained().equals(d.step())) {
                form("along every path", lhs, d.chained());
            }
            form("simplified", lhs, d.closed());
        }
        h.close("dl");
        if (steps.stopped()) {
            h.element("p", "Stopped: the time limit of " + steps.timeLimit().toSeconds() + " s ran out; raise"
                    + " --time-limit or ask for one derivative with --wrt.");
        }
        h.close("section").newline();
        Page.end(h, version, "gradaudit derive " + file + " --format html -o derive.html");
        return h.finish();
    }

    private void form(String label, Expr.Deriv lhs, Expr value) {
        h.open("dd");
        h.element("span", label + ": ", "class", "muted");
        math.open(lhs + " = " + value, false).expr(lhs, Set.of()).op("=").expr(value, Set.of()).close();
        h.close("dd");
    }
}
