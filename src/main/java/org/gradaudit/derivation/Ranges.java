package org.gradaudit.derivation;

import java.util.Set;
import org.gradaudit.expr.Builtins;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.ExprParser;
import org.gradaudit.expr.ExprSyntaxException;
import org.gradaudit.expr.Scope;

/**
 * The bounds of a declaration's range, {@code in [low, high]}, read with the formula grammar (so
 * {@code -2}, {@code 1e-3}, {@code pi/2} and {@code -(1/2)} are bounds, and Java's {@code 0x1p3} or
 * {@code 1f} are not), and checked: finite, low below high, and a width that is itself finite, so
 * that every value drawn from the range is a number.
 */
final class Ranges {
    private static final Scope CONSTANTS_ONLY = Scope.of(Set.of(), Set.of());

    private Ranges() {
    }

    /** A bound's value, or the reason it is not one. */
    sealed interface Bound permits Value, Refused {
    }

    record Value(double value) implements Bound {
    }

    /** @param offset where in the bound's text the problem is */
    record Refused(int offset, String message) implements Bound {
    }

    /** Reads one bound, the text between the bracket and the comma or between the comma and the bracket. */
    static Bound bound(String text) {
        String t = text.strip();
        int lead = text.indexOf(t.isEmpty() ? " " : t);
        if (t.isEmpty()) {
            return new Refused(0, "a range bound is missing: write in [low, high]");
        }
        Expr e;
        try {
            e = ExprParser.parse(t, CONSTANTS_ONLY).expr();
        } catch (ExprSyntaxException ex) {
            return new Refused(lead + ex.offset(), "range bound '" + t + "': " + ex.getMessage());
        }
        double v = constant(e);
        if (Double.isNaN(v)) {
            return new Refused(lead, "range bound '" + t + "' is not a number; a bound is a constant such as -2, 0.5,"
                    + " 1e-3 or pi/2");
        }
        if (!Double.isFinite(v)) {
            return new Refused(lead, "range bound '" + t + "' is not finite");
        }
        return new Value(v);
    }

    /** Why {@code [low, high]} cannot be sampled, or null when it can. */
    static String check(double low, double high) {
        if (!(low < high)) {
            return "range [" + low + ", " + high + "] must have low < high";
        }
        if (!Double.isFinite(high - low)) {
            return "range [" + low + ", " + high + "] is too wide: its width overflows a double";
        }
        return null;
    }

    /** The value of a formula of numbers and the constants e and pi; NaN if it uses anything else. */
    private static double constant(Expr e) {
        if (e instanceof Expr.Num n) {
            return n.value();
        }
        if (e instanceof Expr.Var v) {
            Double c = Builtins.CONSTANTS.get(v.name());
            return c == null ? Double.NaN : c;
        }
        if (e instanceof Expr.Neg n) {
            return -constant(n.arg());
        }
        if (e instanceof Expr.Bin b) {
            double l = constant(b.left());
            double r = constant(b.right());
            return switch (b.op()) {
                case ADD -> l + r;
                case SUB -> l - r;
                case MUL -> l * r;
                case DIV -> l / r;
                case POW -> Math.pow(l, r);
            };
        }
        return Double.NaN;
    }
}
