package org.gradaudit.numeric.mlp;

import org.gradaudit.bounds.MemoryBudget;
import org.gradaudit.gradient.CheckTarget;
import org.gradaudit.gradient.Tensor;

/** The built-in MLP as a {@link CheckTarget}: its gradient from one of its backprops, its loss probed by the checker. */
public final class MlpTargets {
    private MlpTargets() {
    }

    /**
     * The built-in MLP drawn from {@code seed}, its gradient from the given backprop.
     *
     * @throws IllegalArgumentException if the variant does not apply to the network's shape
     */
    public static CheckTarget mlp(MlpSpec spec, long seed, Backprop backprop) {
        MemoryBudget.require("the network " + spec.describe(), spec.bytes());
        Mlp mlp = new Mlp(spec, seed);
        return mlp(mlp, mlp.initialParameters(), backprop);
    }

    /**
     * The built-in MLP at the given parameters (for example with a pre-activation placed at a kink).
     *
     * @throws IllegalArgumentException if {@code theta} has the wrong length or the variant does not apply
     */
    public static CheckTarget mlp(Mlp mlp, double[] theta, Backprop backprop) {
        MlpSpec spec = mlp.spec();
        double[] claimed = mlp.gradient(theta, backprop);
        String description = spec.describe() + (backprop == Backprop.CORRECT ? "" : ", backprop " + backprop);
        return new CheckTarget(description, Tensor.layout(mlp.parameterNames(), mlp.parameterShapes()), claimed,
                new MlpLoss(mlp, theta));
    }
}
