package org.gradaudit.symbolic;

import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Expr.Bin;
import org.gradaudit.expr.Expr.Op;

/**
 * A converted Symja result as a sign and a magnitude: {@code -mag} when {@code negative}, so that
 * {@link FromSymja} can move minus signs between the terms and factors of what it writes.
 */
record Signed(boolean negative, Expr mag) {
    /** The signed expression; in a product the minus goes on the first factor: -3*y/(2*a). */
    Expr expr() {
        return negative ? negateFirst(mag) : mag;
    }

    private static Expr negateFirst(Expr e) {
        if (e instanceof Bin b && (b.op() == Op.MUL || b.op() == Op.DIV)) {
            return new Bin(b.op(), negateFirst(b.left()), b.right());
        }
        return Expr.neg(e);
    }
}
