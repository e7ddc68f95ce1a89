package org.gradaudit.derivation;

import java.util.List;
import java.util.stream.Collectors;

/** A derivation file that cannot be audited: every problem found, each with its position. */
public final class DerivationException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public DerivationException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public DerivationException(Problem problem) {
        this(List.of(problem));
    }

    public List<Problem> problems() {
        return problems;
    }
}
