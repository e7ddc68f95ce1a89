package org.gradaudit.matrix.grad;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.gradaudit.matrix.expr.MExpr;

/**
 * A scalar of numbers and dimensions, {@code c * m^-1 * n^2}, for folding {@code 1/m} and {@code m}
 * together: {@code 1/m * (m * dL/dZ1)} is {@code dL/dZ1}.
 *
 * @param value the numeric factor
 * @param powers each dimension's exponent (none zero)
 */
public record Coef(double value, Map<String, Integer> powers) {
    public static final Coef ONE = new Coef(1, Map.of());

    public Coef {
        TreeMap<String, Integer> p = new TreeMap<>();
        powers.forEach((k, v) -> {
            if (v != 0) {
                p.put(k, v);
            }
        });
        powers = java.util.Collections.unmodifiableMap(p);
    }

    /** The coefficient a formula of numbers and dimensions is, or empty when it has anything else. */
    public static Optional<Coef> of(MExpr e) {
        return fold(e);
    }

    /**
     * Whether the value is a finite number, so that {@link #toExpr} can write it: a product or
     * reciprocal of finite coefficients may overflow (a file's {@code 1e308 * ...}), and is then not folded.
     */
    public boolean isFinite() {
        return Double.isFinite(value);
    }

    private static Optional<Coef> fold(MExpr e) {
        if (e instanceof MExpr.Num n) {
            return Optional.of(new Coef(n.value(), Map.of()));
        } else if (e instanceof MExpr.DimRef d) {
            return Optional.of(new Coef(1, Map.of(d.name(), 1)));
        } else if (e instanceof MExpr.Neg n) {
            return of(n.a()).map(c -> c.times(new Coef(-1, Map.of())));
        } else if (e instanceof MExpr.Bin b && (b.op() == MExpr.BinOp.MUL || b.op() == MExpr.BinOp.DIV)) {
            Optional<Coef> x = of(b.a());
            Optional<Coef> y = of(b.b());
            if (x.isEmpty() || y.isEmpty() || (b.op() == MExpr.BinOp.DIV && y.get().value() == 0)) {
                return Optional.empty();
            }
            return Optional.of(b.op() == MExpr.BinOp.MUL ? x.get().times(y.get()) : x.get().times(y.get().inverse()));
        } else if (e instanceof MExpr.Pow p && p.exponent() == Math.rint(p.exponent())) {
            return of(p.a()).filter(c -> c.value() != 0 || p.exponent() > 0).map(c -> {
                Map<String, Integer> powers = new TreeMap<>();
                c.powers().forEach((k, v) -> powers.put(k, v * (int) p.exponent()));
                return new Coef(Math.pow(c.value(), p.exponent()), powers);
            });
        }
        return Optional.empty();
    }

    public Coef times(Coef o) {
        Map<String, Integer> p = new TreeMap<>(powers);
        o.powers.forEach((k, v) -> p.merge(k, v, Integer::sum));
        return new Coef(value * o.value, p);
    }

    public Coef inverse() {
        Map<String, Integer> p = new TreeMap<>();
        powers.forEach((k, v) -> p.put(k, -v));
        return new Coef(1 / value, p);
    }

    public boolean isOne() {
        return value == 1 && powers.isEmpty();
    }

    /** The value at concrete sizes. */
    public double at(Map<String, Integer> sizes) {
        double v = value;
        for (Map.Entry<String, Integer> e : powers.entrySet()) {
            v *= Math.pow(sizes.get(e.getKey()), e.getValue());
        }
        return v;
    }

    /** As a formula: {@code 2}, {@code m}, {@code 1/m}, {@code -1/m}, {@code 2 * m / n}. */
    public MExpr toExpr() {
        MExpr num = null;
        MExpr den = null;
        for (Map.Entry<String, Integer> e : powers.entrySet()) {
            MExpr d = e.getValue() == 1 || e.getValue() == -1 ? new MExpr.DimRef(e.getKey())
                    : new MExpr.Pow(new MExpr.DimRef(e.getKey()), Math.abs(e.getValue()));
            if (e.getValue() > 0) {
                num = num == null ? d : new MExpr.Bin(MExpr.BinOp.MUL, num, d);
            } else {
                den = den == null ? d : new MExpr.Bin(MExpr.BinOp.MUL, den, d);
            }
        }
        if (num == null || value != 1) {
            MExpr c = new MExpr.Num(num == null ? value : Math.abs(value));
            num = num == null ? c : new MExpr.Bin(MExpr.BinOp.MUL, c, num);
        }
        MExpr out = den == null ? num : new MExpr.Bin(MExpr.BinOp.DIV, num, den);
        return value < 0 && powers.keySet().stream().anyMatch(k -> powers.get(k) > 0) ? new MExpr.Neg(out) : out;
    }
}
