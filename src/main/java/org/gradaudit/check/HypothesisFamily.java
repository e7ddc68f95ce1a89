package org.gradaudit.check;

import java.util.List;
import org.gradaudit.expr.Expr;

/**
 * One family of hypotheses about a wrong formula: the formulas that one kind of change to it gives,
 * each with the kind of mistake it would be and a sentence saying what it changed. The family only
 * proposes; the {@link Diagnoser} tests every proposal against the true values and keeps the first
 * that equals them at every point. Nothing here looks at the source's text or at any one derivation.
 */
interface HypothesisFamily {
    /**
     * Changed versions of {@code written}, most specific first.
     *
     * @param ctx the statement being diagnosed (its points, truth and names)
     * @param written the formula to change: the claim as written, or a claim already changed once
     * @return the candidate fixes, each with its kind and description; possibly empty, never null
     */
    List<Diagnoser.Hypothesis> candidates(Diagnoser.Context ctx, Expr written);
}
