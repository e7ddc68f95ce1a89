package org.gradaudit.symbolic;

import java.util.Set;

/** The built-in functions the facade accepts: the whitelist of everything Symja is ever asked. */
final class Vocabulary {
    /** Every accepted function name; each takes one argument. {@code ln} is the natural log. */
    static final Set<String> FUNCTIONS =
            Set.of("exp", "log", "ln", "sqrt", "sin", "cos", "tanh", "sigmoid", "softplus", "relu", "step");

    private Vocabulary() {
    }

    static boolean isBuiltin(String fn) {
        return FUNCTIONS.contains(fn);
    }
}
