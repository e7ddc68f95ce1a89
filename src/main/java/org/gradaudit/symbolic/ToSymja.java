package org.gradaudit.symbolic;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.gradaudit.expr.Builtin;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Expr.Bin;
import org.gradaudit.expr.Expr.Call;
import org.gradaudit.expr.Expr.Neg;
import org.gradaudit.expr.Expr.Num;
import org.gradaudit.expr.Expr.Var;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Translates a checked {@link Expr} into Symja with builders only: no text is parsed. Each user
 * variable gets a fresh symbol, {@code gav0000}, {@code gav0001}, ..., numbered in the sorted order
 * of the user's names, so Symja's canonical ordering follows the user's alphabetical order.
 *
 * <p>Numbers: a double is taken at its shortest decimal text ({@link Double#toString}), and that
 * decimal becomes an exact rational when its decimal exponent lies in [-{@value #MAX_DECIMAL_EXPONENT},
 * {@value #MAX_DECIMAL_EXPONENT}] (so {@code 0.5} is 1/2, {@code 1e-3} is 1/1000 and {@code 3} is 3);
 * other doubles stay machine numbers, which makes the arithmetic around them inexact.
 *
 * <p>Must run on the session's thread.
 */
final class ToSymja {
    static final int MAX_DECIMAL_EXPONENT = 30;

    private final Session session;
    private final Map<String, ISymbol> symbols = new HashMap<>();
    private final Map<ISymbol, String> names = new HashMap<>();

    /** @param variables every variable name that will be translated, in sorted order */
    ToSymja(Session session, Set<String> variables) {
        this.session = session;
        int i = 0;
        for (String name : variables) {
            ISymbol s = session.variable(i++);
            symbols.put(name, s);
            names.put(s, name);
        }
    }

    /** The user's name of each variable symbol, for the way back. */
    Map<ISymbol, String> names() {
        return names;
    }

    ISymbol symbol(String name) {
        ISymbol s = symbols.get(name);
        if (s == null) {
            throw new IllegalStateException("variable not declared: [" + name + "]");
        }
        return s;
    }

    IExpr convert(Expr e) {
        if (e instanceof Num n) {
            return number(n.value());
        } else if (e instanceof Var v) {
            return symbol(v.name());
        } else if (e instanceof Neg n) {
            return F.Negate(convert(n.arg()));
        } else if (e instanceof Bin b) {
            IExpr l = convert(b.left());
            IExpr r = convert(b.right());
            switch (b.op()) {
                case ADD: return F.Plus(l, r);
                case SUB: return F.Subtract(l, r);
                case MUL: return F.Times(l, r);
                case DIV: return F.Divide(l, r);
                default: return F.Power(l, r);
            }
        } else if (e instanceof Call c) {
            return call(c.fn(), convert(c.args().get(0)));
        }
        throw new IllegalArgumentException("cannot go to the CAS: [" + e + "]");
    }

    private IExpr call(String fn, IExpr arg) {
        Builtin f = Builtin.named(fn);
        if (f == null) {
            throw new IllegalArgumentException("not a built-in function: [" + fn + "]");
        }
        return session.call(f, arg);
    }

    /** The documented number rule; {@code v} is finite and non-negative. */
    static IExpr number(double v) {
        if (v == Math.rint(v) && v < 0x1p53) {
            return F.ZZ((long) v);
        }
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        int exponent = d.precision() - d.scale() - 1; // d = m * 10^exponent, 1 <= m < 10
        if (Math.abs(exponent) > MAX_DECIMAL_EXPONENT) {
            return F.num(v);
        }
        if (d.scale() <= 0) {
            return F.ZZ(d.toBigIntegerExact());
        }
        return F.fraction(d.unscaledValue(), BigInteger.TEN.pow(d.scale()));
    }
}
