package org.gradaudit.check.grad;

import java.util.Locale;

/** How much of the gradient a check covers. */
public enum Mode {
    /** Every element, each against its own numeric derivative. */
    FULL,
    /**
     * k random directions over all parameters (1 by default): the directional derivative of the
     * loss against the claimed gradient projected on the same direction; a failing direction is
     * restricted to each tensor, and a tensor that fails is bisected down to an element.
     */
    FAST;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
