package org.gradaudit.check;

import java.util.List;
import org.gradaudit.expr.Expr;
import org.gradaudit.model.Item;
import org.gradaudit.numeric.BoundedValue;
import org.gradaudit.symbolic.CasException;
import org.gradaudit.symbolic.ChainRule;

/**
 * A run of code lines that a later {@code =} to the same name overwrites before anything reads it
 * (see {@link Item.CodeLine#overwrittenAt()}). When its value and the overwriting run's add up to the
 * truth, the two were one accumulation whose {@code +=} was written {@code =}: the earlier run is then
 * a part of it, not judged on its own (as the first lines of a run never are), and the overwriting
 * line is the one found wrong, its missing term the lost value. Otherwise both are judged as written.
 */
final class OverwrittenRuns {
    private OverwrittenRuns() {
    }

    /**
     * Whether {@code c} is the first part of an accumulation that a later {@code =} broke.
     *
     * @param items the model's items, to find the overwriting run's last line in
     * @param space where the code lines are compared
     */
    static boolean firstPart(Item.CodeLine c, List<Item> items, ChainRule truth, GraphForm graphForm, Judge judge,
                             Spaces.Space space) {
        if (c.overwrittenAt().isEmpty()) {
            return false;
        }
        int at = c.overwrittenAt().getAsInt();
        Item.CodeLine later = items.stream().filter(i -> i instanceof Item.CodeLine o && !o.partial()
                && o.lines().contains(at)).map(i -> (Item.CodeLine) i).findFirst().orElse(null);
        if (later == null) {
            return false;
        }
        try {
            Expr trueValue = c.truth(truth.derivative(c.target().of(), c.target().wrt()).closed());
            List<double[]> points = Auditor.sample(space.at());
            List<String> slots = space.points().slots();
            List<BoundedValue> values = Judge.values(trueValue, points, slots);
            return !judge.matches(graphForm.toGraph(c.claimed()), points, values, slots)
                    && judge.matches(graphForm.toGraph(Expr.add(c.claimed(), later.claimed())), points, values, slots);
        } catch (CasException | IllegalArgumentException e) {
            return false;
        }
    }
}
