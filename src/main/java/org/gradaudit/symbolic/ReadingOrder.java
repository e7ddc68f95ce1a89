package org.gradaudit.symbolic;

import java.util.ArrayList;
import java.util.List;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Expr.Bin;
import org.gradaudit.expr.Expr.Num;
import org.gradaudit.expr.Expr.Op;

/**
 * The order in which {@link FromSymja} writes sums and products so that they read as tutorials
 * write them: positive terms first and the rest subtracted, the orientation of a sum with the
 * fewest minus signs, and {@code x*(1 - x)} side by side.
 */
final class ReadingOrder {
    private ReadingOrder() {
    }

    /** One orientation of a sum, and how badly it reads: negative terms, a negative constant. */
    record Oriented(Expr expr, int cost) {
    }

    /** A term of a sum, converted once; {@code number} if it is a constant. */
    record Term(Signed value, boolean number) {
    }

    /** A sum, positive terms first; {@code flip} negates every term. */
    static Oriented sum(List<Term> terms, boolean flip) {
        List<Expr> positive = new ArrayList<>();
        List<Expr> negative = new ArrayList<>();
        int cost = 0;
        for (Term t : terms) {
            boolean neg = t.value().negative() != flip;
            (neg ? negative : positive).add(t.value().mag());
            if (neg) {
                cost += t.number() ? 3 : 2;
            }
        }
        Expr e;
        int from;
        if (positive.isEmpty()) {
            e = Expr.neg(negative.get(0));
            from = 1;
        } else {
            e = positive.get(0);
            for (int i = 1; i < positive.size(); i++) {
                e = Expr.add(e, positive.get(i));
            }
            from = 0;
        }
        for (int i = from; i < negative.size(); i++) {
            e = Expr.sub(e, negative.get(i));
        }
        return new Oriented(e, cost);
    }

    /** Moves each factor {@code (1 - x)} right after a factor {@code x}: the sigmoid-derivative shape. */
    static List<Expr> pairUp(List<Expr> factors) {
        List<Expr> out = new ArrayList<>(factors);
        for (Expr f : factors) {
            if (f instanceof Bin b && b.op() == Op.SUB && b.left().equals(new Num(1))) {
                int at = out.indexOf(b.right());
                if (at >= 0) {
                    out.remove(f);
                    out.add(out.indexOf(b.right()) + 1, f);
                }
            }
        }
        return out;
    }

    /** The product of the factors, left to right. */
    static Expr times(List<Expr> factors) {
        Expr e = factors.get(0);
        for (int i = 1; i < factors.size(); i++) {
            e = Expr.mul(e, factors.get(i));
        }
        return e;
    }
}
