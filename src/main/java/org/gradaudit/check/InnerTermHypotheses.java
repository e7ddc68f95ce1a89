package org.gradaudit.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Expr.Bin;
import org.gradaudit.expr.Expr.Op;
import org.gradaudit.expr.Exprs;
import org.gradaudit.numeric.BoundedValue;

/**
 * A term missing inside a sub-expression, whatever the term: {@code (1 + e^-x)/(1 + e^-x)^2} where
 * {@code (1 + e^-x + x*e^-x)/(1 + e^-x)^2} belongs. Where {@link TermHypotheses} proposes terms it
 * already knows (the truth's, the chain rule's), this family works out, at the points, what each
 * sub-expression would have to be for the claim to equal the truth (the truth passed down through the
 * sums, products and quotients around it), and so the values of the term missing there; a term is
 * proposed only where those values are a constant times one of the sub-expression's own terms or
 * factors, or times a name and one of them ({@code x*e^-x}: x times the term e^-x). Each proposal is
 * then tested like every other. Only for the claim as written (not inside the search for two
 * changes), on claims of at most {@link PairSearch#MAX_SIZE} nodes, and a bounded number of places:
 * arithmetic at the sampled points, one evaluation per sub-expression and name.
 */
final class InnerTermHypotheses implements HypothesisFamily {
    /** Most sub-expressions a term is looked for in, and most proposals. */
    private static final int MAX_PLACES = 60;
    private static final int MAX_PROPOSALS = 40;
    /** How closely the ratios at the points must agree for a constant to be proposed (the test itself is strict). */
    private static final double RATIO_AGREEMENT = 1e-7;

    private Diagnoser.Context last;
    private List<Diagnoser.Hypothesis> lastOut = List.of();

    @Override
    public List<Diagnoser.Hypothesis> candidates(Diagnoser.Context ctx, Expr written) {
        if (written != ctx.written() || Exprs.size(written) > PairSearch.MAX_SIZE) {
            return List.of();
        }
        if (ctx == last) {
            return lastOut;
        }
        Search s = new Search(ctx);
        double[] truth = new double[ctx.truth().size()];
        for (int i = 0; i < truth.length; i++) {
            truth[i] = ctx.truth().get(i).value();
        }
        s.visit(written, truth, Function.identity());
        // A term missing from a sum before a factor made a sum, then the smallest term.
        s.found.sort(Comparator.comparing((Proposal p) -> !isSum(p.inside)).thenComparingInt(p -> Exprs.size(p.term)));
        List<Diagnoser.Hypothesis> out = new ArrayList<>();
        for (Proposal p : s.found.subList(0, Math.min(MAX_PROPOSALS, s.found.size()))) {
            out.add(new Diagnoser.Hypothesis(Diagnosis.MISSING_TERM, p.fix, "it lacks the term "
                    + (p.negative ? "-" : "") + ctx.printer().apply(p.term) + " inside " + ctx.printer().apply(p.inside)));
        }
        last = ctx;
        lastOut = List.copyOf(out);
        return lastOut;
    }

    private static boolean isSum(Expr e) {
        return e instanceof Bin b && (b.op() == Op.ADD || b.op() == Op.SUB);
    }

    /** A term (its magnitude, and whether it is subtracted), the sub-expression it is missing from, and the whole claim so mended. */
    private record Proposal(Expr term, boolean negative, Expr inside, Expr fix) {
    }

    /** One claim's search: values at the points, cached per sub-expression. */
    private static final class Search {
        private final Diagnoser.Context ctx;
        private final Map<Expr, double[]> values = new HashMap<>();
        private final List<Proposal> found = new ArrayList<>();
        private final Set<Expr> proposed = new java.util.HashSet<>();
        private int places;

        Search(Diagnoser.Context ctx) {
            this.ctx = ctx;
        }

        /** The values of a formula of the claim at the points; null when it cannot be evaluated. */
        double[] values(Expr e) {
            return values.computeIfAbsent(e, x -> {
                try {
                    List<BoundedValue> v = Judge.values(ctx.toGraph().apply(x), ctx.points(), ctx.slots());
                    return v.stream().mapToDouble(BoundedValue::value).toArray();
                } catch (IllegalArgumentException ex) {
                    return null;
                }
            });
        }

        /** Looks for a term missing at {@code e}, whose values must be {@code target}, and in its parts. */
        void visit(Expr e, double[] target, Function<Expr, Expr> rebuild) {
            if (++places > MAX_PLACES || e instanceof Expr.Num) {
                return;
            }
            double[] v = values(e);
            if (v == null) {
                return;
            }
            look(e, v, target, rebuild);
            if (e instanceof Expr.Neg n) {
                visit(n.arg(), map(target, null, (t, o) -> -t), x -> rebuild.apply(new Expr.Neg(x)));
            } else if (e instanceof Bin b && b.op() != Op.POW) {
                double[] l = values(b.left());
                double[] r = values(b.right());
                if (l == null || r == null) {
                    return;
                }
                double[] leftTarget = switch (b.op()) {
                    case ADD -> map(target, r, (t, o) -> t - o);
                    case SUB -> map(target, r, (t, o) -> t + o);
                    case MUL -> map(target, r, (t, o) -> t / o);
                    default -> map(target, r, (t, o) -> t * o);
                };
                double[] rightTarget = switch (b.op()) {
                    case ADD -> map(target, l, (t, o) -> t - o);
                    case SUB -> map(target, l, (t, o) -> o - t);
                    case MUL -> map(target, l, (t, o) -> t / o);
                    default -> map(target, l, (t, o) -> o / t);
                };
                visit(b.left(), leftTarget, x -> rebuild.apply(new Bin(b.op(), x, b.right())));
                visit(b.right(), rightTarget, x -> rebuild.apply(new Bin(b.op(), b.left(), x)));
            }
        }

