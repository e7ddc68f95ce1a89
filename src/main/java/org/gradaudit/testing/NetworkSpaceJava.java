package org.gradaudit.testing;

import java.util.Set;

/**
 * {@link NetworkSpace#toString()}: a space printed as the Java that makes it, such as
 * {@code NetworkSpace.defaults().withHiddenLayers(1, 2).awayFromKinks(0.001)}, so that a failure
 * message names the space to rerun.
 */
final class NetworkSpaceJava {
    private NetworkSpaceJava() {
    }

    /** The space as the Java that makes it, naming only what differs from {@code defaults}. */
    static String print(NetworkSpace s, NetworkSpace defaults) {
        StringBuilder b = new StringBuilder("NetworkSpace.defaults()");
        if (s.minHidden != defaults.minHidden || s.maxHidden != defaults.maxHidden) {
            b.append(".withHiddenLayers(").append(s.minHidden).append(", ").append(s.maxHidden).append(')');
        }
        if (s.maxUnits != defaults.maxUnits) {
            b.append(".withMaxUnits(").append(s.maxUnits).append(')');
        }
        if (s.maxBatch != defaults.maxBatch) {
            b.append(".withMaxBatch(").append(s.maxBatch).append(')');
        }
        enums(b, "withActivations", "Network.Activation.", s.activations, Network.Activation.values());
        enums(b, "withOutputs", "Network.Output.", s.outputs, Network.Output.values());
        enums(b, "withLosses", "Network.Loss.", s.losses, Network.Loss.values());
        if (s.parameterLow != defaults.parameterLow || s.parameterHigh != defaults.parameterHigh) {
            b.append(".withParameters(").append(s.parameterLow).append(", ").append(s.parameterHigh).append(')');
        }
        if (s.inputLow != defaults.inputLow || s.inputHigh != defaults.inputHigh) {
            b.append(".withInputs(").append(s.inputLow).append(", ").append(s.inputHigh).append(')');
        }
        if (s.kinkMargin > 0) {
            b.append(".awayFromKinks(").append(s.kinkMargin).append(')');
        }
        return b.toString();
    }

    private static <E extends Enum<E>> void enums(StringBuilder b, String method, String prefix, Set<E> have, E[] all) {
        if (have.size() == all.length) {
            return;
        }
        b.append('.').append(method).append('(');
        String sep = "";
        for (E e : all) {
            if (have.contains(e)) {
                b.append(sep).append(prefix).append(e.name());
                sep = ", ";
            }
        }
        b.append(')');
    }
}
