package org.gradaudit.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Expr.Bin;
import org.gradaudit.expr.Expr.Call;
import org.gradaudit.expr.Expr.Neg;

/**
 * One-place changes of a formula that remember what they changed: every tree obtained by replacing
 * exactly one subtree with a proposal for it, with the subtree and its replacement, so that a
 * hypothesis can say "X stands where Y belongs".
 */
final class Edits {
    /**
     * One change.
     *
     * @param result the whole formula after the change
     * @param before the subtree that was replaced
     * @param after what replaced it
     */
    record Edit(Expr result, Expr before, Expr after) {
    }

    private Edits() {
    }

    /** Every one-subtree change {@code propose} offers, in pre-order of the subtree changed. */
    static List<Edit> everywhere(Expr e, Function<Expr, List<Expr>> propose) {
        List<Edit> out = new ArrayList<>();
        collect(e, propose, Function.identity(), out);
        return out;
    }

    private static void collect(Expr e, Function<Expr, List<Expr>> propose, Function<Expr, Expr> rebuild,
                                List<Edit> out) {
        for (Expr r : propose.apply(e)) {
            out.add(new Edit(rebuild.apply(r), e, r));
        }
        if (e instanceof Neg n) {
            collect(n.arg(), propose, x -> rebuild.apply(new Neg(x)), out);
        } else if (e instanceof Bin b) {
            collect(b.left(), propose, x -> rebuild.apply(new Bin(b.op(), x, b.right())), out);
            collect(b.right(), propose, x -> rebuild.apply(new Bin(b.op(), b.left(), x)), out);
        } else if (e instanceof Call c) {
            for (int i = 0; i < c.args().size(); i++) {
                int at = i;
                collect(c.args().get(i), propose, x -> {
                    List<Expr> args = new ArrayList<>(c.args());
                    args.set(at, x);
                    return rebuild.apply(new Call(c.fn(), args));
                }, out);
            }
        }
    }
}
