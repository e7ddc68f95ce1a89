package org.gradaudit.check;

import java.util.ArrayList;
import java.util.List;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Expr.Bin;
import org.gradaudit.expr.Expr.Call;
import org.gradaudit.expr.Expr.Op;

/**
 * One operator replaced by another ({@code a - (1 - a)} where {@code a*(1 - a)} belongs), and a
 * composition where a product belongs: {@code f(g*z)} where {@code g*f(z)} belongs, as when an
 * upstream gradient ends up inside an activation's derivative instead of multiplying it. A plus for
 * a minus is a term's sign, tried before this family; it is not proposed again here.
 */
final class OperatorHypotheses implements HypothesisFamily {
    private static final List<Op> ARITHMETIC = List.of(Op.ADD, Op.SUB, Op.MUL, Op.DIV);

    @Override
    public List<Diagnoser.Hypothesis> candidates(Diagnoser.Context ctx, Expr written) {
        List<Diagnoser.Hypothesis> out = new ArrayList<>();
        for (Edits.Edit e : Edits.everywhere(written, OperatorHypotheses::otherOperators)) {
            Bin was = (Bin) e.before();
            Bin now = (Bin) e.after();
            out.add(new Diagnoser.Hypothesis(Diagnosis.WRONG_OPERATOR, e.result(), "'" + was.op().symbol()
                    + "' stands where '" + now.op().symbol() + "' belongs, in " + ctx.printer().apply(was)));
        }
        for (Edits.Edit e : Edits.everywhere(written, OperatorHypotheses::productsOutside)) {
            out.add(new Diagnoser.Hypothesis(Diagnosis.WRONG_OPERATOR, e.result(), ctx.printer().apply(e.before())
                    + " composes where a product belongs: " + ctx.printer().apply(e.after())));
        }
        return out;
    }

    private static List<Expr> otherOperators(Expr x) {
        List<Expr> out = new ArrayList<>();
        if (x instanceof Bin b && ARITHMETIC.contains(b.op())) {
            for (Op op : ARITHMETIC) {
                boolean signOnly = (b.op() == Op.ADD && op == Op.SUB) || (b.op() == Op.SUB && op == Op.ADD);
                if (op != b.op() && !signOnly) {
                    out.add(new Bin(op, b.left(), b.right()));
                }
            }
            if (b.op() == Op.MUL) {
                out.add(new Bin(Op.POW, b.left(), b.right()));
            }
        }
        if (x instanceof Bin b && b.op() == Op.POW) {
            out.add(new Bin(Op.MUL, b.left(), b.right()));
        }
        return out;
    }

    /** {@code f(g*z)} as {@code g*f(z)} and {@code f(g)*z}; {@code f(g)(z)} read as one call is the same. */
    private static List<Expr> productsOutside(Expr x) {
        if (x instanceof Call c && c.args().size() == 1 && c.args().get(0) instanceof Bin b && b.op() == Op.MUL) {
            return List.of(Expr.mul(b.left(), new Call(c.fn(), List.of(b.right()))),
                    Expr.mul(new Call(c.fn(), List.of(b.left())), b.right()));
        }
        return List.of();
    }
}
