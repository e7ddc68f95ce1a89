package org.gradaudit.check;

import java.util.ArrayList;
import java.util.List;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.ExprPrinter;

/**
 * A form of an expression that is the same for any reordering or regrouping of its sums and
 * products: {@code b*a*c} and {@code a*(c*b)} read alike. Two expressions with the same form are
 * equal, so the CAS need not be asked; different forms prove nothing.
 */
final class Canonical {
    private Canonical() {
    }

    static String of(Expr e) {
        if (e instanceof Expr.Bin b && (b.op() == Expr.Op.ADD || b.op() == Expr.Op.SUB)) {
            List<String> terms = new ArrayList<>();
            terms(e, false, terms);
            terms.sort(null);
            return "+(" + String.join(",", terms) + ")";
        }
        if (e instanceof Expr.Bin b && b.op() == Expr.Op.MUL) {
            List<String> factors = new ArrayList<>();
            factors(e, factors);
            factors.sort(null);
            return "*(" + String.join(",", factors) + ")";
        }
        if (e instanceof Expr.Bin b) {
            return b.op().symbol() + "(" + of(b.left()) + "," + of(b.right()) + ")";
        }
        if (e instanceof Expr.Neg n) {
            return "-(" + of(n.arg()) + ")";
        }
        if (e instanceof Expr.Call c) {
            List<String> args = new ArrayList<>();
            c.args().forEach(a -> args.add(of(a)));
            return c.fn() + "(" + String.join(",", args) + ")";
        }
        return ExprPrinter.print(e);
    }

    private static void terms(Expr e, boolean negated, List<String> out) {
        if (e instanceof Expr.Bin b && (b.op() == Expr.Op.ADD || b.op() == Expr.Op.SUB)) {
            terms(b.left(), negated, out);
            terms(b.right(), negated ^ (b.op() == Expr.Op.SUB), out);
        } else if (e instanceof Expr.Neg n) {
            terms(n.arg(), !negated, out);
        } else {
            out.add((negated ? "-" : "") + of(e));
        }
    }

    private static void factors(Expr e, List<String> out) {
        if (e instanceof Expr.Bin b && b.op() == Expr.Op.MUL) {
            factors(b.left(), out);
            factors(b.right(), out);
        } else {
            out.add(of(e));
        }
    }
}
