package org.gradaudit.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Exprs;

/** The functions a derivation defines with {@code fn}, and their inlining into built-ins. */
public final class Functions {
    /** A function's parameters and its body, which calls only built-ins. */
    public record Definition(List<String> params, Expr body) {
        public Definition {
            params = List.copyOf(params);
        }
    }

    private final Map<String, Definition> definitions;

    Functions(Map<String, Definition> definitions) {
        this.definitions = Map.copyOf(definitions);
    }

    /** The expression with every call of a derivation's function replaced by its body. */
    public Expr inline(Expr e) {
        return Exprs.map(e, x -> {
            if (x instanceof Expr.Call c && definitions.containsKey(c.fn())) {
                Definition d = definitions.get(c.fn());
                Map<String, Expr> binding = new HashMap<>();
                for (int i = 0; i < d.params().size(); i++) {
                    binding.put(d.params().get(i), c.args().get(i));
                }
                return Exprs.substitute(d.body(), binding);
            }
            return x;
        });
    }
}
