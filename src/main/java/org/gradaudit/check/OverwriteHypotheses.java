package org.gradaudit.check;

import java.util.List;
import org.gradaudit.expr.Expr;
import org.gradaudit.model.Item;

/**
 * A {@code +=} written {@code =}: a code line assigns a gradient name that an earlier run of lines
 * filled with the same meaning and that nothing read since, so the earlier run's contribution (a
 * path of the graph already summed in: a second consumer, a skip or recurrent connection) is lost.
 * The one hypothesis: the lost value added to the line's is the truth. Its kind is the mathematics of
 * it, a missing term, and the term named is the lost value; the fix is the whole sum, which the
 * {@code =} line can hold. One candidate, only on lines that overwrite such a run.
 */
final class OverwriteHypotheses implements HypothesisFamily {
    private final Item.Overwritten lost;
    private final String name;
    private final int line;

    /**
     * @param lost the value the earlier run left in the name, and its lines
     * @param name the gradient name as the code writes it
     * @param line the line whose {@code =} overwrites it
     */
    OverwriteHypotheses(Item.Overwritten lost, String name, int line) {
        this.lost = lost;
        this.name = name;
        this.line = line;
    }

    @Override
    public List<Diagnoser.Hypothesis> candidates(Diagnoser.Context ctx, Expr written) {
        Expr term = withoutLeadingZero(lost.value());
        List<Integer> lines = lost.lines();
        String where = lines.size() == 1 ? "line " + lines.get(0)
                : "lines " + lines.get(0) + " to " + lines.get(lines.size() - 1);
        return List.of(new Diagnoser.Hypothesis(Diagnosis.MISSING_TERM, prepend(term, written),
                "it lacks the term " + ctx.printer().apply(FixForm.tidy(term)) + ", which " + where + " put in " + name
                        + " and the '=' of line " + line + " overwrites: '+=' belongs there"));
    }

    /** {@code term + x}, with a sum {@code x = a + b} kept flat: {@code term + a + b}, not {@code term + (a + b)}. */
    private static Expr prepend(Expr term, Expr x) {
        if (x instanceof Expr.Bin b && (b.op() == Expr.Op.ADD || b.op() == Expr.Op.SUB)) {
            return new Expr.Bin(b.op(), prepend(term, b.left()), b.right());
        }
        return x instanceof Expr.Neg n ? Expr.sub(term, n.arg()) : Expr.add(term, x);
    }

    /** {@code 0 + a + b} as {@code a + b}: a run started with {@code code dX = 0}, as np.zeros_like does. */
    static Expr withoutLeadingZero(Expr e) {
        if (e instanceof Expr.Bin b && b.op() == Expr.Op.ADD) {
            if (b.left() instanceof Expr.Num n && n.value() == 0) {
                return b.right();
            }
            Expr left = withoutLeadingZero(b.left());
            return left == b.left() ? e : Expr.add(left, b.right());
        }
        if (e instanceof Expr.Bin b && b.op() == Expr.Op.SUB && b.left() instanceof Expr.Num n && n.value() == 0) {
            return Expr.neg(b.right());
        }
        return e;
    }
}
