package org.gradaudit.model;

import java.util.List;
import org.gradaudit.expr.Expr;
import org.gradaudit.numeric.Evaluators;

/** The value of a formula without variables. */
final class Constants {
    private Constants() {
    }

    /** The double value; NaN or infinite when it is out of range or undefined. */
    static double value(Expr constant) {
        return Evaluators.compile(constant, List.of()).eval(new double[0]);
    }
}
