package org.gradaudit.numeric.mlp;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A hidden layer's activation function, with its derivative and its complex extension. */
public enum Activation {
    SIGMOID {
        @Override
        public double apply(double z) {
            return Mlp.sigmoid(z);
        }

        @Override
        double derivative(double z, double a) {
            return a * (1 - a);
        }

        @Override
        void applyInPlace(MutableCx z) {
            z.sigmoid();
        }
    },
    TANH {
        @Override
        public double apply(double z) {
            return Math.tanh(z);
        }

        @Override
        double derivative(double z, double a) {
            return 1 - a * a;
        }

        @Override
        void applyInPlace(MutableCx z) {
            z.tanh();
        }
    },
    /** max(0, z); its derivative at 0 is taken to be 0, as in most frameworks. */
    RELU {
        @Override
        public double apply(double z) {
            return z > 0 ? z : 0;
        }

        @Override
        double derivative(double z, double a) {
            return z > 0 ? 1 : 0;
        }

        @Override
        void applyInPlace(MutableCx z) {
            if (!(z.re > 0)) {
                z.set(0, 0);
            }
        }

        @Override
        boolean smooth() {
            return false;
        }
    },
    IDENTITY {
        @Override
        public double apply(double z) {
            return z;
        }

        @Override
        double derivative(double z, double a) {
            return 1;
        }

        @Override
        void applyInPlace(MutableCx z) {
        }
    };

    /** The activation's value at {@code z}. */
    public abstract double apply(double z);

    /** The derivative at {@code z}, given {@code a = apply(z)}. */
    abstract double derivative(double z, double a);

    /** The complex extension at {@code z}. */
    Cx apply(Cx z) {
        MutableCx m = z.mutable();
        applyInPlace(m);
        return m.toCx();
    }

    /** The complex extension, replacing {@code z} by its value there: no object made. */
    abstract void applyInPlace(MutableCx z);

    /** Whether the function is differentiable everywhere. */
    boolean smooth() {
        return true;
    }

    /** The command-line name: {@code sigmoid}, {@code tanh}, {@code relu}, {@code identity}. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The activation with the given command-line name.
     *
     * @throws IllegalArgumentException naming the accepted values, if there is none
     */
    public static Activation parse(String name) {
        for (Activation a : values()) {
            if (a.toString().equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation [" + name + "]; expected one of "
                + Arrays.stream(values()).map(Activation::toString).collect(Collectors.joining(", ")));
    }
}
