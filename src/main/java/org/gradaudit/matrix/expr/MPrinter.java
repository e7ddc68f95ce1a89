package org.gradaudit.matrix.expr;

import java.util.Locale;
import org.gradaudit.matrix.expr.MExpr.Adjoint;
import org.gradaudit.matrix.expr.MExpr.Apply;
import org.gradaudit.matrix.expr.MExpr.Bin;
import org.gradaudit.matrix.expr.MExpr.BinOp;
import org.gradaudit.matrix.expr.MExpr.Broadcast;
import org.gradaudit.matrix.expr.MExpr.Compare;
import org.gradaudit.matrix.expr.MExpr.DimRef;
import org.gradaudit.matrix.expr.MExpr.Expand;
import org.gradaudit.matrix.expr.MExpr.MatMul;
import org.gradaudit.matrix.expr.MExpr.Neg;
import org.gradaudit.matrix.expr.MExpr.Num;
import org.gradaudit.matrix.expr.MExpr.Pow;
import org.gradaudit.matrix.expr.MExpr.Reduce;
import org.gradaudit.matrix.expr.MExpr.Ref;
import org.gradaudit.matrix.expr.MExpr.Softmax;
import org.gradaudit.matrix.expr.MExpr.Transpose;
import org.gradaudit.matrix.expr.MExpr.Zeros;

/**
 * Prints a matrix expression as numpy code that the matrix parser reads back to the same tree:
 * {@code 1/m * np.dot(dZ1, X.T)}. Precedence follows Python: {@code + -} below {@code * /} below
 * unary minus below {@code **} below {@code .T} and calls.
 */
public final class MPrinter {
    private static final int SUM = 1;
    private static final int PRODUCT = 2;
    private static final int UNARY = 3;
    private static final int POWER = 4;
    private static final int ATOM = 5;

    private MPrinter() {
    }

    public static String print(MExpr e) {
        return print(e, 0);
    }

    private static String print(MExpr e, int context) {
        int own = precedence(e);
        String s = body(e);
        return own < context ? "(" + s + ")" : s;
    }

    private static int precedence(MExpr e) {
        if (e instanceof Bin b) {
            return b.op() == BinOp.ADD || b.op() == BinOp.SUB ? SUM : PRODUCT;
        }
        if (e instanceof Neg) {
            return UNARY;
        }
        if (e instanceof Pow) {
            return POWER;
        }
        if (e instanceof Num n && n.value() < 0) {
            return UNARY;
        }
        return ATOM;
    }

    private static String body(MExpr e) {
        if (e instanceof Num n) {
            return number(n.value());
        } else if (e instanceof DimRef d) {
            return d.name();
        } else if (e instanceof Ref r) {
            return r.name();
        } else if (e instanceof Adjoint a) {
            return "d" + a.loss() + "/d" + a.of();
        } else if (e instanceof Neg n) {
            return "-" + print(n.a(), UNARY);
        } else if (e instanceof Bin b) {
            int p = precedence(b);
            String left = print(b.a(), p);
            // a - (b - c), a / (b * c): the right operand of a left-associative operator binds tighter
            String right = print(b.b(), p + 1);
            boolean tight = b.op() == BinOp.DIV && b.a() instanceof MExpr.Leaf && b.b() instanceof MExpr.Leaf;
            return tight ? left + "/" + right : left + " " + b.op().symbol + " " + right;
        } else if (e instanceof MatMul m) {
            return "np.dot(" + print(m.a()) + ", " + print(m.b()) + ")";
        } else if (e instanceof Transpose t) {
            return print(t.a(), ATOM) + ".T";
        } else if (e instanceof Pow p) {
            return print(p.a(), POWER + 1) + "**" + number(p.exponent());
        } else if (e instanceof Apply a) {
            return a.fn() == MExpr.Fn.RELU ? "np.maximum(0, " + print(a.a()) + ")"
                    : a.fn().spelling + "(" + print(a.a()) + ")";
        } else if (e instanceof Compare c) {
            return "(" + print(c.a(), SUM) + " " + c.op().symbol + " " + print(c.b(), SUM) + ")";
        } else if (e instanceof Reduce r) {
            return r.op().spelling + "(" + print(r.a()) + (r.axis() == Reduce.ALL ? "" : ", axis=" + r.axis())
                    + (r.keepdims() ? ", keepdims=True" : "") + ")";
        } else if (e instanceof Softmax s) {
            return (s.log() ? "log_softmax(" : "softmax(") + print(s.a()) + ", axis=" + s.axis() + ")";
        } else if (e instanceof Broadcast b && b.a() instanceof Num n && n.value() == 1) {
            return "np.ones(" + b.shape() + ")"; // as the parser reads np.ones
        } else if (e instanceof Broadcast b) {
            return "np.broadcast_to(" + print(b.a()) + ", " + b.shape() + ")";
        } else if (e instanceof Expand x) {
            return "np.expand_dims(" + print(x.a()) + ", " + x.axis() + ")";
        } else if (e instanceof Zeros z) {
            return "np.zeros(" + z.shape() + ")";
        }
        throw new AssertionError("unprinted matrix node " + e.getClass());
    }

    /** A number as Python writes it: integers without a point, others in their shortest form. */
    static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return Double.toString(v);
    }
}
