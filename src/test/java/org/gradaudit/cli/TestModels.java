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

    /** A static initialiser that throws: loading the class fails, which is not "class not found". */
    public static class StaticThrows extends OffByALittle {
        static final int DATA = load();

        private static int load() {
            throw new IllegalStateException("data file missing");
        }
    }

    /** A constructor that throws. */
    public static class ConstructorThrows extends OffByALittle {
        public ConstructorThrows() {
            throw new IllegalArgumentException("no weights given");
        }
    }

    /** A null among the declared parameters. */
    public static class NullParameter extends OffByALittle {
        @Override
        public List<Parameter> parameters() {
            return java.util.Arrays.asList(Parameter.of("w", 2), null);
        }
    }

    /** A checked exception from loss, thrown without being declared (as Kotlin or Lombok's @SneakyThrows do). */
    public static class SneakyChecked extends OffByALittle {
        @Override
        public double loss(double[] t) {
            return TestModels.<RuntimeException>sneaky(new java.io.IOException("weights.bin unreadable"));
        }
    }

    /** Ends the JVM with exit code 0 from inside loss: a fake pass, in a child process only. */
    public static class ExitsInLoss extends OffByALittle {
        @Override
        public double loss(double[] t) {
            System.exit(0);
            return 0;
        }
    }

    /** Never returns from loss: the watchdog's case, in a child process only. */
    public static class LoopsInLoss extends OffByALittle {
        @Override
        public double loss(double[] t) {
            long spins = 0;
            while (spins >= 0) {
                spins++;
                Thread.onSpinWait();
            }
            return spins;
        }
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> double sneaky(Throwable t) throws E {
        throw (E) t;
    }
}
