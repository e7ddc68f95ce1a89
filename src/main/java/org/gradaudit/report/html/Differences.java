package org.gradaudit.report.html;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Expr.Bin;
import org.gradaudit.expr.Expr.Call;
import org.gradaudit.expr.Expr.Neg;

/**
 * Where two formulas part, for the page to mark: the claimed formula's subtrees that differ from
 * the corrected or true one, and theirs, as sets of subtrees by identity (two equal subtrees of one
 * formula are different places), which {@link MathMl} wraps as differing.
 */
final class Differences {
    private Differences() {
    }

    /** A set for {@link MathMl#expr(Expr, Set)} that compares subtrees by identity, not by value. */
    static Set<Expr> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /**
     * The subtrees where {@code a} and {@code b} part: walking both trees together, the first
     * nodes that differ in kind, operator, function or leaf, added to {@code inA} and {@code inB}
     * (identity sets). Nothing is added when the roots themselves differ or more than
     * {@code limit} parts differ, since marking all of a formula helps no reader.
     */
    static void differences(Expr a, Expr b, Set<Expr> inA, Set<Expr> inB, int limit) {
        Set<Expr> da = identitySet();
        Set<Expr> db = identitySet();
        diff(a, b, da, db);
        if (da.contains(a) || da.size() > limit || da.isEmpty()) {
            return;
        }
        inA.addAll(da);
        inB.addAll(db);
    }

    private static void diff(Expr a, Expr b, Set<Expr> da, Set<Expr> db) {
        if (a.equals(b)) {
            return;
        }
        List<Expr> ca = children(a);
        List<Expr> cb = children(b);
        boolean sameNode = a.getClass() == b.getClass() && ca.size() == cb.size() && !ca.isEmpty()
                && (!(a instanceof Bin x) || x.op() == ((Bin) b).op())
                && (!(a instanceof Call f) || f.fn().equals(((Call) b).fn()));
        if (!sameNode) {
            da.add(a);
            db.add(b);
            return;
        }
        for (int i = 0; i < ca.size(); i++) {
            diff(ca.get(i), cb.get(i), da, db);
        }
    }

    private static List<Expr> children(Expr e) {
        if (e instanceof Bin b) {
            return List.of(b.left(), b.right());
        }
        if (e instanceof Neg n) {
            return List.of(n.arg());
        }
        if (e instanceof Call c) {
            return c.args();
        }
        return List.of();
    }
}
