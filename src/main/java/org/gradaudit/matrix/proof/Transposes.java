package org.gradaudit.matrix.proof;

import java.util.ArrayList;
import java.util.List;
import org.gradaudit.matrix.expr.MExpr;
import org.gradaudit.matrix.expr.Shape;

/**
 * Transposes pushed to the leaves of a canonical form: through elementwise arithmetic, functions
 * and masks entry by entry, {@code (A B)^T = B^T A^T} through chains, {@code np.sum} over the other
 * axis (keepdims), softmax along the other axis, {@code X.T.T = X}. A rank-1 or scalar formula is
 * its own transpose. Where a rank-1 atom sits inside a matrix formula (it broadcasts as a row, and
 * would have to become a column) the transpose stays whole, as an atom of its own.
 */
final class Transposes {
    private Transposes() {
    }

    static Frac of(Frac f) {
        Shape t = f.shape().transposed();
        if (f.shape().rank() < 2) {
            return f;
        }
        if (hasRank1(f.num()) || hasRank1(f.den())) {
            return whole(f);
        }
        return f.mapAtoms(Transposes::atom, t);
    }

    private static boolean hasRank1(Poly p) {
        for (String k : p.coefficients().keySet()) {
            if (p.mono(k).atoms().values().stream().anyMatch(a -> a.shape().rank() == 1)) {
                return true;
            }
        }
        return false;
    }

    private static Frac whole(Frac f) {
        Atom only = CanonicalForm.single(f);
        if (only instanceof Atom.Op op && op.name().equals("T")) {
            return op.args().get(0);
        }
        return Frac.atom(Atom.Op.of("T", List.of(f), f.shape().transposed()));
    }

    /** The transpose of one atom of a matrix formula (atoms of rank 0 are their own transpose). */
    private static Frac atom(Atom a) {
        if (a.shape().rank() < 2) {
            return Frac.atom(a);
        }
        Shape t = a.shape().transposed();
        if (a instanceof Atom.Leaf l) {
            return Frac.atom(Atom.Leaf.of(l.name(), t, !l.transposed()));
        } else if (a instanceof Atom.Call c) {
            return Frac.atom(Atom.Call.of(c.fn(), of(c.arg())));
        } else if (a instanceof Atom.Mask m) {
            return Frac.atom(Atom.Mask.of(m.op(), of(m.a()), m.b(), t));
        } else if (a instanceof Atom.Chain c && c.operands().stream().allMatch(o -> o.shape().rank() == 2)) {
            List<Frac> reversed = new ArrayList<>();
            for (int i = c.operands().size() - 1; i >= 0; i--) {
                reversed.add(of(c.operands().get(i)));
            }
            return Frac.atom(Atom.Chain.of(reversed, t));
        } else if (a instanceof Atom.Sum s && s.keepdims() && s.arg().shape().rank() == 2) {
            int axis = s.axis() == MExpr.Reduce.ALL ? MExpr.Reduce.ALL : 1 - s.axis();
            return Frac.atom(Atom.Sum.of(of(s.arg()), axis, true, t));
        } else if (a instanceof Atom.Op op && (op.name().startsWith("softmax/") || op.name().startsWith("log_softmax/"))) {
            String[] p = op.name().split("/");
            return Frac.atom(Atom.Op.of(p[0] + "/" + (1 - Integer.parseInt(p[1])), List.of(of(op.args().get(0))), t));
        } else if (a instanceof Atom.Op op && op.name().equals("broadcast") && op.args().get(0).shape().rank() != 1) {
            return Frac.atom(Atom.Op.of("broadcast", List.of(of(op.args().get(0))), t));
        }
        return whole(Frac.atom(a));
    }
}
