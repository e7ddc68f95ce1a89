package org.gradaudit.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Exprs;

/**
 * The functions a derivation defines with {@code fn}, and their inlining into built-ins.
 *
 * <p>Inlining copies a function's argument into every place its parameter occurs, so composition
 * multiplies sizes: {@code fn f2(z) = f1(f1(z))} ... {@code fn f6(z) = f5(f5(z))} would build a
 * tree of billions of nodes. {@link #measure} therefore computes what an inlining would give, its
 * size and depth, from per-function counts without building anything, and callers refuse a formula
 * past {@link #MAX_NODES} or {@link #MAX_DEPTH} before it is inlined.
 */
public final class Functions {
    /** Most nodes a formula may have once its functions are inlined: the symbolic side's bound too. */
    public static final int MAX_NODES = 10_000;
    /** Deepest a formula may nest once its functions are inlined (five times a written formula's bound). */
    public static final int MAX_DEPTH = 1_000;

    /** A function's parameters and its body, which calls only built-ins. */
    public record Definition(List<String> params, Expr body) {
        public Definition {
            params = List.copyOf(params);
        }
    }

    /**
     * What inlining a formula gives, measured without building it.
     *
     * @param nodes its size in nodes, saturating at {@code Long.MAX_VALUE}
     * @param depth its depth, the root at 1, saturating likewise
     */
    public record Size(long nodes, long depth) {
        /** Whether it is past {@link #MAX_NODES} or {@link #MAX_DEPTH}. */
        public boolean tooLarge() {
            return nodes > MAX_NODES || depth > MAX_DEPTH;
        }

        /** What was exceeded, for a message such as "f6(x) expands to more than 10000 nodes". */
        public String exceeded() {
            return nodes > MAX_NODES ? "more than " + MAX_NODES + " nodes" : "more than " + MAX_DEPTH + " levels deep";
        }
    }

    /** A body's own size and depth, and for each parameter how often and how deep it occurs. */
    private record BodyCounts(long nodes, long depth, long[] occurrences, long[] paramDepth) {
    }

    private final Map<String, Definition> definitions;

    Functions(Map<String, Definition> definitions) {
        this.definitions = Map.copyOf(definitions);
    }

    /** The expression with every call of a derivation's function replaced by its body. */
    public Expr inline(Expr e) {
        return Exprs.map(e, x -> {
            if (x instanceof Expr.Call c && definitions.containsKey(c.fn())) {
                Definition d = definitions.get(c.fn());
                Map<String, Expr> binding = new HashMap<>();
                for (int i = 0; i < d.params().size(); i++) {
                    binding.put(d.params().get(i), c.args().get(i));
                }
                return Exprs.substitute(d.body(), binding);
            }
            return x;
        });
    }

    /**
     * The size and depth {@code e} would have with the functions of {@code definitions} inlined,
     * computed from counts of each body (memoised per function), never by building it.
     */
    static Size measure(Expr e, Map<String, Definition> definitions) {
        return new Measure(definitions).of(e);
    }

    private static final class Measure {
        private final Map<String, Definition> definitions;
        private final Map<String, BodyCounts> counts = new HashMap<>();

        Measure(Map<String, Definition> definitions) {
            this.definitions = definitions;
        }

        Size of(Expr e) {
            if (e instanceof Expr.Neg n) {
                Size a = of(n.arg());
                return new Size(add(1, a.nodes()), add(1, a.depth()));
            }
            if (e instanceof Expr.Bin b) {
                Size l = of(b.left());
                Size r = of(b.right());
                return new Size(add(1, add(l.nodes(), r.nodes())), add(1, Math.max(l.depth(), r.depth())));
            }
            if (e instanceof Expr.Call c) {
                Definition d = definitions.get(c.fn());
                if (d == null || d.params().size() != c.args().size()) {
                    long nodes = 1;
                    long depth = 0;
                    for (Expr a : c.args()) {
                        Size s = of(a);
                        nodes = add(nodes, s.nodes());
                        depth = Math.max(depth, s.depth());
                    }
                    return new Size(nodes, add(1, depth));
                }
                BodyCounts body = counts.computeIfAbsent(c.fn(), f -> count(d));
                long nodes = body.nodes();
                long depth = body.depth();
                for (int i = 0; i < c.args().size(); i++) {
                    if (body.occurrences()[i] == 0) {
                        continue;
                    }
                    Size a = of(c.args().get(i));
                    nodes = add(nodes - body.occurrences()[i], multiply(body.occurrences()[i], a.nodes()));
                    depth = Math.max(depth, add(body.paramDepth()[i] - 1, a.depth()));
                }
                return new Size(nodes, depth);
            }
            return new Size(1, 1);
        }

        /** Counts over a stored body; bodies are built only after they were measured, so they are small. */
        private static BodyCounts count(Definition d) {
            long[] occurrences = new long[d.params().size()];
            long[] depths = new long[d.params().size()];
            long[] totals = new long[2];
            walk(d.body(), 1, d.params(), occurrences, depths, totals);
            return new BodyCounts(totals[0], totals[1], occurrences, depths);
        }

        private static void walk(Expr e, long depth, List<String> params, long[] occurrences, long[] depths,
                                 long[] totals) {
            totals[0]++;
            totals[1] = Math.max(totals[1], depth);
            if (e instanceof Expr.Var v) {
                int i = params.indexOf(v.name());
                if (i >= 0) {
                    occurrences[i]++;
                    depths[i] = Math.max(depths[i], depth);
                }
            }
            for (Expr child : Exprs.children(e)) {
                walk(child, depth + 1, params, occurrences, depths, totals);
            }
        }
    }

    private static long add(long a, long b) {
        long s = a + b;
        return ((a ^ s) & (b ^ s)) < 0 ? Long.MAX_VALUE : s;
    }

    private static long multiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }
}
