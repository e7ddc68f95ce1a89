package org.gradaudit.numeric.mlp;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The loss of one example; the network's loss is the mean over the batch.
 * <ul>
 *   <li>{@code bce}: binary cross-entropy summed over output units,
 *       {@code -sum(y log a + (1-y) log(1-a))}, targets 0 or 1;
 *   <li>{@code cross-entropy}: categorical cross-entropy {@code -sum(y log a)}, one-hot targets;
 *   <li>{@code mse}: the mean over output units of {@code (a - y)^2}.
 * </ul>
 */
public enum Loss {
    BCE, CROSS_ENTROPY, MSE;

    /** The command-line name: {@code bce}, {@code cross-entropy}, {@code mse}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The loss with the given command-line name.
     *
     * @throws IllegalArgumentException naming the accepted values, if there is none
     */
    public static Loss parse(String name) {
        for (Loss l : values()) {
            if (l.toString().equals(name)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown loss [" + name + "]; expected one of "
                + Arrays.stream(values()).map(Loss::toString).collect(Collectors.joining(", ")));
    }
}
