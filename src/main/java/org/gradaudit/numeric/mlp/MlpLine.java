package org.gradaudit.numeric.mlp;

import org.apache.commons.math3.complex.Complex;
import org.gradaudit.numeric.loss.PerturbableLoss;

/**
 * The MLP's loss along one direction {@code v}, {@code t -> L(theta + t v)}, for the probes of one
 * directional derivative. The inputs are fixed, so the first layer's pre-activations are affine in
 * {@code t}: {@code Z1(t) = Z1 + t D1} with {@code D1 = V1 X + vb1}, for real and complex {@code t}
 * alike. {@code D1} is computed once per direction, skipping the rows of {@code V1} that are zero
 * (a bisection's half-directions), and it is the only product with the inputs, the widest layer
 * of a network like 784-64-10: each probe then costs the layers after the first. Moving along
 * {@code t} changes {@code Z1} by {@code t D1} computed directly rather than as the difference of
 * two rounded products, so the probes are, if anything, less noisy than whole forward passes.
 *
 * <p>Not thread-safe: one per evaluator, as the evaluator itself.
 */
final class MlpLine implements PerturbableLoss.Line {
    private final Mlp mlp;
    private final double[] theta;
    private final Mlp.Forward base;
    private final double[] v;
    /** {@code D1}, example-major like {@code Z1}. */
    private final double[] d1;
    private final double[] pr;
    private final double[] pi;
    private final double[] zr;
    private final double[] zi;
    private final double[] ar;
    private final double[] ai;

    MlpLine(Mlp mlp, double[] theta, Mlp.Forward base, double[] direction, int widest) {
        if (direction.length != theta.length) {
            throw new IllegalArgumentException("expected a direction of " + theta.length + " elements, got "
                    + direction.length);
        }
        this.mlp = mlp;
        this.theta = theta;
        this.base = base;
        this.v = direction.clone();
        int n0 = mlp.n[0];
        int n1 = mlp.n[1];
        d1 = new double[mlp.m * n1];
        double[] x = mlp.x;
        for (int j = 0; j < n1; j++) {
            int w = mlp.wOff[1] + j * n0;
            boolean zeroRow = true;
            for (int i = 0; i < n0 && zeroRow; i++) {
                zeroRow = v[w + i] == 0;
            }
            double vb = v[mlp.bOff[1] + j];
            for (int e = 0; e < mlp.m; e++) {
                double s = 0;
                if (!zeroRow) {
                    int xi = e * n0;
                    for (int i = 0; i < n0; i++) {
                        s += v[w + i] * x[xi + i];
                    }
                }
                d1[e * n1 + j] = s + vb;
            }
        }
        pr = new double[theta.length];
        pi = new double[theta.length];
        zr = new double[widest];
        zi = new double[widest];
        ar = new double[widest];
        ai = new double[widest];
    }

    @Override
    public double at(double t) {
        int from = mlp.depth > 1 ? mlp.wOff[2] : theta.length;
        for (int q = from; q < theta.length; q++) {
            pr[q] = theta[q] + t * v[q];
        }
        int n1 = mlp.n[1];
        double sum = 0;
        for (int e = 0; e < mlp.m; e++) {
            for (int j = 0; j < n1; j++) {
                zr[j] = base.z()[1][e * n1 + j] + t * d1[e * n1 + j];
            }
            for (int l = 1; l < mlp.depth; l++) {
                int nin = mlp.n[l];
                int nout = mlp.n[l + 1];
                for (int i = 0; i < nin; i++) {
                    ar[i] = mlp.act.apply(zr[i]);
                }
                for (int r = 0; r < nout; r++) {
                    double s = 0;
                    int w = mlp.wOff[l + 1] + r * nin;
                    for (int i = 0; i < nin; i++) {
                        s += pr[w + i] * ar[i];
                    }
                    zr[r] = s + pr[mlp.bOff[l + 1] + r];
                }
            }
            sum += mlp.head.loss(zr, 0, mlp.y, e * mlp.n[mlp.depth]);
        }
        return sum / mlp.m;
    }

    @Override
    public Complex at(Complex t) {
        double tr = t.getReal();
        double ti = t.getImaginary();
        int from = mlp.depth > 1 ? mlp.wOff[2] : theta.length;
        for (int q = from; q < theta.length; q++) {
            pr[q] = theta[q] + tr * v[q];
            pi[q] = ti * v[q];
        }
        int n1 = mlp.n[1];
        Cx sum = Cx.ZERO;
        for (int e = 0; e < mlp.m; e++) {
            for (int j = 0; j < n1; j++) {
                zr[j] = base.z()[1][e * n1 + j] + tr * d1[e * n1 + j];
                zi[j] = ti * d1[e * n1 + j];
            }
            for (int l = 1; l < mlp.depth; l++) {
                int nin = mlp.n[l];
                int nout = mlp.n[l + 1];
                for (int i = 0; i < nin; i++) {
                    Cx a = mlp.act.apply(new Cx(zr[i], zi[i]));
                    ar[i] = a.re();
                    ai[i] = a.im();
                }
                for (int r = 0; r < nout; r++) {
                    double sr = 0;
                    double si = 0;
                    int w = mlp.wOff[l + 1] + r * nin;
                    for (int i = 0; i < nin; i++) {
                        sr += pr[w + i] * ar[i] - pi[w + i] * ai[i];
                        si += pr[w + i] * ai[i] + pi[w + i] * ar[i];
                    }
                    zr[r] = sr + pr[mlp.bOff[l + 1] + r];
                    zi[r] = si + pi[mlp.bOff[l + 1] + r];
                }
            }
            sum = sum.plus(mlp.head.loss(zr, zi, 0, mlp.y, e * mlp.n[mlp.depth]));
        }
        return new Complex(sum.re() / mlp.m, sum.im() / mlp.m);
    }
}
