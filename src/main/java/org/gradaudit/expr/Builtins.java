package org.gradaudit.expr;

import java.util.Map;
import java.util.Set;

/** The mathematical vocabulary a derivation file can use without defining it. */
public final class Builtins {
    /**
     * Functions of one argument, each with a derivative the CAS knows ({@code relu' = step},
     * {@code step' = 0}, with {@code step(0) = 0} as backprop takes it). Nothing else can be called.
     */
    public static final Set<String> FUNCTIONS =
            Set.of("exp", "log", "ln", "sqrt", "sin", "cos", "tanh", "sigmoid", "softplus", "relu", "step");

    /** Named constants; like the functions, they cannot be declared, defined or aliased anew. */
    public static final Map<String, Double> CONSTANTS = Map.of("e", Math.E, "pi", Math.PI);

    private Builtins() {
    }

    /** The closest built-in or given name to a misspelt one, or null when none is close. */
    public static String closest(String name, Iterable<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(name.toLowerCase(), c.toLowerCase());
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return bestDistance <= Math.max(1, name.length() / 3) ? best : null;
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
