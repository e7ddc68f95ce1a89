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

    /**
     * The complex extension of {@link #loss}: logits {@code zr + i zi}. Sums are kept in two doubles,
     * not a {@link Cx} replaced at every term (the JIT allocates a value carried round a loop), with the
     * same operations in the same order as {@link Cx#plus(Cx)} and {@link Cx#minus}, so the same bits.
     */
    Cx loss(double[] zr, double[] zi, int zo, double[] y, int yo) {
        double sr = 0;
        double si = 0;
        if (output == Output.SOFTMAX) {
            Cx lse = logSumExp(zr, zi, zo);
            for (int k = 0; k < n; k++) {
                Cx z = new Cx(zr[zo + k], zi[zo + k]);
                double t = y[yo + k];
                Cx logA = z.minus(lse);
                Cx term;
                if (loss == Loss.CROSS_ENTROPY) {
                    term = logA.times(t).negate();
                } else if (loss == Loss.BCE) {
                    Cx log1mA = logSumExpExcept(zr, zi, zo, k).minus(lse);
                    term = logA.times(t).plus(t == 1 ? Cx.ZERO : log1mA.times(1 - t)).negate();
                } else {
                    Cx d = logA.exp().plus(-t);
                    term = d.times(d);
                }
                // sum - x is sum + (-x) exactly, for every x: subtraction is addition of the negation.
                sr += term.re();
                si += term.im();
            }
            return loss == Loss.MSE ? new Cx(sr * (1.0 / n), si * (1.0 / n)) : new Cx(sr, si);
        }
        for (int k = 0; k < n; k++) {
            Cx z = new Cx(zr[zo + k], zi[zo + k]);
            double t = y[yo + k];
            Cx term;
            if (output == Output.SIGMOID && loss == Loss.BCE) {
                term = z.softplus().minus(z.times(t));
            } else if (output == Output.SIGMOID && loss == Loss.CROSS_ENTROPY) {
                term = z.negate().softplus().times(t);
            } else {
                Cx d = (output == Output.SIGMOID ? z.sigmoid() : z).plus(-t);
                term = d.times(d);
            }
            sr += term.re();
            si += term.im();
        }
        return loss == Loss.MSE ? new Cx(sr * (1.0 / n), si * (1.0 / n)) : new Cx(sr, si);
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

    private Cx logSumExp(double[] zr, double[] zi, int zo) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            max = Math.max(max, zr[zo + k]);
        }
        double sr = 0;
        double si = 0;
        for (int k = 0; k < n; k++) {
            Cx e = new Cx(zr[zo + k] - max, zi[zo + k]).exp();
            sr += e.re();
            si += e.im();
        }
        return new Cx(sr, si).log().plus(max);
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

    private Cx logSumExpExcept(double[] zr, double[] zi, int zo, int skip) {
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
                Cx e = new Cx(zr[zo + k] - max, zi[zo + k]).exp();
                sr += e.re();
                si += e.im();
            }
        }
        return new Cx(sr, si).log().plus(max);
    }

    /** log(1 + exp(v)) without overflow or loss of the small term. */
    static double softplus(double v) {
        return Math.max(v, 0) + Math.log1p(Math.exp(-Math.abs(v)));
    }
}
