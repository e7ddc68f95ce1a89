package org.gradaudit.check;

import java.util.ArrayList;
import java.util.List;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Expr.Bin;
import org.gradaudit.expr.Expr.Deriv;
import org.gradaudit.expr.Expr.Op;

/**
 * The wrong-chain test of a Leibniz claim written as a product of derivatives: its factors must
 * telescope from the claim's quantity down to its variable ({@code dL/da * da/dz * dz/dw} for
 * dL/dw). It looks at the atoms only, no values.
 */
final class ChainHypothesis {
    private ChainHypothesis() {
    }

    /** A product of Leibniz atoms that does not chain from the claim's quantity down to its variable. */
    static Diagnoser.Hypothesis of(Diagnoser.Context ctx) {
        if (ctx.target() == null) {
            return null;
        }
        List<Deriv> atoms = new ArrayList<>();
        if (!productOfAtoms(ctx.written(), atoms) || atoms.isEmpty()) {
            return null;
        }
        if (telescopes(atoms, ctx.target().of(), ctx.target().wrt())) {
            return null;
        }
        return new Diagnoser.Hypothesis(Diagnosis.WRONG_CHAIN, null, "its factors do not chain from " + ctx.target().of()
                + " down to " + ctx.target().wrt());
    }

    private static boolean productOfAtoms(Expr e, List<Deriv> atoms) {
        if (e instanceof Deriv d) {
            atoms.add(d);
            return true;
        }
        if (e instanceof Expr.Num) {
            return true;
        }
        return e instanceof Bin b && b.op() == Op.MUL && productOfAtoms(b.left(), atoms) && productOfAtoms(b.right(), atoms);
    }

    private static boolean telescopes(List<Deriv> atoms, String from, String to) {
        if (atoms.isEmpty()) {
            return from.equals(to);
        }
        for (int i = 0; i < atoms.size(); i++) {
            if (atoms.get(i).of().equals(from)) {
                List<Deriv> rest = new ArrayList<>(atoms);
                rest.remove(i);
                if (telescopes(rest, atoms.get(i).wrt(), to)) {
                    return true;
                }
            }
        }
        return false;
    }
}
