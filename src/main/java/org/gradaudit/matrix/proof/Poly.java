package org.gradaudit.matrix.proof;

import java.util.Map;
import java.util.TreeMap;

/**
 * A sum of monomials with numeric coefficients, flattened and ordered by the monomials' keys, so
 * that equal sums of products are equal polys (up to the rounding of their coefficients).
 */
final class Poly {
    /** Most terms a poly may have; beyond it the canonical form gives up rather than grow. */
    static final int MAX_TERMS = 600;
    /**
     * Coefficients are doubles: relative to the larger coefficient, a sum that cancels to this or less
     * is 0, and two that differ by more are different (equal to 12 significant digits).
     */
    static final double ROUNDING = 1e-12;
    static final Poly ZERO = new Poly(new TreeMap<>(), new TreeMap<>());
    static final Poly ONE = constant(1);

    private final TreeMap<String, Double> coefficients;
    private final TreeMap<String, Mono> monos;

    private Poly(TreeMap<String, Double> coefficients, TreeMap<String, Mono> monos) {
        if (coefficients.size() > MAX_TERMS) {
            throw new TooLarge();
        }
        this.coefficients = coefficients;
        this.monos = monos;
    }

    /** Thrown when a canonical form outgrows {@link #MAX_TERMS}: no proof, never a wrong one. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("the canonical form outgrew " + MAX_TERMS + " terms", null, false, false);
        }
    }

    static Poly constant(double c) {
        return term(c, Mono.ONE);
    }

    static Poly term(double c, Mono m) {
        TreeMap<String, Double> k = new TreeMap<>();
        TreeMap<String, Mono> t = new TreeMap<>();
        if (c != 0) {
            k.put(m.key(), c);
            t.put(m.key(), m);
        }
        return new Poly(k, t);
    }

    Map<String, Double> coefficients() {
        return java.util.Collections.unmodifiableMap(coefficients);
    }

    Mono mono(String key) {
        return monos.get(key);
    }

    boolean isZero() {
        return coefficients.isEmpty();
    }

    /** The single monomial's coefficient when this is one constant monomial (a number times dimensions), else NaN. */
    double constantValue() {
        return coefficients.size() == 1 && monos.firstEntry().getValue().constant() ? coefficients.firstEntry().getValue()
                : Double.NaN;
    }

    Poly plus(Poly o) {
        TreeMap<String, Double> k = new TreeMap<>(coefficients);
        TreeMap<String, Mono> t = new TreeMap<>(monos);
        o.coefficients.forEach((key, c) -> {
            double sum = k.getOrDefault(key, 0.0) + c;
            double scale = Math.max(Math.abs(c), Math.abs(k.getOrDefault(key, 0.0)));
            if (Math.abs(sum) <= ROUNDING * scale) {
                k.remove(key);
                t.remove(key);
            } else {
                k.put(key, sum);
                t.put(key, o.monos.get(key));
            }
        });
        return new Poly(k, t);
    }

    Poly scaled(double c, Mono m) {
        Poly out = ZERO;
        for (Map.Entry<String, Double> e : coefficients.entrySet()) {
            out = out.plus(term(c * e.getValue(), monos.get(e.getKey()).times(m)));
        }
        return out;
    }

    Poly times(Poly o) {
        if ((long) coefficients.size() * o.coefficients.size() > MAX_TERMS * 4L) {
            throw new TooLarge();
        }
        Poly out = ZERO;
        for (Map.Entry<String, Double> e : o.coefficients.entrySet()) {
            out = out.plus(scaled(e.getValue(), o.monos.get(e.getKey())));
        }
        return out;
    }

    Poly negated() {
        return scaled(-1, Mono.ONE);
    }

    /** Equal terms with coefficients equal to 12 significant digits. */
    boolean sameAs(Poly o) {
        if (!coefficients.keySet().equals(o.coefficients.keySet())) {
            return false;
        }
        for (Map.Entry<String, Double> e : coefficients.entrySet()) {
            double a = e.getValue();
            double b = o.coefficients.get(e.getKey());
            if (Math.abs(a - b) > ROUNDING * Math.max(Math.abs(a), Math.abs(b))) {
                return false;
            }
        }
        return true;
    }

    /** The canonical spelling (coefficients to 12 significant digits). */
    String key() {
        if (coefficients.isEmpty()) {
            return "0";
        }
        StringBuilder s = new StringBuilder();
        coefficients.forEach((k, c) -> s.append(s.length() == 0 ? "" : " + ")
                .append(String.format(java.util.Locale.ROOT, "%.12g", c)).append(' ').append(k.strip()));
        return s.toString();
    }
}
