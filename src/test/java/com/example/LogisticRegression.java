package com.example;

import java.util.List;
import java.util.Random;
import org.gradaudit.testing.GradientModel;

/** The example of docs/check.md: logistic regression on 8 fixed points, its gradient by hand. */
public class LogisticRegression implements GradientModel {
    private final double[][] x = new double[8][3];
    private final double[] y = new double[8];

    public LogisticRegression() {
        Random r = new Random(42);
        for (int e = 0; e < 8; e++) {
            for (int i = 0; i < 3; i++) {
                x[e][i] = r.nextGaussian();
            }
            y[e] = r.nextBoolean() ? 1 : 0;
        }
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(Parameter.of("w", 3), Parameter.of("b", 1));
    }

    @Override
    public double[] initialParameters(long seed) {
        Random r = new Random(seed);
        return new double[] {r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), 0.1};
    }

    @Override
    public double loss(double[] theta) {
        double sum = 0;
        for (int e = 0; e < 8; e++) {
            double z = theta[3];
            for (int i = 0; i < 3; i++) {
                z += theta[i] * x[e][i];
            }
            // binary cross-entropy from the logit: softplus(z) - y z
            sum += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - y[e] * z;
        }
        return sum / 8;
    }

    @Override
    public double[] gradient(double[] theta) {
        double[] g = new double[4];
        for (int e = 0; e < 8; e++) {
            double z = theta[3];
            for (int i = 0; i < 3; i++) {
                z += theta[i] * x[e][i];
            }
            double dz = (1 / (1 + Math.exp(-z)) - y[e]) / 8;
            for (int i = 0; i < 3; i++) {
                g[i] += dz * x[e][i];
            }
            g[3] += dz;
        }
        return g;
    }
}
