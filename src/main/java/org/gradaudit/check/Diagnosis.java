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
    /** A factor that should be a function's derivative is something else (the function, another's derivative). */
    WRONG_DERIVATIVE("wrong-derivative"),
    /** One operator replaced by another, or a composition where a product belongs. */
    WRONG_OPERATOR("wrong-operator"),
    /** An additive term is missing, e.g. the contribution of a second path through the graph. */
    MISSING_TERM("missing-term"),
    /** An additive term that does not belong. */
    EXTRA_TERM("extra-term"),
    /** A mean where a sum belongs, a sum where a mean belongs, or the mean's 1/n applied twice. */
    AVERAGING("averaging"),
    /** A derivative with respect to a name the quantity does not use: its true value is 0. */
    UNUSED("unused"),
    /** A code line reads a parameter that an earlier update already changed. */
    UPDATED_PARAMETER("updated-parameter"),
    /** A vectorized formula needs one more {@code .T} (the shapes say where). */
    MISSING_TRANSPOSE("missing-transpose"),
    /** A vectorized formula has one {@code .T} too many. */
    EXTRA_TRANSPOSE("extra-transpose"),
    /** The operands of a matrix product are the wrong way round. */
    OPERAND_ORDER("operand-order"),
    /** {@code *} (elementwise) where {@code np.dot} belongs, or the other way round. */
    ELEMENTWISE_VS_MATMUL("elementwise-vs-matmul"),
    /** A sum or mean over the wrong axis. */
    WRONG_AXIS("wrong-axis"),
    /** A sum over the batch (or another axis) is missing. */
    MISSING_SUM("missing-sum"),
    /** A reduction without {@code keepdims=True} leaves a rank-1 array that broadcasts wrongly. */
    RANK_1("rank-1"),
    /** The claim is the batch size times the truth: a {@code 1/m} is missing (the ratio tracks m across size draws). */
    MISSING_MEAN("missing-mean"),
    /** The claim is the truth divided by the batch size: one {@code 1/m} too many. */
    EXTRA_MEAN("extra-mean"),
    /** None of the above explains it. */
    OTHER("other");

    private final String label;

    /** Whether this kind is about shapes or batch means, and so only found in vectorized derivations. */
    public boolean vectorized() {
        return ordinal() >= MISSING_TRANSPOSE.ordinal() && ordinal() <= EXTRA_MEAN.ordinal();
    }

    Diagnosis(String label) {
        this.label = label;
    }

    @Override
    public String toString() {
        return label;
    }
}
