package org.gradaudit.expr;

import java.util.Set;

/**
 * What the parser needs to know about names: which are functions (so {@code f(x)} is a call and
 * {@code a2(1 - a2)} a product) and which are quantities (so {@code da2/dZ2} is a derivative).
 */
public interface Scope {
    boolean isFunction(String name);

    boolean isQuantity(String name);

    /** A scope of fixed sets. */
    static Scope of(Set<String> functions, Set<String> quantities) {
        Set<String> f = Set.copyOf(functions);
        Set<String> q = Set.copyOf(quantities);
        return new Scope() {
            @Override
            public boolean isFunction(String name) {
                return f.contains(name);
            }

            @Override
            public boolean isQuantity(String name) {
                return q.contains(name);
            }
        };
    }
}
