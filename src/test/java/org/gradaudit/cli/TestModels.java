package org.gradaudit.cli;

import java.util.List;
import org.gradaudit.testing.GradientModel;

/** Broken user models for CheckCommandTest. */
public final class TestModels {
    private TestModels() {
    }

    /** f = sum x^2 with gradient 2x, except element 1, whose gradient is off by 1e-3. */
    public static class OffByALittle implements GradientModel {
        @Override
        public List<Parameter> parameters() {
            return List.of(Parameter.of("w", 2, 2));
        }

        @Override
        public double[] initialParameters(long seed) {
            return new double[] {0.5, -1, 2, 0.25};
        }

        @Override
        public double loss(double[] t) {
            double s = 0;
            for (double v : t) {
                s += v * v;
            }
            return s;
        }

        @Override
        public double[] gradient(double[] t) {
            double[] g = new double[t.length];
            for (int i = 0; i < t.length; i++) {
                g[i] = 2 * t[i];
            }
            g[1] += 1e-3;
            return g;
        }
    }

    public static class Throwing extends OffByALittle {
        @Override
        public double loss(double[] t) {
            throw new IllegalStateException("no data loaded");
        }
    }

    public static class NanLoss extends OffByALittle {
        @Override
        public double loss(double[] t) {
            return Double.NaN;
        }
    }

    public static class WrongLength extends OffByALittle {
        @Override
        public double[] gradient(double[] t) {
            return new double[3];
        }
    }

    public static class NanGradient extends OffByALittle {
        @Override
        public double[] gradient(double[] t) {
            double[] g = super.gradient(t);
            g[2] = Double.NaN;
            return g;
        }
    }

    /** Not a GradientModel. */
    public static class NotAModel {
    }
}
