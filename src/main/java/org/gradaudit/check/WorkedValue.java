package org.gradaudit.check;

import java.util.List;
import java.util.Optional;
import org.gradaudit.check.tolerance.PrintedDigits;
import org.gradaudit.expr.Expr;
import org.gradaudit.numeric.BoundedValue;

/**
 * A claim whose right-hand side is one printed number, a tutorial's worked value
 * ({@code dE/dw5 = 0.082167041 where ...}): judged to the digits it is printed with
 * ({@link PrintedDigits}), so its diagnosis and its correction are too.
 */
final class WorkedValue {
    private WorkedValue() {
    }

    /**
     * The sign hypothesis of a worked value: its negative is the true value to the digits printed at
     * every point. (The diagnoser's own sign test holds a number to the rounding of a double, which a
     * value printed to nine digits never meets.)
     */
    static Optional<Diagnoser.Hypothesis> sign(PrintedDigits printed, Expr written, List<BoundedValue> truth) {
        Optional<Double> v = value(written);
        if (v.isEmpty() || truth.isEmpty()) {
            return Optional.empty();
        }
        for (BoundedValue t : truth) {
            if (!printed.agrees(-v.get(), t.value())) {
                return Optional.empty();
            }
        }
        return Optional.of(new Diagnoser.Hypothesis(Diagnosis.SIGN, Expr.num(-v.get()),
                "it is the negative of the true value"));
    }

    /** A corrected number written to the claim's digits: {@code -0.019049118}, not its seventeen. */
    static Optional<String> fix(PrintedDigits printed, Expr fix) {
        return value(fix).map(printed::round);
    }

    private static Optional<Double> value(Expr e) {
        if (e instanceof Expr.Num n) {
            return Optional.of(n.value());
        }
        if (e instanceof Expr.Neg n && n.arg() instanceof Expr.Num m) {
            return Optional.of(-m.value());
        }
        return Optional.empty();
    }
}
