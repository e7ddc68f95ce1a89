package org.gradaudit.check;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gradaudit.derivation.Statement;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Exprs;
import org.gradaudit.model.Model;

/**
 * The {@code where} values of a derivative claim ({@code dh/dx = 1 where x = 0}, a table of
 * activation derivatives at 0), in the graph's names: both sides are then judged with the named
 * variables held at these values. The parser has checked that each name is an input or parameter.
 */
final class WhereValues {
    private WhereValues() {
    }

    /** The held values of a claim, aliases replaced and functions inlined; empty when it holds none. */
    static Map<String, Expr> of(Statement statement, Model model) {
        if (!(statement instanceof Statement.Claim c) || c.where().isEmpty()) {
            return Map.of();
        }
        Map<String, Expr> spelled = new HashMap<>();
        model.aliases().forEach((alias, name) -> spelled.put(alias, new Expr.Var(name)));
        Map<String, Expr> out = new LinkedHashMap<>();
        for (Statement.Where w : c.where()) {
            String name = model.aliases().getOrDefault(w.name(), w.name());
            out.put(name, model.functions().inline(Exprs.substitute(w.value().expr(), spelled)));
        }
        return out;
    }
}
