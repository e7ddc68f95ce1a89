package org.gradaudit.check.tolerance;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gradaudit.expr.Numbers;

/**
 * When a number printed in decimal agrees with the value it reports: a tutorial's worked value
 * ({@code dE/dw5 = 0.082167041 where ...}) is the true value to the digits it shows, so it agrees
 * when it differs from the true value by at most one unit in its last printed digit. One unit, not
 * half, because worked examples are computed by hand from rounded intermediate values, which moves
 * the last digit (Mazur's {@code -0.019049119} for a true {@code -0.0190491183}), and some truncate.
 *
 * <p>Only a number written with a decimal point and at least {@value #MIN_DIGITS} significant
 * digits is read this way ({@code 0.241300709}, {@code -4.38568e-4}). A whole number ({@code 1},
 * {@code 1e-3}) and a short decimal ({@code 0.25}, {@code 0.5}, {@code 0.2}) are exact, as in a table
 * of derivatives at 0: read as rounded, {@code 0.2} would pass for a true 0.25.
 *
 * @param digits the significant digits printed
 * @param unit one unit in the last printed digit: {@code 1e-9} for {@code 0.082167041}
 * @param scientific whether the number is written with an exponent ({@code 4.38568e-4})
 */
public record PrintedDigits(int digits, double unit, boolean scientific) {
    private static final Pattern DECIMAL = Pattern.compile("[-+\u2212]?(\\d+\\.\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    /** Fewest significant digits of a number read as rounded; shorter decimals are exact. */
    public static final int MIN_DIGITS = 3;

    /** Margin for the rounding of the unit itself and of the printed value's conversion to binary. */
    private static final double MARGIN = 1 + 1e-9;

    /** @throws IllegalArgumentException if digits is not positive or the unit not a positive number */
    public PrintedDigits {
        if (digits < 1) {
            throw new IllegalArgumentException("digits must be >= 1, was [" + digits + "]");
        }
        if (!(unit > 0) || Double.isInfinite(unit)) {
            throw new IllegalArgumentException("unit must be a positive number, was [" + unit + "]");
        }
    }

    /**
     * The precision of a claim's right-hand side, when it is a single number with a decimal point
     * and at least {@value #MIN_DIGITS} significant digits.
     *
     * @param text the right-hand side as written (without any {@code where})
     * @return its printed precision, or empty for anything else (a formula, a whole number)
     */
    public static Optional<PrintedDigits> of(String text) {
        String t = text.strip();
        if (!DECIMAL.matcher(t).matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(t.replace('\u2212', '-'));
        if (value.signum() == 0) {
            return Optional.empty(); // 0.0 is written as an exact zero
        }
        if (value.precision() < MIN_DIGITS) {
            return Optional.empty();
        }
        double unit = value.ulp().doubleValue();
        return unit > 0 && Double.isFinite(unit) ? Optional.of(new PrintedDigits(value.precision(), unit,
                t.indexOf('e') >= 0 || t.indexOf('E') >= 0))
                : Optional.empty();
    }

    /** Whether {@code printed} is {@code truth} to the printed digits (see the class documentation). */
    public boolean agrees(double printed, double truth) {
        return Math.abs(printed - truth) <= unit * MARGIN;
    }

    /**
     * {@code v} written as the claim is, to as many significant digits: the correction of a worked
     * value that is wrong ({@code 0.08217} for a claimed {@code 0.08216}).
     */
    public String round(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        if (scientific) {
            return Numbers.format("%." + (digits - 1) + "e", v).replaceFirst("e\\+?(-?)0*(\\d)", "e$1$2");
        }
        return new BigDecimal(v).round(new MathContext(digits, RoundingMode.HALF_EVEN)).toPlainString();
    }

    /** The rule in words, for a report. */
    public String sentence() {
        return "a number printed to " + digits + " significant digits, and it is the true value to those digits: they"
                + " differ by at most " + Numbers.trimmed(unit) + ", one unit in its last digit";
    }
}
