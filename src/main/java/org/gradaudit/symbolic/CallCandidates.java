package org.gradaudit.symbolic;

import java.util.Set;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Exprs;
import org.matheclipse.core.interfaces.IExpr;

/**
 * The forms of a result found so far for one {@link Cas} call: the first Symja form, and the
 * shortest one that the expression language can write. Touched only by the worker, one task at a
 * time.
 */
final class CallCandidates {
    ToSymja to;
    FromSymja from;
    IExpr first;
    Expr best;
    FromSymja.Unwritable unwritable;

    void open(Session s, Set<String> names) {
        to = new ToSymja(s, names);
        from = new FromSymja(s, to.names());
    }

    /** Keeps {@code x} if it is writable and shorter than the best so far; ties keep the older. */
    Void offer(IExpr x) {
        try {
            Expr e = from.convert(x);
            if (best == null || Exprs.size(e) < Exprs.size(best)) {
                best = e;
            }
        } catch (FromSymja.Unwritable u) {
            unwritable = unwritable == null ? u : unwritable;
        }
        return null;
    }

    Expr best(String what) throws CasException {
        if (best == null) {
            throw CasFailures.translate(what, unwritable);
        }
        return best;
    }
}
