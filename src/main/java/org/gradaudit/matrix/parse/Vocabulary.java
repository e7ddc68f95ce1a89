package org.gradaudit.matrix.parse;

import java.util.List;
import java.util.Set;

/**
 * What the names of a file are.
 *
 * @param macros the file's functions and aliases
 * @param parameters the parameters of the function whose body is read, or empty outside one
 */
record Vocabulary(Set<String> dims, Set<String> quantities, String loss, Macros macros, List<String> parameters) {
    /** The vocabulary inside the body of a function with these parameters. */
    Vocabulary body(List<String> params) {
        return new Vocabulary(dims, Set.copyOf(params), "", macros, params);
    }
}
