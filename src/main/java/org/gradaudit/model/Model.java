package org.gradaudit.model;

import java.util.List;
import java.util.Map;
import org.gradaudit.derivation.Derivation;
import org.gradaudit.expr.Expr;

/**
 * A derivation resolved into its graph and the items to judge.
 *
 * @param aliases each alias and the quantity it names
 * @param named each name of a formula ({@code alias delta = (a - y)*a*(1 - a)}) and the formula
 */
public record Model(Derivation derivation, Graph graph, List<Item> items, Map<String, String> aliases,
                    Functions functions, Map<String, Expr> named) {
    public Model {
        items = List.copyOf(items);
        aliases = Map.copyOf(aliases);
        named = Map.copyOf(named);
    }
}
