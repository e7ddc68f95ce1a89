package org.gradaudit.numeric.mlp;

/**
 * The output activation and the loss of one example, computed together from the output layer's
 * pre-activations {@code z} (the logits), in numerically careful forms: sigmoid with binary
 * cross-entropy is {@code softplus(z) - y z}, softmax with cross-entropy is
 * {@code sum(y) logsumexp(z) - y.z}, and every log of a sigmoid or softmax goes through
 * softplus or log-sum-exp, so no probability is rounded to 0 or 1 before its log is taken.
 */
final class Head {
    private final Output output;
    private final Loss loss;
    private final int n;

    Head(Output output, Loss loss, int n) {
        this.output = output;
        this.loss = loss;
        this.n = n;
    }

    /** The loss of one example with logits {@code z[zo..zo+n)} and targets {@code y[yo..yo+n)}. */
    double loss(double[] z, int zo, double[] y, int yo) {
        double sum = 0;
        if (output == Output.SOFTMAX) {
            double lse = logSumExp(z, zo);
            if (loss == Loss.CROSS_ENTROPY) {
                double ys = 0;
                for (int k = 0; k < n; k++) {
                    ys += y[yo + k];
                    sum -= y[yo + k] * z[zo + k];
                }
                return ys * lse + sum;
            }
            for (int k = 0; k < n; k++) {
                double a = Math.exp(z[zo + k] - lse);
                double t = y[yo + k];
                if (loss == Loss.BCE) {
                    // log(1 - a_k) = logsumexp over the other logits - logsumexp: no 1 - a rounded to 0.
                    double log1mA = logSumExpExcept(z, zo, k) - lse;
                    sum -= t * (z[zo + k] - lse) + (t == 1 ? 0 : (1 - t) * log1mA);
                } else {
                    sum += (a - t) * (a - t);
                }
            }
            return loss == Loss.MSE ? sum / n : sum;
        }
        for (int k = 0; k < n; k++) {
            double v = z[zo + k];
            double t = y[yo + k];
            if (output == Output.SIGMOID && loss == Loss.BCE) {
                sum += softplus(v) - t * v;
            } else if (output == Output.SIGMOID && loss == Loss.CROSS_ENTROPY) {
                sum += t * softplus(-v);
            } else {
                double a = output == Output.SIGMOID ? Mlp.sigmoid(v) : v;
                sum += (a - t) * (a - t);
            }
        }
        return loss == Loss.MSE ? sum / n : sum;
    }

    /** Writes dloss/dz of one example into {@code dz[dzo..dzo+n)}. */
    void gradient(double[] z, int zo, double[] y, int yo, double[] dz, int dzo) {
        if (output == Output.SOFTMAX) {
            double lse = logSumExp(z, zo);
            double ys = 0;
            double ag = 0;
            for (int k = 0; k < n; k++) {
                double a = Math.exp(z[zo + k] - lse);
                double t = y[yo + k];
                ys += t;
                // g: dloss/da for the parts that are not the log-softmax term.
                double g = loss == Loss.MSE ? 2 * (a - t) / n
                        : loss == Loss.BCE ? (t == 1 ? 0 : (1 - t) / Math.exp(logSumExpExcept(z, zo, k) - lse)) : 0;
                dz[dzo + k] = g;
                ag += a * g;
            }
            double[] ga = new double[loss == Loss.BCE ? n : 0];
            for (int k = 0; k < ga.length; k++) {
                ga[k] = Math.exp(z[zo + k] - lse) * dz[dzo + k];
            }
            for (int k = 0; k < n; k++) {
                double a = Math.exp(z[zo + k] - lse);
                double t = y[yo + k];
                double fromSoftmax;
                if (loss == Loss.BCE) {
                    // g_k - sum_j a_j g_j = (1 - t_k) - sum_{j != k} a_j g_j, since g_k (1 - a_k) = 1 - t_k: as
                    // a_k nears 1, g_k = (1 - t_k)/(1 - a_k) grows without bound, and subtracting the whole sum
                    // (a_k g_k in it) from g_k would cancel all its digits.
                    double others = 0;
                    for (int j = 0; j < n; j++) {
                        others += j == k ? 0 : ga[j];
                    }
                    fromSoftmax = a * ((1 - t) - others);
                } else {
                    fromSoftmax = a * (dz[dzo + k] - ag);
                }
                double fromLog = loss == Loss.MSE ? 0 : ys * a - t;
                dz[dzo + k] = fromSoftmax + fromLog;
            }
            return;
        }
        for (int k = 0; k < n; k++) {
            double v = z[zo + k];
            double t = y[yo + k];
            if (output == Output.IDENTITY) {
                dz[dzo + k] = 2 * (v - t) / n;
            } else {
                double a = Mlp.sigmoid(v);
                dz[dzo + k] = loss == Loss.BCE ? a - t
                        : loss == Loss.CROSS_ENTROPY ? t * (a - 1)
                        : 2 * (a - t) * a * (1 - a) / n;
            }
        }
    }

