package org.gradaudit.numeric.mlp;

import java.util.Locale;

/** Which hand-written backpropagation produces the gradient under test. */
public enum Backprop {
    /** Textbook backpropagation: {@code dZ[l-1] = (W[l]^T dZ[l]) * act'(Z[l-1])}. */
    CORRECT,
    /**
     * The published mistake {@code dZ1 = dW2 * dZ2 * primesigmoid(Z1)}: the first hidden layer's
     * error is propagated through the gradient {@code dW2} where the weights {@code W2} belong,
     * {@code dZ1 = (dW2^T dZ2) * act'(Z1)}. {@code dW2} always has the shape of {@code W2}, so this is
     * defined for every network with at least one hidden layer; deeper layers and every other line
     * stay correct, so only {@code W1} and {@code b1} come out wrong. With a hidden activation
     * other than sigmoid, that activation's derivative takes the place of {@code primesigmoid}.
     */
    PUBLISHED_DZ1;

    /** The command-line name: {@code correct} or {@code published-dz1}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * @throws IllegalArgumentException naming the accepted values, if {@code name} is neither
     */
    public static Backprop parse(String name) {
        for (Backprop b : values()) {
            if (b.toString().equals(name)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown backprop [" + name + "]; expected correct or published-dz1");
    }
}
