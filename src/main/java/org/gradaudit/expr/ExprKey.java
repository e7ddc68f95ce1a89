package org.gradaudit.expr;

import java.util.Objects;

/**
 * An expression as a hash key for sets and maps that hold many similar trees, such as the
 * diagnoser's set of formulas already tried. {@link Expr}'s records hash their components with
 * {@code 31 * h + c} and cannot keep the result, so a deep tree is walked again on every lookup,
 * and trees that differ by one name at one place collide often (names that differ in one letter
 * differ by a small multiple of a power of 31), which turns a {@link java.util.HashMap}'s buckets
 * into trees compared node by node. This key walks its tree once, mixes every node's hash into
 * 64 bits, and compares the trees themselves only when those 64 bits are equal.
 *
 * <p>Equal expressions give equal keys, and keys are equal exactly when their expressions are
 * ({@link Expr#equals}); only speed depends on the hash.
 */
public final class ExprKey {
    private final Expr expr;
    private final long hash;

    private ExprKey(Expr expr, long hash) {
        this.expr = expr;
        this.hash = hash;
    }

    /** The key of {@code e}. */
    public static ExprKey of(Expr e) {
        return new ExprKey(Objects.requireNonNull(e, "e"), hash(e));
    }

    /** The expression this key stands for. */
    public Expr expr() {
        return expr;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExprKey k && k.hash == hash && k.expr.equals(expr);
    }

    @Override
    public int hashCode() {
        return (int) (hash ^ (hash >>> 32));
    }

    @Override
    public String toString() {
        return expr.toString();
    }

    /**
     * A 64-bit fingerprint of the tree: equal expressions have equal fingerprints, and two different
     * ones share a fingerprint with odds of about 2^-64 (every node's hash is mixed into all 64 bits).
     * For a set of formulas that trusts fingerprints rather than comparing trees.
     */
    public static long fingerprint(Expr e) {
        return hash(Objects.requireNonNull(e, "e"));
    }

    /** A 64-bit hash of the tree, consistent with {@link Expr#equals} (a Num by the bits of its value). */
    static long hash(Expr e) {
        if (e instanceof Expr.Num n) {
            return mix(1, Double.doubleToLongBits(n.value()));
        }
        if (e instanceof Expr.Var v) {
            return mix(2, v.name().hashCode());
        }
        if (e instanceof Expr.Neg n) {
            return mix(3, hash(n.arg()));
        }
        if (e instanceof Expr.Bin b) {
            return mix(mix(4 + b.op().ordinal(), hash(b.left())), hash(b.right()));
        }
        if (e instanceof Expr.Call c) {
            long h = mix(16, c.fn().hashCode());
            for (Expr a : c.args()) {
                h = mix(h, hash(a));
            }
            return h;
        }
        Expr.Deriv d = (Expr.Deriv) e;
        return mix(mix(17, d.of().hashCode()), d.wrt().hashCode());
    }

    /** Combines two values so that a change of either changes every bit of the result with even odds (SplitMix64's finaliser). */
    private static long mix(long h, long v) {
        long z = h * 0x9E3779B97F4A7C15L + v;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