        /** Proposes {@code e + k*f*t} where the missing values are k times those of f*t. */
        private void look(Expr e, double[] v, double[] target, Function<Expr, Expr> rebuild) {
            double[] missing = map(target, v, (t, o) -> t - o);
            if (!anyNonZero(missing, v)) {
                return;
            }
            Expr one = Expr.num(1);
            List<Expr> factors = new ArrayList<>();
            factors.add(one);
            ctx.names().forEach(n -> factors.add(new Expr.Var(n)));
            for (Expr t : parts(e)) {
                double[] tv = values(t);
                if (tv == null) {
                    continue;
                }
                for (Expr f : factors) {
                    if (f.equals(one) && t.equals(e)) {
                        continue; // e + k*e is a factor of e, not a term missing from it
                    }
                    double[] fv = values(f);
                    if (fv == null) {
                        continue;
                    }
                    java.util.OptionalDouble ratio = ratio(missing, tv, fv);
                    if (ratio.isEmpty()) {
                        continue;
                    }
                    double k = ratio.getAsDouble();
                    // k*f*t as one flat product, t's own constants folded into k: x*x*exp(x), not -(1/2*x)*(2*x*exp(x))
                    List<Expr> product = new ArrayList<>();
                    if (!f.equals(one)) {
                        product.add(f);
                    }
                    double c = k;
                    for (Expr x : Exprs.productFactors(t)) {
                        if (x instanceof Expr.Num n) {
                            c *= n.value();
                        } else {
                            product.add(x);
                        }
                    }
                    Expr magnitude = Rewrites.constant(snap(Math.abs(c)));
                    if (!magnitude.equals(Expr.num(1)) || product.isEmpty()) {
                        product.add(0, magnitude);
                    }
                    Expr term = Exprs.product(product);
                    Expr after = c > 0 ? Expr.add(e, term) : Expr.sub(e, term);
                    if (proposed.add(after)) {
                        found.add(new Proposal(term, c < 0, e, rebuild.apply(after)));
                    }
                }
            }
        }

        /** {@code 1}, the additive terms of {@code e} (their signs dropped), their factors, and e itself. */
        private static List<Expr> parts(Expr e) {
            Set<Expr> out = new LinkedHashSet<>();
            out.add(Expr.num(1));
            List<Expr> terms = new ArrayList<>();
            terms(e, terms);
            for (Expr t : terms) {
                out.add(t);
                Exprs.productFactors(t).stream().filter(f -> !(f instanceof Expr.Num)).forEach(out::add);
            }
            out.add(e);
            return new ArrayList<>(out);
        }

        private static void terms(Expr e, List<Expr> out) {
            if (e instanceof Bin b && (b.op() == Op.ADD || b.op() == Op.SUB)) {
                terms(b.left(), out);
                terms(b.right(), out);
            } else if (e instanceof Expr.Neg n) {
                terms(n.arg(), out);
            } else {
                out.add(e);
            }
        }
    }

    /** The constant k with missing = k * t * f at every point where all are finite; empty when there is none. */
    private static java.util.OptionalDouble ratio(double[] missing, double[] t, double[] f) {
        double k = Double.NaN;
        int agreed = 0;
        for (int i = 0; i < missing.length; i++) {
            double d = t[i] * f[i];
            double r = missing[i] / d;
            if (!Double.isFinite(r) || !Double.isFinite(d) || d == 0) {
                continue;
            }
            if (Double.isNaN(k)) {
                k = r;
            } else if (Math.abs(r - k) > RATIO_AGREEMENT * Math.max(Math.abs(k), Math.abs(r))) {
                return java.util.OptionalDouble.empty();
            }
            agreed++;
        }
        return agreed >= Math.min(4, missing.length) && k != 0 ? java.util.OptionalDouble.of(k) : java.util.OptionalDouble.empty();
    }

    /** A ratio worked out through the truth's rounding, as the short fraction it is within 1e-9 of, if any. */
    private static double snap(double k) {
        for (int d = 1; d <= 12; d++) {
            double n = Math.rint(k * d);
            if (n != 0 && Math.abs(k - n / d) <= 1e-9 * Math.abs(k)) {
                return n / d;
            }
        }
        return k;
    }

    /** Whether a term is missing at all: some point's missing value is not rounding of the sub-expression's. */
    private static boolean anyNonZero(double[] missing, double[] v) {
        for (int i = 0; i < missing.length; i++) {
            if (Double.isFinite(missing[i]) && Math.abs(missing[i]) > 1e-9 * Math.max(1, Math.abs(v[i]))) {
                return true;
            }
        }
        return false;
    }

    private interface Op2 {
        double apply(double target, double other);
    }

    private static double[] map(double[] target, double[] other, Op2 op) {
        double[] out = new double[target.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = op.apply(target[i], other == null ? 0 : other[i]);
        }
        return out;
    }
}
