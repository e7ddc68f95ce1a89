package org.gradaudit.report.html;

import java.util.Set;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Expr.Bin;
import org.gradaudit.expr.Expr.Call;
import org.gradaudit.expr.Expr.Deriv;
import org.gradaudit.expr.Expr.Neg;
import org.gradaudit.expr.Expr.Num;
import org.gradaudit.expr.Expr.Op;
import org.gradaudit.expr.Expr.Var;
import org.gradaudit.expr.ExprPrinter;

/**
 * Typesets the project's {@link Expr} values as MathML Core, which Chromium and Firefox render
 * natively: quotients and Leibniz derivatives as fractions ({@code dL/da2} as a fraction of
 * differentials), powers as superscripts ({@code exp(u)} as e to the u), products by juxtaposition
 * where that reads as a product ({@code a2(1 - a2)}, as written) and with a dot where it would not.
 * Parentheses follow the expression's tree, as {@code ExprPrinter} does, so a formula keeps the
 * grouping it was written with. Subtrees in a <em>marked</em> set (by identity, see
 * {@link Differences}) are wrapped in {@code <mrow class="diff">}, for the part of a formula that
 * differs from another.
 */
final class MathMl {
    private static final String INVISIBLE_TIMES = "\u2062";
    private static final String APPLY = "\u2061";
    private static final String MINUS = "\u2212";

    private final Html h;
    private final Notation notation;
    private Set<Expr> marked = Set.of();

    MathMl(Html h, Notation notation) {
        this.h = h;
        this.notation = notation;
    }

    /**
     * Opens a {@code <math>} element.
     *
     * @param alt the formula as text, for the {@code alttext} attribute (screen readers, search, copying)
     * @param block whether the formula stands on its own line
     */
    MathMl open(String alt, boolean block) {
        h.open("math", "display", block ? "block" : null, "alttext", alt);
        h.open("mrow");
        return this;
    }

    MathMl close() {
        h.close("mrow");
        h.close("math");
        return this;
    }

    /** One whole formula as a {@code <math>} element. */
    void formula(Expr e, String alt, boolean block) {
        open(alt, block);
        expr(e, Set.of());
        close();
    }

    /** An operator such as {@code =}. */
    MathMl op(String o) {
        h.element("mo", o);
        return this;
    }

    /** Words inside a formula, such as {@code where}. */
    MathMl words(String s) {
        h.element("mtext", s);
        return this;
    }

    /** The expression, with the subtrees in {@code marked} (an identity set) wrapped as differing. */
    MathMl expr(Expr e, Set<Expr> marked) {
        this.marked = marked;
        write(e);
        this.marked = Set.of();
        return this;
    }

    /** {@code d/dv (e)}: the derivative of an expression with respect to {@code wrt}, written as an operator. */
    MathMl derivativeOf(Expr e, String wrt) {
        h.open("mfrac").element("mi", "d", "mathvariant", "normal");
        h.open("mrow").element("mi", "d", "mathvariant", "normal");
        notation.name(h, wrt);
        h.close("mrow").close("mfrac");
        h.element("mo", APPLY);
        paren(e);
        return this;
    }

    private void write(Expr e) {
        boolean mark = marked.contains(e);
        if (mark) {
            h.open("mrow", "class", "diff");
        }
        if (e instanceof Num n) {
            h.element("mn", ExprPrinter.number(n.value()));
        } else if (e instanceof Var v) {
            notation.name(h, v.name());
        } else if (e instanceof Deriv d) {
            leibniz(d);
        } else if (e instanceof Neg n) {
            h.element("mo", MINUS);
            wrap(n.arg(), n.arg() instanceof Neg || n.arg() instanceof Bin b && b.op() != Op.DIV && b.op() != Op.POW);
        } else if (e instanceof Call c && org.gradaudit.expr.Exprs.isPartial(c)) {
            h.open("mrow");
            derivativeOf(c.args().get(0), ((Var) c.args().get(1)).name());
            h.close("mrow");
        } else if (e instanceof Call c) {
            call(c);
        } else {
            bin((Bin) e);
        }
        if (mark) {
            h.close("mrow");
        }
    }

