package org.gradaudit.numeric.loss;

import java.util.Objects;
import org.apache.commons.math3.complex.Complex;

/**
 * A loss restricted to some of its parameters: element {@code k} of this loss is element
 * {@code indices[k]} of the base loss, every other base element held at the base point. Probes go
 * straight to the base loss's evaluators, so a base that answers one-element moves incrementally
 * (the built-in MLP) or has a complex extension keeps doing so.
 */
public final class SubsetLoss implements PerturbableLoss {
    private final PerturbableLoss base;
    private final int[] indices;
    private final double[] basePoint;

    /**
     * @param indices distinct indices into the base loss's parameters, in the order of this loss's
     * @throws IllegalArgumentException if an index is out of range or repeated
     */
    public SubsetLoss(PerturbableLoss base, int[] indices) {
        this.base = Objects.requireNonNull(base, "base");
        this.indices = indices.clone();
        boolean[] seen = new boolean[base.dimension()];
        for (int k : this.indices) {
            if (k < 0 || k >= seen.length || seen[k]) {
                throw new IllegalArgumentException("index " + k + " is out of range [0, " + seen.length
                        + ") or repeated");
            }
            seen[k] = true;
        }
        this.basePoint = base.point();
    }

    @Override
    public int dimension() {
        return indices.length;
    }

    @Override
    public double[] point() {
        double[] p = new double[indices.length];
        for (int k = 0; k < p.length; k++) {
            p[k] = basePoint[indices[k]];
        }
        return p;
    }

    @Override
    public boolean supportsComplexStep() {
        return base.supportsComplexStep();
    }

    @Override
    public boolean smooth() {
        return base.smooth();
    }

    @Override
    public Evaluator evaluator() {
        Evaluator ev = base.evaluator();
        double[] full = new double[basePoint.length];
        return new Evaluator() {
            @Override
            public double withElement(int k, double value) {
                return ev.withElement(indices[k], value);
            }

            @Override
            public Complex withElement(int k, Complex value) {
                return ev.withElement(indices[k], value);
            }

            @Override
            public double along(double[] direction, double t) {
                return ev.along(expand(direction), t);
            }

            @Override
            public Complex along(double[] direction, Complex t) {
                return ev.along(expand(direction), t);
            }

            @Override
            public Line line(double[] direction) {
                return ev.line(expand(direction).clone());
            }

            private double[] expand(double[] direction) {
                java.util.Arrays.fill(full, 0);
                for (int k = 0; k < indices.length; k++) {
                    full[indices[k]] = direction[k];
                }
                return full;
            }
        };
    }
}
