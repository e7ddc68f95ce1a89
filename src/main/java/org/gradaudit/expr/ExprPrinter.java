package org.gradaudit.expr;

import org.gradaudit.expr.Expr.Bin;
import org.gradaudit.expr.Expr.Call;
import org.gradaudit.expr.Expr.Deriv;
import org.gradaudit.expr.Expr.Neg;
import org.gradaudit.expr.Expr.Num;
import org.gradaudit.expr.Expr.Op;
import org.gradaudit.expr.Expr.Var;

/**
 * Prints an expression in the derivation-file syntax with as few parentheses as parsing it back
 * needs: {@code ExprParser.parse(print(e))} equals {@code e}. Multiplication is always explicit.
 */
public final class ExprPrinter {
    private static final int NEG = 3;
    private static final int ATOM = 5;

    private ExprPrinter() {
    }

    /** The expression as text. */
    public static String print(Expr e) {
        StringBuilder out = new StringBuilder();
        write(e, out);
        return out.toString();
    }

    /** A number as the shortest text that reads back as the same double. */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    private static int precedence(Expr e) {
        if (e instanceof Bin b) {
            return b.op().precedence;
        }
        return e instanceof Neg ? NEG : ATOM;
    }

    private static void write(Expr e, StringBuilder out) {
        if (e instanceof Num n) {
            out.append(number(n.value()));
        } else if (e instanceof Var v) {
            out.append(v.name());
        } else if (e instanceof Deriv d) {
            out.append('d').append(d.of()).append("/d").append(d.wrt());
        } else if (e instanceof Neg n) {
            out.append('-');
            boolean wrap = precedence(n.arg()) <= Op.MUL.precedence || n.arg() instanceof Neg;
            writeWrapped(n.arg(), wrap, out);
        } else if (e instanceof Call c && Exprs.isPartial(c)) {
            // d(f, v), the partial derivative of f with respect to v, as tutorials write it: d(f)/dv
            out.append("d(");
            write(c.args().get(0), out);
            out.append(")/d").append(((Var) c.args().get(1)).name());
        } else if (e instanceof Call c) {
            out.append(c.fn()).append('(');
            for (int i = 0; i < c.args().size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                write(c.args().get(i), out);
            }
            out.append(')');
        } else {
            writeBin((Bin) e, out);
        }
    }

    private static void writeBin(Bin b, StringBuilder out) {
        int p = b.op().precedence;
        Expr l = b.left();
        Expr r = b.right();
        boolean wrapLeft = b.op() == Op.POW
                ? precedence(l) <= p || l instanceof Deriv
                : precedence(l) < p;
        boolean wrapRight = b.op() == Op.POW
                ? precedence(r) < p || r instanceof Deriv
                : precedence(r) <= p || r instanceof Neg || (b.op() == Op.DIV && r instanceof Deriv);
        writeWrapped(l, wrapLeft, out);
        out.append(switch (b.op()) {
            case ADD -> " + ";
            case SUB -> " - ";
            case MUL -> "*";
            case DIV -> "/";
            case POW -> "^";
        });
        writeWrapped(r, wrapRight, out);
    }

    private static void writeWrapped(Expr e, boolean wrap, StringBuilder out) {
        if (wrap) {
            out.append('(');
        }
        write(e, out);
        if (wrap) {
            out.append(')');
        }
    }
}
