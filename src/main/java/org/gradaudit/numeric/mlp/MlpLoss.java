package org.gradaudit.numeric.mlp;

import org.apache.commons.math3.complex.Complex;
import org.gradaudit.numeric.loss.PerturbableLoss;

/**
 * The MLP's loss near a base point, answering one-element moves incrementally. Moving
 * {@code W[l][j,i]} by {@code d} moves only {@code Z[l][j,e]}, by {@code d * A[l-1][i,e]}, for each
 * example {@code e}; so the moved loss needs unit {@code j}'s new activation, then
 * {@code Z[l+1] + W[l+1][:,j] * (change of that activation)}, then the layers after it for that
 * example, from the cached forward pass. In the last layer only one logit per example moves.
 * Examples whose pre-activation or activation does not change keep their cached loss.
 *
 * <p>The moved loss is summed over the batch in the same order as the base loss, so a move of
 * zero gives the base loss exactly.
 */
public final class MlpLoss implements PerturbableLoss {
    private final Mlp mlp;
    private final double[] theta;
    private final Mlp.Forward base;
    /** {@code wt[l]}: W[l] transposed, so that column j of W[l] is contiguous. */
    private final double[][] wt;
    private final int widest;

    /**
     * @throws IllegalArgumentException if {@code theta} has the wrong length
     */
    public MlpLoss(Mlp mlp, double[] theta) {
        this.mlp = mlp;
        this.theta = theta.clone();
        base = mlp.forward(this.theta);
        wt = new double[mlp.depth + 1][];
        int w = 0;
        for (int l = 1; l <= mlp.depth; l++) {
            int nin = mlp.n[l - 1];
            int nout = mlp.n[l];
            wt[l] = new double[nin * nout];
            for (int j = 0; j < nout; j++) {
                for (int i = 0; i < nin; i++) {
                    wt[l][i * nout + j] = theta[mlp.wOff[l] + j * nin + i];
                }
            }
        }
        for (int size : mlp.n) {
            w = Math.max(w, size);
        }
        widest = w;
    }

    /** The loss at the base point. */
    public double loss() {
        return base.loss();
    }

    @Override
    public int dimension() {
        return theta.length;
    }

    @Override
    public double[] point() {
        return theta.clone();
    }

    @Override
    public boolean supportsComplexStep() {
        return true;
    }

    @Override
    public boolean smooth() {
        return mlp.act.smooth();
    }

    @Override
    public Evaluator evaluator() {
        return new Probe();
    }

    private final class Probe implements Evaluator {
        private final double[] z1 = new double[widest];
        private final double[] z2 = new double[widest];
        private final double[] zi1 = new double[widest];
        private final double[] zi2 = new double[widest];
        /** A layer's complex activations, real and imaginary parts. */
        private final double[] car = new double[widest];
        private final double[] cai = new double[widest];
        /** Where an activation or an example's loss is computed in place: nothing is made per example. */
        private final MutableCx reg = new MutableCx();

        @Override
        public double withElement(int k, double value) {
            double d = value - theta[k];
            if (d == 0) {
                return base.loss();
            }
            int l = layerOf(k);
            boolean bias = k >= mlp.bOff[l];
            int nin = mlp.n[l - 1];
            int j = bias ? k - mlp.bOff[l] : (k - mlp.wOff[l]) / nin;
            int i = bias ? -1 : (k - mlp.wOff[l]) % nin;
            double[] in = base.a()[l - 1];
            double[] ell = base.ell();
            int nl = mlp.n[l];
            double[] zl = base.z()[l];
            double sum = 0;
            if (l == mlp.depth) {
                // Only logit j of each example moves.
                for (int e = 0; e < mlp.m; e++) {
                    double dz = bias ? d : d * in[e * nin + i];
                    if (dz == 0) {
                        sum += ell[e];
                    } else {
                        System.arraycopy(zl, e * nl, z1, 0, nl);
                        z1[j] += dz;
                        sum += mlp.head.loss(z1, 0, mlp.y, e * nl);
                    }
                }
                return sum / mlp.m;
            }
            // Unit j's activation moves by da; the next layer's pre-activations by W[l+1][:,j] da.
            double[] al = base.a()[l];
            double[] next = base.z()[l + 1];
            int nn = mlp.n[l + 1];
            double[] col = wt[l + 1];
            int c = j * nn;
            boolean last = l + 1 == mlp.depth;
            Activation act = mlp.act;
            for (int e = 0; e < mlp.m; e++) {
                double dz = bias ? d : d * in[e * nin + i];
                int q = e * nl + j;
                double da = dz == 0 ? 0 : act.apply(zl[q] + dz) - al[q];
                if (da == 0) {
                    sum += ell[e];
                    continue;
                }
                int o = e * nn;
                for (int r = 0; r < nn; r++) {
                    z1[r] = next[o + r] + col[c + r] * da;
                }
                sum += last ? mlp.head.loss(z1, 0, mlp.y, o) : tail(l + 1, e);
            }
            return sum / mlp.m;
        }

        /** Given layer l's pre-activations of example e in z1, the example's loss. */
        private double tail(int l, int e) {
            for (; l < mlp.depth; l++) {
                int nin = mlp.n[l];
                int nout = mlp.n[l + 1];
                for (int i = 0; i < nin; i++) {
                    z2[i] = mlp.act.apply(z1[i]);
                }
                for (int r = 0; r < nout; r++) {
                    double s = 0;
                    int w = mlp.wOff[l + 1] + r * nin;
                    for (int i = 0; i < nin; i++) {
                        s += theta[w + i] * z2[i];
                    }
                    z1[r] = s + theta[mlp.bOff[l + 1] + r];
                }
            }
            return mlp.head.loss(z1, 0, mlp.y, e * mlp.n[mlp.depth]);
        }

