package org.gradaudit.numeric.loss;

import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.complex.Complex;

/**
 * A {@link PerturbableLoss} from any function of the whole parameter vector: every probe is one
 * full evaluation. Each evaluator passes the function its own array, which the function must not
 * keep; the function must be safe to call from several threads at once.
 */
public final class FunctionLoss implements PerturbableLoss {
    private final ToDoubleFunction<double[]> f;
    private final double[] point;

    public FunctionLoss(ToDoubleFunction<double[]> f, double[] point) {
        this.f = Objects.requireNonNull(f, "f");
        this.point = point.clone();
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
        return false;
    }

    @Override
    public Evaluator evaluator() {
        double[] buf = point.clone();
        return new Evaluator() {
            @Override
            public double withElement(int k, double value) {
                buf[k] = value;
                try {
                    return f.applyAsDouble(buf);
                } finally {
                    System.arraycopy(point, 0, buf, 0, buf.length);
                }
            }

            @Override
            public Complex withElement(int k, Complex value) {
                throw new UnsupportedOperationException("this loss has no complex extension");
            }

            @Override
            public double along(double[] direction, double t) {
                for (int i = 0; i < buf.length; i++) {
                    buf[i] = point[i] + t * direction[i];
                }
                try {
                    return f.applyAsDouble(buf);
                } finally {
                    System.arraycopy(point, 0, buf, 0, buf.length);
                }
            }

            @Override
            public Complex along(double[] direction, Complex t) {
                throw new UnsupportedOperationException("this loss has no complex extension");
            }
        };
    }
}
