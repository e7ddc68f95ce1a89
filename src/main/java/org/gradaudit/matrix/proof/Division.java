package org.gradaudit.matrix.proof;

import java.util.Map;
import java.util.TreeMap;

/**
 * Exact division of one poly by another, so that {@code (A - A*A) * Y / (1 - A)} is {@code A * Y}
 * and a quotient that is a poly gets a canonical form. Negative powers are first cleared by a
 * monomial on each side (and put back in the quotient); then long division in the graded lexicographic order, which is exact
 * exactly when every remainder's leading term is a multiple of the divisor's. Masks are idempotent,
 * which that order does not respect: a poly with a mask is not divided.
 */
final class Division {
    /** Most division steps before giving up. */
    static final int MAX_STEPS = 2000;

    private Division() {
    }

    /** {@code n / d} as a poly when d divides n exactly; else null. */
    static Poly exact(Poly n, Poly d) {
        if (hasMask(n) || hasMask(d)) {
            return null;
        }
        Mono clearN = clearing(n);
        Mono clearD = clearing(d);
        Poly r = n.scaled(1, clearN);
        Poly dd = d.scaled(1, clearD);
        String lead = leading(dd);
        Mono ld = dd.mono(lead);
        double lc = dd.coefficients().get(lead);
        Poly q = Poly.ZERO;
        for (int step = 0; !r.isZero(); step++) {
            if (step > MAX_STEPS) {
                return null;
            }
            String lr = leading(r);
            Mono quotient = divide(r.mono(lr), ld);
            if (quotient == null) {
                return null;
            }
            Poly t = Poly.term(r.coefficients().get(lr) / lc, quotient);
            q = q.plus(t);
            r = r.plus(dd.times(t).negated());
            // rounding may leave the cancelled leading term behind
            if (r.coefficients().containsKey(lr) && Math.abs(r.coefficients().get(lr)) < Poly.ROUNDING * Math.abs(t.coefficients()
                    .values().iterator().next() * lc)) {
                r = r.plus(Poly.term(-r.coefficients().get(lr), r.mono(lr)));
            }
        }
        // n / d = (n clearN / (d clearD)) * clearD / clearN
        return q.scaled(1, clearD.times(inverse(clearN)));
    }

    private static Mono inverse(Mono m) {
        Map<String, Integer> dims = new TreeMap<>();
        m.dims().forEach((k, v) -> dims.put(k, -v));
        Map<String, Integer> powers = new TreeMap<>();
        m.powers().forEach((k, v) -> powers.put(k, -v));
        return Mono.of(dims, powers, m.atoms());
    }

    private static boolean hasMask(Poly p) {
        return p.coefficients().keySet().stream().anyMatch(k -> p.mono(k).atoms().values().stream()
                .anyMatch(a -> a instanceof Atom.Mask));
    }

    /** The monomial that makes every exponent of a poly non-negative. */
    private static Mono clearing(Poly n) {
        Map<String, Integer> dims = new TreeMap<>();
        Map<String, Integer> powers = new TreeMap<>();
        Map<String, Atom> atoms = new TreeMap<>();
        for (Poly p : new Poly[] {n}) {
            for (String k : p.coefficients().keySet()) {
                Mono m = p.mono(k);
                m.dims().forEach((x, e) -> dims.merge(x, Math.max(0, -e), Math::max));
                m.powers().forEach((x, e) -> {
                    powers.merge(x, Math.max(0, -e), Math::max);
                    atoms.put(x, m.atoms().get(x));
                });
            }
        }
        return Mono.of(dims, powers, atoms);
    }

    /** The key of the leading monomial in the graded lexicographic order. */
    private static String leading(Poly p) {
        String best = null;
        for (String k : p.coefficients().keySet()) {
            if (best == null || compare(p.mono(k), p.mono(best)) > 0) {
                best = k;
            }
        }
        return best;
    }

    private static Map<String, Integer> exponents(Mono m) {
        Map<String, Integer> e = new TreeMap<>();
        m.dims().forEach((k, v) -> e.put("#" + k, v));
        m.powers().forEach((k, v) -> e.put("{" + k, v));
        return e;
    }

    static int compare(Mono a, Mono b) {
        Map<String, Integer> x = exponents(a);
        Map<String, Integer> y = exponents(b);
        int dx = x.values().stream().mapToInt(Integer::intValue).sum();
        int dy = y.values().stream().mapToInt(Integer::intValue).sum();
        if (dx != dy) {
            return Integer.compare(dx, dy);
        }
        TreeMap<String, Integer> all = new TreeMap<>(x);
        y.keySet().forEach(k -> all.putIfAbsent(k, 0));
        for (String k : all.keySet()) {
            int c = Integer.compare(x.getOrDefault(k, 0), y.getOrDefault(k, 0));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** {@code a / b} when b divides a (no exponent goes negative), else null. */
    private static Mono divide(Mono a, Mono b) {
        Map<String, Integer> dims = new TreeMap<>(a.dims());
        for (Map.Entry<String, Integer> e : b.dims().entrySet()) {
            int left = dims.getOrDefault(e.getKey(), 0) - e.getValue();
            if (left < 0) {
                return null;
            }
            dims.put(e.getKey(), left);
        }
        Map<String, Integer> powers = new TreeMap<>(a.powers());
        for (Map.Entry<String, Integer> e : b.powers().entrySet()) {
            int left = powers.getOrDefault(e.getKey(), 0) - e.getValue();
            if (left < 0) {
                return null;
            }
            powers.put(e.getKey(), left);
        }
        return Mono.of(dims, powers, a.atoms());
    }
}