        @Override
        public Complex withElement(int k, Complex value) {
            double dr = value.getReal() - theta[k];
            double di = value.getImaginary();
            if (dr == 0 && di == 0) {
                return new Complex(base.loss());
            }
            int l = layerOf(k);
            boolean bias = k >= mlp.bOff[l];
            int nin = mlp.n[l - 1];
            int j = bias ? k - mlp.bOff[l] : (k - mlp.wOff[l]) / nin;
            int i = bias ? -1 : (k - mlp.wOff[l]) % nin;
            double[] in = base.a()[l - 1];
            // The sum in two doubles, as Cx.plus would add them, and each example's loss in reg: nothing made per example.
            double sr = 0;
            double si = 0;
            for (int e = 0; e < mlp.m; e++) {
                double s = bias ? 1 : in[e * nin + i];
                if (s == 0) {
                    sr += base.ell()[e];
                } else {
                    MutableCx moved = movedComplex(l, j, e, dr * s, di * s);
                    sr += moved.re;
                    si += moved.im;
                }
            }
            return new Complex(sr / mlp.m, si / mlp.m);
        }

        /** Example e's loss with unit j's pre-activation in layer l moved by dr + i di, in {@link #reg}. */
        private MutableCx movedComplex(int l, int j, int e, double dr, double di) {
            int nl = mlp.n[l];
            if (l == mlp.depth) {
                System.arraycopy(base.z()[l], e * nl, z1, 0, nl);
                java.util.Arrays.fill(zi1, 0, nl, 0);
                z1[j] += dr;
                zi1[j] = di;
                return mlp.head.loss(z1, zi1, 0, mlp.y, e * nl, reg);
            }
            mlp.act.applyInPlace(reg.set(base.z()[l][e * nl + j] + dr, di));
            double dar = reg.re + -base.a()[l][e * nl + j];
            double dai = reg.im;
            int nn = mlp.n[l + 1];
            double[] next = base.z()[l + 1];
            double[] col = wt[l + 1];
            int o = e * nn;
            int c = j * nn;
            for (int r = 0; r < nn; r++) {
                z1[r] = next[o + r] + col[c + r] * dar;
                zi1[r] = col[c + r] * dai;
            }
            for (int t = l + 1; t < mlp.depth; t++) {
                int tin = mlp.n[t];
                int tout = mlp.n[t + 1];
                for (int q = 0; q < tin; q++) {
                    mlp.act.applyInPlace(reg.set(z1[q], zi1[q]));
                    car[q] = reg.re;
                    cai[q] = reg.im;
                }
                for (int r = 0; r < tout; r++) {
                    double sr = 0;
                    double si = 0;
                    int w = mlp.wOff[t + 1] + r * tin;
                    for (int q = 0; q < tin; q++) {
                        sr += theta[w + q] * car[q];
                        si += theta[w + q] * cai[q];
                    }
                    z1[r] = sr + theta[mlp.bOff[t + 1] + r];
                    zi1[r] = si;
                }
            }
            return mlp.head.loss(z1, zi1, 0, mlp.y, e * mlp.n[mlp.depth], reg);
        }

        @Override
        public Line line(double[] direction) {
            return new MlpLine(mlp, theta, base, direction, widest);
        }

        @Override
        public double along(double[] direction, double t) {
            double[] p = new double[theta.length];
            for (int q = 0; q < p.length; q++) {
                p[q] = theta[q] + t * direction[q];
            }
            return mlp.loss(p);
        }

        @Override
        public Complex along(double[] direction, Complex t) {
            double[] pr = new double[theta.length];
            double[] pi = new double[theta.length];
            for (int q = 0; q < pr.length; q++) {
                pr[q] = theta[q] + t.getReal() * direction[q];
                pi[q] = t.getImaginary() * direction[q];
            }
            double sr = 0;
            double si = 0;
            for (int e = 0; e < mlp.m; e++) {
                Cx ex = exampleComplex(pr, pi, e);
                sr += ex.re();
                si += ex.im();
            }
            return new Complex(sr / mlp.m, si / mlp.m);
        }

        /** A whole complex forward pass of example e with complex parameters pr + i pi. */
        private Cx exampleComplex(double[] pr, double[] pi, int e) {
            int n0 = mlp.n[0];
            System.arraycopy(mlp.x, e * n0, z2, 0, n0);
            java.util.Arrays.fill(zi2, 0, n0, 0);
            for (int l = 1; l <= mlp.depth; l++) {
                int nin = mlp.n[l - 1];
                int nout = mlp.n[l];
                for (int r = 0; r < nout; r++) {
                    double sr = 0;
                    double si = 0;
                    int w = mlp.wOff[l] + r * nin;
                    for (int q = 0; q < nin; q++) {
                        sr += pr[w + q] * z2[q] - pi[w + q] * zi2[q];
                        si += pr[w + q] * zi2[q] + pi[w + q] * z2[q];
                    }
                    z1[r] = sr + pr[mlp.bOff[l] + r];
                    zi1[r] = si + pi[mlp.bOff[l] + r];
                }
                if (l < mlp.depth) {
                    for (int r = 0; r < nout; r++) {
                        Cx a = mlp.act.apply(new Cx(z1[r], zi1[r]));
                        z2[r] = a.re();
                        zi2[r] = a.im();
                    }
                }
            }
            return mlp.head.loss(z1, zi1, 0, mlp.y, e * mlp.n[mlp.depth]);
        }
    }

    private int layerOf(int k) {
        for (int l = mlp.depth; l >= 1; l--) {
            if (k >= mlp.wOff[l]) {
                return l;
            }
        }
        throw new IndexOutOfBoundsException("element " + k + " of " + theta.length);
    }
}
