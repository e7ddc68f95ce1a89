package org.gradaudit.matrix.proof;

import java.util.Map;
import java.util.function.Function;
import org.gradaudit.matrix.expr.Shape;

/**
 * An elementwise rational function of atoms, numerator over denominator, with the shape of the
 * formula it stands for. A denominator of one monomial is folded into the numerator as negative
 * powers, so that {@code Y / A2 * A2} is {@code Y}; two fractions are equal when their
 * cross-products are equal polys, which holds wherever both are defined.
 *
 * @param num the numerator
 * @param den the denominator, {@link Poly#ONE} unless it is a sum
 * @param shape the shape of the formula (numpy broadcasts the atoms to it)
 */
record Frac(Poly num, Poly den, Shape shape) {
    static Frac of(Poly p, Shape shape) {
        return new Frac(p, Poly.ONE, shape);
    }

    static Frac atom(Atom a) {
        return of(Poly.term(1, Mono.atom(a)), a.shape());
    }

    /** num / den with a one-monomial denominator folded into the numerator. */
    static Frac normal(Poly num, Poly den, Shape shape) {
        if (den.isZero()) {
            throw new ArithmeticException("division by a zero formula");
        }
        if (num.isZero()) {
            return of(Poly.ZERO, shape);
        }
        if (den.coefficients().size() == 1) {
            Map.Entry<String, Double> only = den.coefficients().entrySet().iterator().next();
            return of(num.scaled(1 / only.getValue(), inverse(den.mono(only.getKey()))), shape);
        }
        Poly quotient = Division.exact(num, den);
        return quotient != null ? of(quotient, shape) : new Frac(num, den, shape);
    }

    private static Mono inverse(Mono m) {
        Map<String, Integer> d = new java.util.TreeMap<>();
        m.dims().forEach((k, v) -> d.put(k, -v));
        Map<String, Integer> p = new java.util.TreeMap<>();
        m.powers().forEach((k, v) -> {
            if (m.atoms().get(k) instanceof Atom.Mask) {
                throw new ArithmeticException("division by a mask");
            }
            p.put(k, -v);
        });
        return Mono.of(d, p, m.atoms());
    }

    Frac withShape(Shape s) {
        return new Frac(num, den, s);
    }

    Frac plus(Frac o, Shape s) {
        if (den.key().equals(o.den.key())) {
            return normal(num.plus(o.num), den, s);
        }
        return normal(num.times(o.den).plus(o.num.times(den)), den.times(o.den), s);
    }

    Frac times(Frac o, Shape s) {
        return normal(num.times(o.num), den.times(o.den), s);
    }

    Frac over(Frac o, Shape s) {
        return normal(num.times(o.den), den.times(o.num), s);
    }

    Frac negated() {
        return new Frac(num.negated(), den, shape);
    }

    boolean isOne() {
        return den.key().equals(Poly.ONE.key()) && num.key().equals(Poly.ONE.key());
    }

    /** The same value: equal cross-products (and the same shape). */
    boolean sameAs(Frac o) {
        return shape.equals(o.shape) && num.times(o.den).sameAs(o.num.times(den));
    }

    /** The canonical spelling. */
    String key() {
        return den.key().equals(Poly.ONE.key()) ? num.key() : "(" + num.key() + ") / (" + den.key() + ")";
    }

    /** Every atom replaced by a fraction (both polys rebuilt as products of the replacements' powers). */
    Frac mapAtoms(Function<Atom, Frac> f, Shape s) {
        Frac n = rebuild(num, f, s);
        Frac d = rebuild(den, f, s);
        return n.over(d, s);
    }

    private static Frac rebuild(Poly p, Function<Atom, Frac> f, Shape s) {
        Frac out = of(Poly.ZERO, s);
        for (Map.Entry<String, Double> e : p.coefficients().entrySet()) {
            Mono m = p.mono(e.getKey());
            Frac t = of(Poly.term(e.getValue(), Mono.of(m.dims(), Map.of(), Map.of())), s);
            for (Map.Entry<String, Integer> a : m.powers().entrySet()) {
                Frac base = f.apply(m.atoms().get(a.getKey()));
                for (int i = 0; i < Math.abs(a.getValue()); i++) {
                    t = a.getValue() > 0 ? t.times(base, s) : t.over(base, s);
                }
            }
            out = out.plus(t, s);
        }
        return out;
    }
}
