package org.gradaudit.expr;

import java.util.Locale;

/**
 * Every number gradaudit prints goes through here, formatted with {@link Locale#ROOT}: reports,
 * JSON and messages read the same on every machine (under a German default locale
 * {@code String.format("%.6g", 0.5)} gives {@code 0,500000}, which breaks JSON consumers and
 * every reader who parses the text). Exact round-tripping text is {@link ExprPrinter#number}.
 */
public final class Numbers {
    private Numbers() {
    }

    /** {@link String#format} with {@link Locale#ROOT}: the only way a pattern with numbers is formatted. */
    public static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    /** {@code v} to {@code digits} significant digits, as {@code %.<digits>g}: {@code 0.500000}, {@code 1.50000e-07}. */
    public static String significant(double v, int digits) {
        if (digits < 1) {
            throw new IllegalArgumentException("digits must be >= 1, was [" + digits + "]");
        }
        return String.format(Locale.ROOT, "%." + digits + "g", v);
    }

    /** Six significant digits, as {@code %.6g}: the precision of points and values in messages. */
    public static String six(double v) {
        return significant(v, 6);
    }

    /**
     * A coordinate of a point as a message prints it: a whole number as one ({@code m = 2}, a size
     * or a value fixed by {@code where}), anything else as {@link #six}.
     */
    public static String coordinate(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return v == 0 ? "0" : Long.toString((long) v);
        }
        return six(v);
    }

    /**
     * Six significant digits with trailing zeros dropped: {@code 3}, {@code -0.0123},
     * {@code 1.5e-07}; {@code 0} for zero of either sign; NaN and infinities as Java spells them.
     */
    public static String trimmed(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return String.valueOf(v);
        }
        if (v == 0) {
            return "0";
        }
        String s = six(v);
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "" : s.substring(e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + exponent;
    }
}
