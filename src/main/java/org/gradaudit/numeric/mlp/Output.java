package org.gradaudit.numeric.mlp;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The output layer's activation. */
public enum Output {
    SIGMOID, SOFTMAX, IDENTITY;

    /** The command-line name: {@code sigmoid}, {@code softmax}, {@code identity}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The output with the given command-line name.
     *
     * @throws IllegalArgumentException naming the accepted values, if there is none
     */
    public static Output parse(String name) {
        for (Output o : values()) {
            if (o.toString().equals(name)) {
                return o;
            }
        }
        throw new IllegalArgumentException("unknown output [" + name + "]; expected one of "
                + Arrays.stream(values()).map(Output::toString).collect(Collectors.joining(", ")));
    }
}
