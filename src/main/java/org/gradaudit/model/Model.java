package org.gradaudit.model;

import java.util.List;
import java.util.Map;
import org.gradaudit.derivation.Derivation;

/**
 * A derivation resolved into its graph and the items to judge.
 *
 * @param aliases each alias and the quantity it names
 */
public record Model(Derivation derivation, Graph graph, List<Item> items, Map<String, String> aliases,
                    Functions functions) {
    public Model {
        items = List.copyOf(items);
        aliases = Map.copyOf(aliases);
    }
}