    /** The complex extension of {@link #loss}: logits {@code zr + i zi}. */
    Cx loss(double[] zr, double[] zi, int zo, double[] y, int yo) {
        return loss(zr, zi, zo, y, yo, new MutableCx()).toCx();
    }

    /**
     * The complex extension of {@link #loss} into {@code out}, which it also works in, so that nothing is
     * made. Sums are kept in two doubles with the same operations in the same order as {@link Cx}'s
     * arithmetic, so the same bits ({@code sum - x} is {@code sum + (-x)} exactly, for every x).
     */
    MutableCx loss(double[] zr, double[] zi, int zo, double[] y, int yo, MutableCx out) {
        double sr = 0;
        double si = 0;
        if (output == Output.SOFTMAX) {
            logSumExp(zr, zi, zo, -1, out);
            double lr = out.re;
            double li = out.im;
            for (int k = 0; k < n; k++) {
                double t = y[yo + k];
                // log a_k = z_k - logsumexp
                double ar = zr[zo + k] - lr;
                double ai = zi[zo + k] - li;
                double tr;
                double ti;
                if (loss == Loss.CROSS_ENTROPY) {
                    tr = -(ar * t);
                    ti = -(ai * t);
                } else if (loss == Loss.BCE) {
                    // log(1 - a_k) = logsumexp over the other logits - logsumexp
                    double br = 0;
                    double bi = 0;
                    if (t != 1) {
                        logSumExp(zr, zi, zo, k, out);
                        br = (out.re - lr) * (1 - t);
                        bi = (out.im - li) * (1 - t);
                    }
                    tr = -(ar * t + br);
                    ti = -(ai * t + bi);
                } else {
                    out.set(ar, ai).exp().squaredDifference(t);
                    tr = out.re;
                    ti = out.im;
                }
                sr += tr;
                si += ti;
            }
            return loss == Loss.MSE ? out.set(sr * (1.0 / n), si * (1.0 / n)) : out.set(sr, si);
        }
        for (int k = 0; k < n; k++) {
            double vr = zr[zo + k];
            double vi = zi[zo + k];
            double t = y[yo + k];
            double tr;
            double ti;
            if (output == Output.SIGMOID && loss == Loss.BCE) {
                out.set(vr, vi).softplus();
                tr = out.re - vr * t;
                ti = out.im - vi * t;
            } else if (output == Output.SIGMOID && loss == Loss.CROSS_ENTROPY) {
                out.set(-vr, -vi).softplus();
                tr = out.re * t;
                ti = out.im * t;
            } else {
                out.set(vr, vi);
                if (output == Output.SIGMOID) {
                    out.sigmoid();
                }
                out.squaredDifference(t);
                tr = out.re;
                ti = out.im;
            }
            sr += tr;
            si += ti;
        }
        return loss == Loss.MSE ? out.set(sr * (1.0 / n), si * (1.0 / n)) : out.set(sr, si);
    }

    private double logSumExp(double[] z, int zo) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            max = Math.max(max, z[zo + k]);
        }
        if (Double.isInfinite(max)) {
            return max;
        }
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += Math.exp(z[zo + k] - max);
        }
        return max + Math.log(s);
    }

    private double logSumExpExcept(double[] z, int zo, int skip) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            if (k != skip) {
                max = Math.max(max, z[zo + k]);
            }
        }
        if (Double.isInfinite(max)) {
            return max;
        }
        double s = 0;
        for (int k = 0; k < n; k++) {
            if (k != skip) {
                s += Math.exp(z[zo + k] - max);
            }
        }
        return max + Math.log(s);
    }

    /** Into {@code out}: log-sum-exp of the complex logits but the one at {@code skip} (none when it is -1). */
    private void logSumExp(double[] zr, double[] zi, int zo, int skip, MutableCx out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            if (k != skip) {
                max = Math.max(max, zr[zo + k]);
            }
        }
        double sr = 0;
        double si = 0;
        for (int k = 0; k < n; k++) {
            if (k != skip) {
                out.set(zr[zo + k] - max, zi[zo + k]).exp();
                sr += out.re;
                si += out.im;
            }
        }
        out.set(sr, si).log();
        out.re = out.re + max;
    }

    /** log(1 + exp(v)) without overflow or loss of the small term. */
    static double softplus(double v) {
        return Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
    }
}
