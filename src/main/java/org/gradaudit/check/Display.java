package org.gradaudit.check;

import org.gradaudit.expr.Expr;
import org.gradaudit.expr.ExprPrinter;
import org.gradaudit.expr.Exprs;
import org.gradaudit.expr.ExprParser;
import org.gradaudit.expr.ExprSyntaxException;
import org.gradaudit.expr.Scope;

/**
 * Formulas as a reader wants them in a report: {@code e^-z} rather than {@code exp(1)^(-z)}, and
 * built-in functions written out where a claim is about the function itself.
 */
final class Display {
    private Display() {
    }

    static String print(Expr e) {
        return ExprPrinter.print(tidy(e));
    }

    /**
     * {@code exp(1)} as {@code e}, and a minus on a product or quotient moved onto its first factor
     * ({@code -y/a2} rather than {@code -(y/a2)}): the same value, written as a reader would.
     */
    static Expr tidy(Expr e) {
        Expr one = new Expr.Num(1);
        return Exprs.map(e, x -> {
            if (x instanceof Expr.Call c && c.fn().equals("exp") && c.args().get(0).equals(one)) {
                return new Expr.Var("e");
            }
            if (x instanceof Expr.Neg n && n.arg() instanceof Expr.Bin b
                    && (b.op() == Expr.Op.MUL || b.op() == Expr.Op.DIV) && !(b.left() instanceof Expr.Neg)) {
                return new Expr.Bin(b.op(), new Expr.Neg(b.left()), b.right());
            }
            return x;
        });
    }

    /** The definition of a built-in applied to a name, e.g. {@code 1/(1 + e^-z)}; null if none is known. */
    static String definition(String function, String argument) {
        org.gradaudit.expr.Builtin b = org.gradaudit.expr.Builtin.named(function);
        String d = b == null ? null : b.definition().orElse(null);
        if (d == null) {
            return null;
        }
        String text = d.replace("#", argument);
        try {
            ExprParser.parse(text, Scope.of(java.util.Set.of(), java.util.Set.of()));
            return text;
        } catch (ExprSyntaxException e) {
            throw new IllegalStateException("built-in definition does not parse: " + text, e);
        }
    }
}
