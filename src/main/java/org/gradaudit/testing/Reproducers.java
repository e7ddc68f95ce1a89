package org.gradaudit.testing;

import java.util.stream.Collectors;

/** Java expressions that rebuild a case exactly, for failure messages: doubles in their shortest round-trip form. */
final class Reproducers {
    private Reproducers() {
    }

    /** {@code new NetworkCase(new Network(List.of(2, 3, 1), Network.Activation.SIGMOID, ...), ...)}. */
    static String java(NetworkCase c) {
        Network n = c.network();
        return "new NetworkCase(new Network(List.of(" + n.layers().stream().map(String::valueOf)
                .collect(Collectors.joining(", ")) + "), Network.Activation." + n.activation().name()
                + ", Network.Output." + n.output().name() + ", Network.Loss." + n.loss().name() + ", " + n.batch()
                + "), " + java(c.parameters()) + ", " + java(c.inputs()) + ", " + java(c.targets()) + ")";
    }

    /** {@code new double[] {0.5, -1.0E-5}}: Double.toString is exact on the way back and independent of the locale. */
    static String java(double[] v) {
        StringBuilder b = new StringBuilder("new double[] {");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ", ").append(v[i]);
        }
        return b.append('}').toString();
    }
}