    private void leibniz(Deriv d) {
        h.open("mfrac");
        h.open("mrow").element("mi", "d", "mathvariant", "normal");
        notation.name(h, d.of());
        h.close("mrow");
        h.open("mrow").element("mi", "d", "mathvariant", "normal");
        notation.name(h, d.wrt());
        h.close("mrow");
        h.close("mfrac");
    }

    private void call(Call c) {
        if (c.fn().equals("exp") && c.args().size() == 1) {
            h.open("msup").element("mi", "e");
            group(c.args().get(0));
            h.close("msup");
        } else if (c.fn().equals("sqrt") && c.args().size() == 1) {
            h.open("msqrt");
            write(c.args().get(0));
            h.close("msqrt");
        } else {
            h.open("mrow");
            h.element("mi", notation.function(c.fn()));
            h.element("mo", APPLY);
            h.open("mrow").element("mo", "(");
            for (int i = 0; i < c.args().size(); i++) {
                if (i > 0) {
                    h.element("mo", ",");
                }
                write(c.args().get(i));
            }
            h.element("mo", ")").close("mrow");
            h.close("mrow");
        }
    }

    private void bin(Bin b) {
        Expr l = b.left();
        Expr r = b.right();
        switch (b.op()) {
            case DIV -> {
                h.open("mfrac");
                group(l);
                group(r);
                h.close("mfrac");
            }
            case POW -> {
                h.open("msup");
                wrap(l, !(l instanceof Num || l instanceof Var));
                group(r);
                h.close("msup");
            }
            case ADD, SUB -> {
                h.open("mrow");
                write(l);
                h.element("mo", b.op() == Op.ADD ? "+" : MINUS);
                wrap(r, isSum(r) || r instanceof Neg);
                h.close("mrow");
            }
            default -> {
                h.open("mrow");
                boolean wrapLeft = isSum(l);
                boolean wrapRight = isSum(r) || r instanceof Neg || (r instanceof Bin m && m.op() == Op.MUL);
                wrap(l, wrapLeft);
                times(l, r, wrapRight);
                wrap(r, wrapRight);
                h.close("mrow");
            }
        }
    }

    /**
     * Juxtaposition where it reads as a product (a b, 2x, y ln(a), a(1 - a)); a dot between two
     * fractions, before a number, and next to a name of several letters.
     */
    private void times(Expr l, Expr r, boolean rightWrapped) {
        Expr last = last(l);
        Expr first = rightWrapped ? null : first(r);
        boolean fraction = isFraction(last) && first != null && isFraction(first);
        boolean number = first instanceof Num;
        boolean longName = (last instanceof Var v && !Notation.isShort(v.name()))
                || (first instanceof Var w && !Notation.isShort(w.name()));
        if (fraction || number || longName) {
            h.element("mo", "\u22c5");
            return;
        }
        h.element("mo", INVISIBLE_TIMES);
        if (first instanceof Call c && !c.fn().equals("exp") && !c.fn().equals("sqrt")
                && notation.function(c.fn()).length() > 1) {
            h.empty("mspace", "width", "0.1667em");
        }
    }

    private static boolean isFraction(Expr e) {
        return e instanceof Deriv || (e instanceof Bin b && b.op() == Op.DIV);
    }

    private static boolean isSum(Expr e) {
        return e instanceof Bin b && (b.op() == Op.ADD || b.op() == Op.SUB);
    }

    /** The rightmost factor of a product, as it is typeset. */
    private static Expr last(Expr e) {
        return e instanceof Bin b && b.op() == Op.MUL && !isSum(b.right()) ? last(b.right()) : e;
    }

    /** The leftmost factor of a product, as it is typeset. */
    private static Expr first(Expr e) {
        if (e instanceof Bin b && (b.op() == Op.MUL || b.op() == Op.POW) && !isSum(b.left())) {
            return first(b.left());
        }
        return e;
    }

    private void wrap(Expr e, boolean parens) {
        if (parens) {
            paren(e);
        } else {
            write(e);
        }
    }

    private void paren(Expr e) {
        h.open("mrow").element("mo", "(");
        write(e);
        h.element("mo", ")").close("mrow");
    }

    /** An operand that MathML lays out as one box (a fraction's numerator, an exponent). */
    private void group(Expr e) {
        h.open("mrow");
        write(e);
        h.close("mrow");
    }
}
