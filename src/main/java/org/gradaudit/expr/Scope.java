package org.gradaudit.expr;

import java.util.Map;
import java.util.Set;

/**
 * What the parser needs to know about names: which are functions (so {@code f(x)} is a call and
 * {@code a2(1 - a2)} a product) and which are quantities (so {@code da2/dZ2} is a derivative).
 */
public interface Scope {
    boolean isFunction(String name);

    boolean isQuantity(String name);

    /**
     * The function a call of {@code name} means: {@code name} itself, or the function it is another
     * spelling of ({@code sigmoid} for {@code σ} after {@code alias σ = sigmoid}).
     */
    default String function(String name) {
        return name;
    }

    /** A scope of fixed sets. */
    static Scope of(Set<String> functions, Set<String> quantities) {
        return of(functions, quantities, Map.of());
    }

    /**
     * A scope of fixed sets, with other spellings of functions: each key of {@code spellings} is a
     * function that means the function it maps to.
     */
    static Scope of(Set<String> functions, Set<String> quantities, Map<String, String> spellings) {
        Set<String> f = Set.copyOf(functions);
        Set<String> q = Set.copyOf(quantities);
        Map<String, String> a = Map.copyOf(spellings);
        return new Scope() {
            @Override
            public String function(String name) {
                return a.getOrDefault(name, name);
            }

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
