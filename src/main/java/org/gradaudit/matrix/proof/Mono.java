package org.gradaudit.matrix.proof;

import java.util.Map;
import java.util.TreeMap;
import org.gradaudit.matrix.expr.Dim;
import org.gradaudit.matrix.expr.Shape;

/**
 * A product of powers of dimensions and atoms without its numeric coefficient, in a canonical
 * order (elementwise products commute). Masks are idempotent: a mask's power is at most 1.
 *
 * @param key the canonical spelling, equal for equal products
 * @param dims each dimension's exponent (none zero)
 * @param powers each atom's exponent by the atom's key (none zero, masks 1)
 * @param atoms the atoms by key
 */
record Mono(String key, Map<String, Integer> dims, Map<String, Integer> powers, Map<String, Atom> atoms) {
    static final Mono ONE = of(Map.of(), Map.of(), Map.of());

    static Mono of(Map<String, Integer> dims, Map<String, Integer> powers, Map<String, Atom> atoms) {
        TreeMap<String, Integer> d = new TreeMap<>();
        dims.forEach((k, v) -> {
            if (v != 0) {
                d.put(k, v);
            }
        });
        TreeMap<String, Integer> p = new TreeMap<>();
        TreeMap<String, Atom> a = new TreeMap<>();
        powers.forEach((k, v) -> {
            Atom atom = atoms.get(k);
            int e = atom instanceof Atom.Mask && v > 0 ? 1 : v;
            if (e != 0) {
                p.put(k, e);
                a.put(k, atom);
            }
        });
        StringBuilder s = new StringBuilder();
        d.forEach((k, v) -> s.append('#').append(k).append('^').append(v).append(' '));
        p.forEach((k, v) -> s.append('{').append(k).append("}^").append(v).append(' '));
        return new Mono(s.toString(), java.util.Collections.unmodifiableMap(d), java.util.Collections.unmodifiableMap(p),
                java.util.Collections.unmodifiableMap(a));
    }

    static Mono atom(Atom a) {
        return of(Map.of(), Map.of(a.key(), 1), Map.of(a.key(), a));
    }

    static Mono dim(String name, int power) {
        return of(Map.of(name, power), Map.of(), Map.of());
    }

    Mono times(Mono o) {
        Map<String, Integer> d = new TreeMap<>(dims);
        o.dims.forEach((k, v) -> d.merge(k, v, Integer::sum));
        Map<String, Integer> p = new TreeMap<>(powers);
        Map<String, Atom> a = new TreeMap<>(atoms);
        o.powers.forEach((k, v) -> p.merge(k, v, Integer::sum));
        a.putAll(o.atoms);
        return of(d, p, a);
    }

    /** Whether it has no atoms (a number times dimensions: a scalar). */
    boolean constant() {
        return powers.isEmpty();
    }

    /** The part made of scalar-shaped atoms and dimensions, which passes through matrix products and sums. */
    Mono scalarPart() {
        Map<String, Integer> p = new TreeMap<>();
        powers.forEach((k, v) -> {
            if (atoms.get(k).shape().isScalar()) {
                p.put(k, v);
            }
        });
        return of(dims, p, atoms);
    }

    /** The rest: the atoms of rank 1 or 2. */
    Mono matrixPart() {
        Map<String, Integer> p = new TreeMap<>();
        powers.forEach((k, v) -> {
            if (!atoms.get(k).shape().isScalar()) {
                p.put(k, v);
            }
        });
        return of(Map.of(), p, atoms);
    }

    /** The broadcast shape of its atoms ({@code ()} for a constant). */
    Shape shape() {
        Shape s = Shape.SCALAR;
        for (Atom a : atoms.values()) {
            s = broadcast(s, a.shape());
        }
        return s;
    }

    /** Numpy broadcasting of two shapes that are known to broadcast (the formula type-checked). */
    static Shape broadcast(Shape a, Shape b) {
        int rank = Math.max(a.rank(), b.rank());
        java.util.List<Dim> out = new java.util.ArrayList<>();
        for (int i = 0; i < rank; i++) {
            Dim x = i < rank - a.rank() ? Dim.ONE : a.dim(i - (rank - a.rank()));
            Dim y = i < rank - b.rank() ? Dim.ONE : b.dim(i - (rank - b.rank()));
            out.add(x.isOne() ? y : x);
        }
        return new Shape(out);
    }
}
