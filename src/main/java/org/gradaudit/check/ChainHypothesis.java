package org.gradaudit.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Expr.Bin;
import org.gradaudit.expr.Expr.Deriv;
import org.gradaudit.expr.Expr.Op;
import org.gradaudit.expr.Exprs;

/**
 * The wrong-chain test of a Leibniz claim written as a product of derivatives: its factors must
 * telescope from the claim's quantity down to its variable ({@code dL/da * da/dz * dz/dw} for
 * dL/dw). Whether they do is read from the atoms alone; a claim that is one path of a Leibniz sum is
 * then put to the truth, as the sum with another path's term added.
 */
final class ChainHypothesis {
    private ChainHypothesis() {
    }

    /**
     * A product of Leibniz atoms that does not chain from the claim's quantity down to its variable;
     * or, where it is one path of a Leibniz sum ({@code dE_o1/dout_h1} for {@code dE_total/dout_h1},
     * with {@code E_total = E_o1 + E_o2}), the term of another path missing: the claim with its top
     * atom's quantity replaced by another name, added, tested against the truth with {@code matches}.
     */
    static Diagnoser.Hypothesis of(Diagnoser.Context ctx, BiPredicate<Diagnoser.Context, Expr> matches) {
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
        Diagnoser.Hypothesis path = missingPath(ctx, atoms, matches);
        return path != null ? path : new Diagnoser.Hypothesis(Diagnosis.WRONG_CHAIN, null, "its factors do not chain from "
                + ctx.target().of() + " down to " + ctx.target().wrt());
    }

    /** The claim is one path's term, {@code dA/dX}, and the sum lacks another's, {@code dB/dX}: one candidate per name B. */
    private static Diagnoser.Hypothesis missingPath(Diagnoser.Context ctx, List<Deriv> atoms,
                                                    BiPredicate<Diagnoser.Context, Expr> matches) {
        String wrt = ctx.target().wrt();
        for (Deriv top : atoms) {
            if (top.of().equals(ctx.target().of()) || !telescopes(atoms, top.of(), wrt)) {
                continue;
            }
            for (String b : ctx.names()) {
                if (b.equals(top.of()) || b.equals(ctx.target().of()) || b.equals(wrt)) {
                    continue;
                }
                Expr term = Exprs.substituteDerivatives(ctx.written(), Map.of(top, new Deriv(b, top.wrt())));
                Expr fix = Expr.add(ctx.written(), term);
                if (matches.test(ctx, fix)) {
                    return new Diagnoser.Hypothesis(Diagnosis.MISSING_TERM, fix, "it lacks the term "
                            + ctx.printer().apply(term) + ", the path through " + b);
                }
            }
        }
        return null;
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
