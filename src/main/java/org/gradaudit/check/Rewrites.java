package org.gradaudit.check;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.gradaudit.check.tolerance.BoundedAgreement;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Expr.Bin;
import org.gradaudit.expr.Expr.Call;
import org.gradaudit.expr.Expr.Op;
import org.gradaudit.expr.Exprs;
import org.gradaudit.expr.Numbers;

/**
 * Single-change rewrites of a formula that the hypotheses try (one name replaced, one term's sign
 * flipped, one factor removed, one operator regrouped), the reader's way of writing a negative or
 * a constant, and the test that rules out a fix no one would write ({@code y - y}). Pure functions
 * of the formula: nothing here evaluates anything.
 */
final class Rewrites {
    private Rewrites() {
    }

    /** Every tree with exactly one occurrence of {@code from} replaced by {@code to}. */
    static List<Expr> replaceOne(Expr e, Expr from, Expr to, boolean argumentsOnly) {
        return Exprs.variants(e, x -> {
            if (argumentsOnly && x instanceof Call c) {
                List<Expr> out = new ArrayList<>();
                for (int i = 0; i < c.args().size(); i++) {
                    if (c.args().get(i).equals(from)) {
                        List<Expr> args = new ArrayList<>(c.args());
                        args.set(i, to);
                        out.add(new Call(c.fn(), args));
                    }
                }
                return out;
            }
            return !argumentsOnly && x.equals(from) ? List.of(to) : List.of();
        });
    }

    /** One additive term negated. */
    static List<Expr> termSigns(Expr e) {
        return Exprs.variants(e, x -> {
            if (x instanceof Bin b && (b.op() == Op.ADD || b.op() == Op.SUB)) {
                Op flipped = b.op() == Op.ADD ? Op.SUB : Op.ADD;
                return List.of(new Bin(flipped, b.left(), b.right()), new Bin(b.op(), negate(b.left()), b.right()));
            }
            return List.of();
        });
    }

    /** The negative of a formula, written the way a reader would: {@code b - a} for {@code a - b}. */
    static Expr negate(Expr e) {
        if (e instanceof Expr.Neg n) {
            return n.arg();
        }
        if (e instanceof Bin b && b.op() == Op.SUB) {
            return new Bin(Op.SUB, b.right(), b.left());
        }
        if (e instanceof Bin b && (b.op() == Op.MUL || b.op() == Op.DIV) && b.left() instanceof Expr.Neg n) {
            return new Bin(b.op(), n.arg(), b.right());
        }
        return new Expr.Neg(e);
    }

