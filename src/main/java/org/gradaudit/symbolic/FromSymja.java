package org.gradaudit.symbolic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gradaudit.expr.Builtin;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Expr.Bin;
import org.gradaudit.expr.Expr.Num;
import org.gradaudit.expr.Expr.Op;
import org.matheclipse.core.expression.S;
import org.matheclipse.core.interfaces.IAST;
import org.matheclipse.core.interfaces.IExpr;
import org.matheclipse.core.interfaces.IRational;
import org.matheclipse.core.interfaces.ISymbol;

/**
 * Translates a Symja result back into an {@link Expr} that reads well in a report:
 * {@code Times(-1, x)} becomes a negation, sums put positive terms first and subtract the rest,
 * negative powers go under a fraction bar, {@code x^(1/2)} is {@code sqrt(x)}, {@code E^x} is
 * {@code exp(x)}, and in products a factor such as {@code (-1 + a)} is turned into {@code (1 - a)}
 * with its sign moved out, where that reads better, sums come first, and {@code x*(1 - x)} is kept
 * side by side.
 *
 * <p>Anything outside the expression language (complex numbers, {@code Pi}, unknown heads) throws
 * {@link Unwritable}. Must run on the session's thread.
 */
final class FromSymja {
    /** A result the expression language cannot write. */
    static final class Unwritable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unwritable(String what) {
            super(what, null, false, false);
        }
    }

    /** A sign and a magnitude: {@code -mag} when {@code negative}. */
    private record Signed(boolean negative, Expr mag) {
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

    /** One orientation of a sum, and how badly it reads: negative terms, a negative constant. */
    private record Oriented(Expr expr, int cost) {
    }

    private final Session session;
    private final Map<ISymbol, String> names;

    FromSymja(Session session, Map<ISymbol, String> names) {
        this.session = session;
        this.names = names;
    }

    Expr convert(IExpr x) {
        return signed(x).expr();
    }

    private Signed signed(IExpr x) {
        if (x.isRational()) {
            return rational((IRational) x);
        }
        if (x.isNumber()) {
            if (!x.isReal()) {
                throw new Unwritable("a complex number [" + x + "]");
            }
            double v = x.evalf();
            if (!Double.isFinite(v)) {
                throw new Unwritable("a non-finite number [" + x + "]");
            }
            return new Signed(v < 0, new Num(Math.abs(v)));
        }
        if (x.isSymbol()) {
            String name = names.get(x);
            if (name != null) {
                return new Signed(false, Expr.var(name));
            }
            if (x.isE()) {
                return new Signed(false, Expr.call("exp", new Num(1)));
            }
            throw new Unwritable("the symbol [" + x + "]");
        }
        if (x.isPlus()) {
            List<Term> terms = terms((IAST) x);
            Oriented plain = sum(terms, false);
            Oriented flipped = sum(terms, true);
            // -(a + b) rather than -a - b only when every term is negative
            return flipped.cost == 0 && plain.cost > 0
                    ? new Signed(true, flipped.expr) : new Signed(false, plain.expr);
        }
        if (x.isTimes() || x.isPower()) {
            return product(x);
        }
        if (x.isAST() && ((IAST) x).argSize() == 1) {
            return new Signed(false, function((IAST) x));
        }
        throw new Unwritable("[" + x.head() + "]");
    }

    private Expr function(IAST f) {
        IExpr head = f.head();
        Expr arg = convert(f.arg1());
        Optional<Builtin> opaque = session.opaqueBuiltin(head);
        if (opaque.isPresent()) {
            return opaque.get().call(arg);
        } else if (head == S.Log) {
            return Expr.call("log", arg);
        } else if (head == S.Sin) {
            return Expr.call("sin", arg);
        } else if (head == S.Cos) {
            return Expr.call("cos", arg);
        } else if (head == S.Tan) {
            return Expr.div(Expr.call("sin", arg), Expr.call("cos", arg));
        } else if (head == S.Cot) {
            return Expr.div(Expr.call("cos", arg), Expr.call("sin", arg));
        } else if (head == S.Sec) {
            return Expr.div(new Num(1), Expr.call("cos", arg));
        } else if (head == S.Csc) {
            return Expr.div(new Num(1), Expr.call("sin", arg));
        }
        throw new Unwritable("the function [" + head + "]");
    }

    /** A term of a sum, converted once; {@code number} if it is a constant. */
    private record Term(Signed value, boolean number) {
    }

    private List<Term> terms(IAST plus) {
        List<Term> terms = new ArrayList<>();
        for (int i = 1; i <= plus.argSize(); i++) {
            terms.add(new Term(signed(plus.get(i)), plus.get(i).isNumber()));
        }
        return terms;
    }

    /** A sum, positive terms first; {@code flip} negates every term. */
    private static Oriented sum(List<Term> terms, boolean flip) {
        List<Expr> positive = new ArrayList<>();
        List<Expr> negative = new ArrayList<>();
        int cost = 0;
        for (Term t : terms) {
            boolean neg = t.value.negative != flip;
            (neg ? negative : positive).add(t.value.mag);
            if (neg) {
                cost += t.number ? 3 : 2;
            }
        }
        Expr e;
        int from;
        if (positive.isEmpty()) {
            e = Expr.neg(negative.get(0));
            from = 1;
        } else {
            e = positive.get(0);
            for (int i = 1; i < positive.size(); i++) {
                e = Expr.add(e, positive.get(i));
            }
            from = 0;
        }
        for (int i = from; i < negative.size(); i++) {
            e = Expr.sub(e, negative.get(i));
        }
        return new Oriented(e, cost);
    }

    /** One factor of a product: a base, an exponent (null for 1), and for sums both orientations. */
    private final class Factor {
        final IExpr base;
        final IExpr exponent;
        Oriented plain;
        Oriented flipped;
        boolean flip;

        Factor(IExpr base, IExpr exponent) {
            this.base = base;
            this.exponent = exponent;
            boolean odd = exponent == null || (exponent.isInteger() && ((IRational) exponent).toBigNumerator().testBit(0));
            if (base.isPlus() && odd) {
                List<Term> terms = terms((IAST) base);
                plain = sum(terms, false);
                flipped = sum(terms, true);
            }
        }

        boolean flippable() {
            return plain != null;
        }

        int cost() {
            return flip ? flipped.cost : plain.cost;
        }

        int flipCost() {
            return (flip ? plain.cost : flipped.cost) - cost();
        }

        Expr expr() {
            Expr b = flippable() ? (flip ? flipped.expr : plain.expr) : null;
            if (base.isE() && exponent != null) {
                return Expr.call("exp", convert(exponent));
            }
            if (b == null) {
                b = convert(base);
            }
            if (exponent == null) {
                return b;
            }
            if (exponent.isRational() && ((IRational) exponent).toBigNumerator().equals(BigInteger.ONE)
                    && ((IRational) exponent).toBigDenominator().equals(BigInteger.TWO)) {
                return Expr.call("sqrt", b);
            }
            return Expr.pow(b, exponent(exponent));
        }
    }

    /** An exponent: a fraction stays p/q ({@code x^(3/2)}), never a decimal. */
    private Expr exponent(IExpr e) {
        if (e.isFraction()) {
            IRational r = (IRational) e;
            Expr q = Expr.div(integer(r.toBigNumerator().abs()), integer(r.toBigDenominator()));
            return r.toBigNumerator().signum() < 0 ? Expr.neg(q) : q;
        }
        return convert(e);
    }

    private Signed product(IExpr x) {
        List<IExpr> items = new ArrayList<>();
        if (x.isTimes()) {
            IAST t = (IAST) x;
            for (int i = 1; i <= t.argSize(); i++) {
                items.add(t.get(i));
            }
        } else {
            items.add(x);
        }
        BigInteger p = BigInteger.ONE;
        BigInteger q = BigInteger.ONE;
        Expr inexact = null;
        boolean negative = false;
        List<Factor> num = new ArrayList<>();
        List<Factor> den = new ArrayList<>();
        for (IExpr f : items) {
            if (f.isRational()) {
                IRational r = (IRational) f;
                p = p.multiply(r.toBigNumerator());
                q = q.multiply(r.toBigDenominator());
            } else if (f.isNumber()) {
                Signed s = signed(f);
                negative ^= s.negative;
                inexact = s.mag;
            } else if (f.isPower() && f.exponent().isNumber() && f.exponent().isNegative()) {
                IExpr e = f.exponent().negate();
                den.add(new Factor(f.base(), e.isOne() ? null : e));
            } else if (f.isPower()) {
                num.add(new Factor(f.base(), f.exponent()));
            } else {
                num.add(new Factor(f, null));
            }
        }
        if (p.signum() < 0) {
            negative = !negative;
            p = p.negate();
        }
        negative = orient(num, den, negative);
        List<Expr> top = new ArrayList<>();
        if (!p.equals(BigInteger.ONE) || (inexact == null && num.isEmpty())) {
            top.add(integer(p));
        }
        if (inexact != null) {
            top.add(inexact);
        }
        top.addAll(pairUp(sumsFirst(num)));
        List<Expr> bottom = new ArrayList<>();
        if (!q.equals(BigInteger.ONE)) {
            bottom.add(integer(q));
        }
        bottom.addAll(pairUp(exprs(den)));
        Expr e = times(top);
        if (!bottom.isEmpty()) {
            e = Expr.div(e, times(bottom));
        }
        return new Signed(negative, e);
    }

    /**
     * Orients each sum factor the way it reads best, then, if a minus sign is left over, flips
     * the factor that suffers least from it, when that costs less than a leading minus.
     */
    private static boolean orient(List<Factor> num, List<Factor> den, boolean negative) {
        List<Factor> all = new ArrayList<>(num);
        all.addAll(den);
        for (Factor f : all) {
            if (f.flippable() && f.flipped.cost < f.plain.cost) {
                f.flip = true;
                negative = !negative;
            }
        }
        if (negative) {
            Factor best = null;
            for (Factor f : all) {
                if (f.flippable() && (best == null || f.flipCost() < best.flipCost())) {
                    best = f;
                }
            }
            if (best != null && best.flipCost() < 2) {
                best.flip = !best.flip;
                negative = false;
            }
        }
        return negative;
    }

    /**
     * Sums first, as tutorials write {@code (a2 - y)*W2*a1}; otherwise Symja's order. A factor
     * {@code (1 - x)} is not a free sum: {@link #pairUp} puts it after {@code x}.
     */
    private static List<Expr> sumsFirst(List<Factor> factors) {
        List<Expr> sums = new ArrayList<>();
        List<Expr> rest = new ArrayList<>();
        for (Factor f : factors) {
            (f.exponent == null && f.base.isPlus() ? sums : rest).add(f.expr());
        }
        sums.addAll(rest);
        return sums;
    }

    private static List<Expr> exprs(List<Factor> factors) {
        List<Expr> out = new ArrayList<>();
        for (Factor f : factors) {
            out.add(f.expr());
        }
        return out;
    }

    /** Moves each factor {@code (1 - x)} right after a factor {@code x}: the sigmoid-derivative shape. */
    private static List<Expr> pairUp(List<Expr> factors) {
        List<Expr> out = new ArrayList<>(factors);
        for (Expr f : factors) {
            if (f instanceof Bin b && b.op() == Op.SUB && b.left().equals(new Num(1))) {
                int at = out.indexOf(b.right());
                if (at >= 0) {
                    out.remove(f);
                    out.add(out.indexOf(b.right()) + 1, f);
                }
            }
        }
        return out;
    }

    private static Expr times(List<Expr> factors) {
        Expr e = factors.get(0);
        for (int i = 1; i < factors.size(); i++) {
            e = Expr.mul(e, factors.get(i));
        }
        return e;
    }

    private static Expr integer(BigInteger n) {
        double v = n.doubleValue();
        if (!Double.isFinite(v)) {
            throw new Unwritable("an integer of " + n.bitLength() + " bits");
        }
        return new Num(v);
    }

    /** A rational: a plain number when it is a short terminating decimal, else p/q. */
    private static Signed rational(IRational r) {
        BigInteger p = r.toBigNumerator();
        BigInteger q = r.toBigDenominator();
        boolean negative = p.signum() < 0;
        p = p.abs();
        if (q.equals(BigInteger.ONE)) {
            return new Signed(negative, integer(p));
        }
        if (isShortDecimal(p, q)) {
            return new Signed(negative, new Num(p.doubleValue() / q.doubleValue()));
        }
        return new Signed(negative, Expr.div(integer(p), integer(q)));
    }

    private static boolean isShortDecimal(BigInteger p, BigInteger q) {
        try {
            java.math.BigDecimal d = new java.math.BigDecimal(p).divide(new java.math.BigDecimal(q));
            return d.stripTrailingZeros().precision() <= 6;
        } catch (ArithmeticException nonTerminating) {
            return false;
        }
    }
}
