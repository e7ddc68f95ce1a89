package org.gradaudit.matrix.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.gradaudit.bounds.MemoryBudget;
import org.gradaudit.gradient.CheckTarget;
import org.gradaudit.matrix.model.MatrixModel;
import org.gradaudit.matrix.numeric.TapeLoss;

/**
 * A vectorized file as a gradient-check target at sizes the user gives ({@code --dims}): inputs
 * and parameters drawn from a seed, the file's code lines run in order, as published, at those
 * sizes ({@link CodeGradients}), and the file's loss ({@link TapeLoss}) for the numeric side. A
 * parameter whose gradient the code does not give (no code line, a line that cannot run, a value of
 * another shape) is listed as unclaimed, with the reason, and fails the check.
 */
public final class CheckTargets {
    /** Draws of the inputs and parameters tried before giving up on a finite loss. */
    private static final int ATTEMPTS = 8;

    private CheckTargets() {
    }

    /**
     * @param sizes a size for every dimension the file declares, each at least 1
     * @param evaluators how many evaluators of the loss the check may hold at once (threads, plus one)
     * @throws IllegalArgumentException if a dimension has no size, the sizes would need more memory
     *     than the budget, no draw gives a finite loss, or a code line uses a gradient before any
     *     line assigns it (each message names the file, and the line where there is one)
     */
    public static CheckTarget of(MatrixModel model, Map<String, Integer> sizes, long seed, int evaluators) {
        String file = model.derivation().source().file();
        for (String d : model.dims()) {
            Integer n = sizes.get(d);
            if (n == null || n < 1) {
                throw new IllegalArgumentException(file + ": dimension " + d + " needs a size of at least 1");
            }
        }
        if (params(model).isEmpty()) {
            throw new IllegalArgumentException(file + ": the derivation declares no 'param', so there is no gradient"
                    + " to check");
        }
        String at = model.dims().stream().map(d -> d + "=" + sizes.get(d)).collect(Collectors.joining(", "));
        MemoryBudget.require("the sizes " + at + " of " + file, TapeLoss.bytes(model, sizes, evaluators));
        Random random = new Random(seed);
        TapeLoss loss = null;
        for (int attempt = 0; attempt < ATTEMPTS && (loss == null || !Double.isFinite(loss.value())); attempt++) {
            loss = new TapeLoss(model, sizes, draw(model, sizes, random));
        }
        if (!Double.isFinite(loss.value())) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s: the loss is %s at every one of %d"
                    + " random points (seed %d) at %s; check the ranges of the inputs", file, loss.value(), ATTEMPTS,
                    seed, at));
        }
        CodeGradients code = CodeGradients.run(model, sizes, loss.values(model));
        return new CheckTarget("derivation " + file + " at " + at + ", code lines run in order as published",
                code.tensors(), code.claimed(), loss, code.unclaimed());
    }

    /**
     * Every input and parameter drawn uniformly from its range, row-major. A parameter matrix whose
     * range holds 0 is drawn from its range divided by the square root of its larger dimension (its
     * fan-in in either layout, like Glorot's scaling), so that a 784-input layer does not saturate
     * its activations and leave gradients of exactly 0 to compare.
     */
    static Map<String, double[]> draw(MatrixModel model, Map<String, Integer> sizes, Random random) {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (MatrixModel.Quantity q : model.free()) {
            long n = TapeLoss.entries(q.shape(), sizes);
            double scale = 1;
            if (q.kind() == MatrixModel.Kind.PARAM && q.low() <= 0 && q.high() >= 0) {
                long larger = 1;
                for (org.gradaudit.matrix.expr.Dim d : q.shape().dims()) {
                    larger = Math.max(larger, TapeLoss.entries(
                            new org.gradaudit.matrix.expr.Shape(List.of(d)), sizes));
                }
                scale = 1 / Math.sqrt(larger);
            }
            double[] v = new double[(int) n];
            for (int k = 0; k < v.length; k++) {
                v[k] = scale * (q.low() + (q.high() - q.low()) * random.nextDouble());
            }
            out.put(q.name(), v);
        }
        return out;
    }

    /** The parameters' names, for messages. */
    static List<String> params(MatrixModel model) {
        List<String> out = new ArrayList<>();
        for (MatrixModel.Quantity q : model.free()) {
            if (q.kind() == MatrixModel.Kind.PARAM) {
                out.add(q.name());
            }
        }
        return out;
    }
}
