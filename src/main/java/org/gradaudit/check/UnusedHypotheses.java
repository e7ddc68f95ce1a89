package org.gradaudit.check;

import java.util.List;
import org.gradaudit.expr.Expr;

/**
 * A derivative with respect to a name the quantity does not use: a parameter that is trained but
 * that the forward pass never reads has a true gradient of 0, whatever the claim multiplies.
 */
final class UnusedHypotheses implements HypothesisFamily {
    private final String of;
    private final String wrt;

    /** @param of the quantity differentiated, e.g. L; @param wrt the name it does not depend on */
    UnusedHypotheses(String of, String wrt) {
        this.of = of;
        this.wrt = wrt;
    }

    @Override
    public List<Diagnoser.Hypothesis> candidates(Diagnoser.Context ctx, Expr written) {
        return List.of(new Diagnoser.Hypothesis(Diagnosis.UNUSED, Expr.num(0), of + " does not use " + wrt
                + " (no path of the graph leads from " + of + " to " + wrt + "), so d" + of + "/d" + wrt + " is 0"));
    }
}