    /**
     * One factor of a product, or one divisor, removed; then a run of consecutive factors of a product
     * chain removed ({@code ot*(1 - ot)} in {@code dot*ot*(1 - ot)}, a derivative applied twice).
     */
    static List<Expr> withoutOneFactor(Expr e) {
        List<Expr> out = new ArrayList<>(withoutOneSide(e));
        for (Expr c : Exprs.variants(e, Rewrites::withoutRun)) {
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** A product chain {@code f1*...*fn} (n >= 3) with a run of two or more of its factors, not all, left out. */
    private static List<Expr> withoutRun(Expr x) {
        if (!(x instanceof Bin b && b.op() == Op.MUL && b.left() instanceof Bin l && l.op() == Op.MUL)) {
            return List.of();
        }
        List<Expr> f = chain(x);
        List<Expr> out = new ArrayList<>();
        for (int i = 0; i < f.size(); i++) {
            for (int j = i + 2; j <= f.size() && j - i < f.size(); j++) {
                Expr p = null;
                for (int k = 0; k < f.size(); k++) {
                    if (k < i || k >= j) {
                        p = p == null ? f.get(k) : Expr.mul(p, f.get(k));
                    }
                }
                out.add(p);
            }
        }
        return out;
    }

    /**
     * "it has the factor X too many" ("the divisor X"), X being what {@code fix}, one of
     * {@link #withoutOneFactor}'s formulas for {@code written}, leaves out, in {@code printer}'s names;
     * without the name where that is not one factor, one divisor or one run of factors.
     */
    static String extraFactor(Expr written, Expr fix, Function<Expr, String> printer) {
        Removed r = removed(written, fix);
        return r == null ? "it has a factor too many"
                : "it has the " + (r.divisor() ? "divisor " : "factor ") + printer.apply(r.part()) + " too many";
    }

    /** A factor or divisor that one change left out. */
    private record Removed(Expr part, boolean divisor) {
    }

    /** What {@code f} leaves out of {@code w}: the two are the same tree but at one place, where it is. */
    private static Removed removed(Expr w, Expr f) {
        if (w.equals(f)) {
            return null;
        }
        Removed here = removedHere(w, f);
        if (here != null) {
            return here;
        }
        if (w instanceof Bin a && f instanceof Bin b && a.op() == b.op()) {
            return a.left().equals(b.left()) ? removed(a.right(), b.right())
                    : a.right().equals(b.right()) ? removed(a.left(), b.left()) : null;
        }
        if (w instanceof Expr.Neg a && f instanceof Expr.Neg b) {
            return removed(a.arg(), b.arg());
        }
        if (w instanceof Call a && f instanceof Call b && a.fn().equals(b.fn()) && a.args().size() == b.args().size()) {
            int differs = -1;
            for (int i = 0; i < a.args().size(); i++) {
                if (!a.args().get(i).equals(b.args().get(i))) {
                    if (differs >= 0) {
                        return null;
                    }
                    differs = i;
                }
            }
            return differs < 0 ? null : removed(a.args().get(differs), b.args().get(differs));
        }
        return null;
    }

    /** What {@code f} leaves out of {@code w} at its top: one side of a product, a divisor, or a run of a product chain. */
    private static Removed removedHere(Expr w, Expr f) {
        if (w instanceof Bin b && b.op() == Op.DIV) {
            return f.equals(b.left()) ? new Removed(b.right(), true) : null;
        }
        if (!(w instanceof Bin b && b.op() == Op.MUL)) {
            return null;
        }
        if (f.equals(b.left())) {
            return new Removed(b.right(), false);
        }
        if (f.equals(b.right())) {
            return new Removed(b.left(), false);
        }
        List<Expr> all = chain(w);
        List<Expr> kept = chain(f);
        int run = all.size() - kept.size();
        if (run < 2) {
            return null;
        }
        int i = 0;
        while (i < kept.size() && all.get(i).equals(kept.get(i))) {
            i++;
        }
        if (!all.subList(i + run, all.size()).equals(kept.subList(i, kept.size()))) {
            return null;
        }
        Expr p = all.get(i);
        for (int k = i + 1; k < i + run; k++) {
            p = Expr.mul(p, all.get(k));
        }
        return new Removed(p, false);
    }

    /** The factors of a product chain {@code ((f1*f2)*f3)*...}, in order; {@code x} alone when it is none. */
    private static List<Expr> chain(Expr x) {
        List<Expr> f = new ArrayList<>();
        for (Expr y = x; ; y = ((Bin) y).left()) {
            if (y instanceof Bin m && m.op() == Op.MUL) {
                f.add(0, m.right());
            } else {
                f.add(0, y);
                return f;
            }
        }
    }

    private static List<Expr> withoutOneSide(Expr e) {
        return Exprs.variants(e, x -> {
            if (x instanceof Bin b && b.op() == Op.MUL) {
                return List.of(b.left(), b.right());
            }
            if (x instanceof Bin b && b.op() == Op.DIV) {
                return List.of(b.left());
            }
            return List.of();
        });
    }

    /** Every tree with one operator regrouped: (a op1 b) op2 c as a op1 (b op2 c), and back. */
    static List<Expr> regroupings(Expr e) {
        return Exprs.variants(e, x -> {
            List<Expr> out = new ArrayList<>();
            if (x instanceof Bin outer && outer.left() instanceof Bin inner) {
                out.add(new Bin(inner.op(), inner.left(), new Bin(outer.op(), inner.right(), outer.right())));
            }
            if (x instanceof Bin outer && outer.right() instanceof Bin inner) {
                out.add(new Bin(inner.op(), new Bin(outer.op(), outer.left(), inner.left()), inner.right()));
            }
            if (x instanceof Expr.Neg n && n.arg() instanceof Bin inner) {
                out.add(new Bin(inner.op(), new Expr.Neg(inner.left()), inner.right()));
            }
            return out;
        });
    }

    /**
     * Whether a fix brings in a part that is no formula anyone writes, {@code y - y} or {@code a/a}:
     * a change that explains the values but not the mistake.
     */
    static boolean degenerate(Expr fix, Expr written) {
        return countDegenerate(fix) > countDegenerate(written);
    }

    private static long countDegenerate(Expr e) {
        return Exprs.subtrees(e).stream().filter(x -> x instanceof Bin b && ((b.op() == Op.SUB || b.op() == Op.DIV)
                && b.left().equals(b.right()) || b.op() == Op.ADD && (b.left().equals(new Expr.Neg(b.right()))
                || b.right().equals(new Expr.Neg(b.left()))) || cancels(b))).count();
    }

    /** A product {@code a*b*(1/b)}: one of its factors is the reciprocal of another. */
    private static boolean cancels(Bin b) {
        if (b.op() != Op.MUL || !(b.right() instanceof Bin r && r.op() == Op.DIV && r.left() instanceof Expr.Num one
                && one.value() == 1)) {
            return false;
        }
        List<Expr> factors = new ArrayList<>();
        for (Expr x = b.left(); ; x = ((Bin) x).left()) {
            if (x instanceof Bin m && m.op() == Op.MUL) {
                factors.add(m.right());
            } else {
                factors.add(x);
                break;
            }
        }
        return factors.contains(r.right());
    }

    /** Whether {@code a} is {@code b} up to rounding. */
    static boolean close(double a, double b) {
        return org.gradaudit.check.tolerance.BoundedAgreement.sameConstant(a, b);
    }

    /** A constant as an exact-looking formula: 1/2 rather than 0.49999999999999994. */
    static Expr constant(double v) {
        String p = pretty(Math.abs(v));
        Expr e;
        int slash = p.indexOf('/');
        if (slash > 0) {
            e = Expr.div(Expr.num(Double.parseDouble(p.substring(0, slash))), Expr.num(Double.parseDouble(p.substring(slash + 1))));
        } else {
            e = Expr.num(Math.abs(v));
        }
        return v < 0 ? new Expr.Neg(e) : e;
    }

    /** A constant as a short fraction when it is one. */
    static String pretty(double k) {
        for (int d = 1; d <= 12; d++) {
            double n = k * d;
            if (Math.abs(n - Math.rint(n)) < BoundedAgreement.CONSTANT_RELATIVE * Math.max(1, Math.abs(n))) {
                long num = Math.round(n);
                return d == 1 ? Long.toString(num) : num + "/" + d;
            }
        }
        return Numbers.six(k);
    }
}
