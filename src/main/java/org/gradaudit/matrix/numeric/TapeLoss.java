package org.gradaudit.matrix.numeric;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.complex.Complex;
import org.gradaudit.matrix.model.MatrixModel;
import org.gradaudit.numeric.loss.PerturbableLoss;

/**
 * A vectorized file's loss as a function of its parameters, at concrete sizes and fixed inputs, for
 * the gradient checker. A one-entry move is answered incrementally: only the block of each step
 * that the entry reaches is recomputed (for {@code W1[i, j]} in {@code Z1 = np.dot(W1, X) + b1}, row
 * i of {@code Z1}, then {@code np.dot(W2, A1)} as its base value plus {@code W2[:, i]} times the change
 * of row i). A move along a direction re-evaluates the tensors the direction moves. The complex
 * extension is the forward pass in complex arithmetic (relu and masks branch on the real part).
 *
 * <p>The parameters are the file's {@code param}s in declaration order, each row-major.
 */
public final class TapeLoss implements PerturbableLoss {
    private final Tape tape;
    private final List<String> params = new ArrayList<>();
    private final int[] leaf;
    private final int[] offset;
    private final double[] point;

    /**
     * @param free the value of every input and parameter (row-major, as the checker lays them out)
     * @throws IllegalArgumentException if the forward pass cannot be evaluated at these sizes
     */
    public TapeLoss(MatrixModel model, Map<String, Integer> sizes, Map<String, double[]> free) {
        this.tape = new Tape(model, sizes, free);
        TapeRun first = new TapeRun(tape);
        first.markAll();
        first.evaluate(false);
        for (int s = 0; s < tape.steps.size(); s++) {
            if (tape.base.get(s) == null) {
                tape.base.set(s, first.values(s).clone());
            }
        }
        for (MatrixModel.Quantity q : model.free()) {
            if (q.kind() == MatrixModel.Kind.PARAM) {
                params.add(q.name());
            }
        }
        leaf = new int[params.size()];
        offset = new int[params.size() + 1];
        for (int p = 0; p < params.size(); p++) {
            leaf[p] = tape.leaves.get(params.get(p));
            offset[p + 1] = offset[p] + tape.steps.get(leaf[p]).size();
        }
        point = new double[offset[params.size()]];
        for (int p = 0; p < params.size(); p++) {
            System.arraycopy(tape.base.get(leaf[p]), 0, point, offset[p], offset[p + 1] - offset[p]);
        }
    }

    /**
     * Bytes a loss at these sizes takes with {@code evaluators} evaluators, before anything is
     * allocated (overflow-safe); see {@link Tape#bytes}.
     */
    public static long bytes(MatrixModel model, Map<String, Integer> sizes, int evaluators) {
        return Tape.bytes(model, sizes, evaluators);
    }

    /** The number of entries of a shape at these sizes, overflow-safe ({@code Long.MAX_VALUE} when it overflows). */
    public static long entries(org.gradaudit.matrix.expr.Shape shape, Map<String, Integer> sizes) {
        return Tape.entries(shape, sizes);
    }

    /** The loss at the base point. */
    public double value() {
        return tape.base.get(tape.loss)[0];
    }

    /** Every quantity's value at the base point (inputs, parameters and nodes), as exact tensors. */
    public Map<String, Tensor> values(MatrixModel model) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : tape.leaves.keySet()) {
            out.put(name, tensor(tape.leaves.get(name)));
        }
        for (String node : model.order()) {
            out.put(node, tensor(tape.node(node)));
        }
        return out;
    }

    private Tensor tensor(int step) {
        Tape.Step s = tape.steps.get(step);
        return Tensor.exact(s.rank(), s.rows(), s.cols(), tape.base.get(step));
    }

    @Override
    public int dimension() {
        return point.length;
    }

    @Override
    public double[] point() {
        return point.clone();
    }

    @Override
    public boolean supportsComplexStep() {
        return true;
    }

    @Override
    public boolean smooth() {
        return tape.smooth;
    }

    @Override
    public Evaluator evaluator() {
        TapeRun run = new TapeRun(tape);
        return new Evaluator() {
            @Override
            public double withElement(int k, double value) {
                int p = param(k);
                run.set(leaf[p], k - offset[p], value, 0);
                double r = run.evaluate(false);
                run.restore();
                return r;
            }

            @Override
            public Complex withElement(int k, Complex value) {
                int p = param(k);
                run.set(leaf[p], k - offset[p], value.getReal(), value.getImaginary());
                double r = run.evaluate(true);
                Complex out = new Complex(r, run.imaginary());
                run.restore();
                return out;
            }

            @Override
            public double along(double[] direction, double t) {
                moveAll(direction, t, 0);
                double r = run.evaluate(false);
                run.restore();
                return r;
            }

            @Override
            public Complex along(double[] direction, Complex t) {
                moveAll(direction, t.getReal(), t.getImaginary());
                double r = run.evaluate(true);
                Complex out = new Complex(r, run.imaginary());
                run.restore();
                return out;
            }

            /** Moves each parameter the direction moves; one it leaves at 0 stays clean. */
            private void moveAll(double[] direction, double tRe, double tIm) {
                for (int p = 0; p < leaf.length; p++) {
                    boolean moves = false;
                    for (int k = offset[p]; k < offset[p + 1] && !moves; k++) {
                        moves = direction[k] != 0;
                    }
                    if (moves) {
                        run.move(leaf[p], direction, offset[p], tRe, tIm);
                    }
                }
            }
        };
    }

    private int param(int k) {
        if (k < 0 || k >= point.length) {
            throw new IndexOutOfBoundsException("parameter index [" + k + "] of [" + point.length + "]");
        }
        int p = 0;
        while (k >= offset[p + 1]) {
            p++;
        }
        return p;
    }
}
