package org.gradaudit.check;

/** What kind of mistake a wrong statement is, found by testing hypotheses against the truth. */
public enum Diagnosis {
    /** claimed = -true. */
    SIGN("sign"),
    /** One additive term has the wrong sign. */
    TERM_SIGN("term-sign"),
    /** claimed = k * true for a constant k other than 1 and -1. */
    FACTOR("factor"),
    /** A function is applied to the wrong quantity, e.g. primesigmoid(Z1) for primesigmoid(Z2). */
    WRONG_ARGUMENT("wrong-argument"),
    /** One quantity of the graph is used where another belongs. */
    SUBSTITUTED_SYMBOL("substituted-symbol"),
    /** Removing one factor makes it right. */
    EXTRA_FACTOR("extra-factor"),
    /** Multiplying by one factor makes it right. */
    MISSING_FACTOR("missing-factor"),
    /** A chain-rule product of the wrong derivatives. */
    WRONG_CHAIN("wrong-chain"),
    /** Operators grouped otherwise than meant, e.g. 1/1 + e^-z for 1/(1 + e^-z). */
    PRECEDENCE("precedence"),
    /** A code line reads a parameter that an earlier update already changed. */
    UPDATED_PARAMETER("updated-parameter"),
    /** None of the above explains it. */
    OTHER("other");

    private final String label;

    Diagnosis(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
