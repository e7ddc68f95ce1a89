package org.gradaudit.symbolic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gradaudit.expr.Builtin;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Expr.Num;
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
            return SymjaNumbers.rational((IRational) x);
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
            List<ReadingOrder.Term> terms = terms((IAST) x);
            ReadingOrder.Oriented plain = ReadingOrder.sum(terms, false);
            ReadingOrder.Oriented flipped = ReadingOrder.sum(terms, true);
            // -(a + b) rather than -a - b only when every term is negative
            return flipped.cost() == 0 && plain.cost() > 0
                    ? new Signed(true, flipped.expr()) : new Signed(false, plain.expr());
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

    private List<ReadingOrder.Term> terms(IAST plus) {
        List<ReadingOrder.Term> terms = new ArrayList<>();
        for (int i = 1; i <= plus.argSize(); i++) {
            terms.add(new ReadingOrder.Term(signed(plus.get(i)), plus.get(i).isNumber()));
        }
        return terms;
    }

    /** One factor of a product: a base, an exponent (null for 1), and for sums both orientations. */
    private final class Factor {
        final IExpr base;
        final IExpr exponent;
        ReadingOrder.Oriented plain;
        ReadingOrder.Oriented flipped;
        boolean flip;

        Factor(IExpr base, IExpr exponent) {
            this.base = base;
            this.exponent = exponent;
            boolean odd = exponent == null || (exponent.isInteger() && ((IRational) exponent).toBigNumerator().testBit(0));
            if (base.isPlus() && odd) {
                List<ReadingOrder.Term> terms = terms((IAST) base);
                plain = ReadingOrder.sum(terms, false);
                flipped = ReadingOrder.sum(terms, true);
            }
        }

        boolean flippable() {
            return plain != null;
        }

        int cost() {
            return flip ? flipped.cost() : plain.cost();
        }

        int flipCost() {
            return (flip ? plain.cost() : flipped.cost()) - cost();
        }

        Expr expr() {
            Expr b = flippable() ? (flip ? flipped.expr() : plain.expr()) : null;
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
            Expr q = Expr.div(SymjaNumbers.integer(r.toBigNumerator().abs()), SymjaNumbers.integer(r.toBigDenominator()));
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
                negative ^= s.negative();
                inexact = s.mag();
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
            top.add(SymjaNumbers.integer(p));
        }
        if (inexact != null) {
            top.add(inexact);
        }
        top.addAll(ReadingOrder.pairUp(sumsFirst(num)));
        List<Expr> bottom = new ArrayList<>();
        if (!q.equals(BigInteger.ONE)) {
            bottom.add(SymjaNumbers.integer(q));
        }
        bottom.addAll(ReadingOrder.pairUp(exprs(den)));
        Expr e = ReadingOrder.times(top);
        if (!bottom.isEmpty()) {
            e = Expr.div(e, ReadingOrder.times(bottom));
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
            if (f.flippable() && f.flipped.cost() < f.plain.cost()) {
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
}
