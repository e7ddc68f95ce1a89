package org.gradaudit.numeric.code;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradaudit.bounds.Deadline;
import org.gradaudit.bounds.TimeLimitException;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Exprs;
import org.gradaudit.model.Graph;
import org.gradaudit.model.Item;
import org.gradaudit.model.Model;
import org.gradaudit.numeric.Evaluators;

/**
 * A derivation's backprop code lines as a producer of derivatives: run in file order, as
 * published, at one point, each reading the values earlier lines gave (updates of parameters
 * included: a line after one reads the updated value). It computes; it never compares.
 */
public final class CodeLines {
    private CodeLines() {
    }

    /**
     * A gradient as the published code computes it: the name the code gives it, its value, the
     * value at that point of the factor its name carries ({@code grad dZ2 = m * dL/dZ2}), and the
     * line that last assigned it.
     */
    public record Executed(String name, double value, double factor, int line) {
        /** The derivative the value stands for: the value without its name's factor. */
        public double derivative() {
            return value / factor;
        }
    }

    /**
     * Runs the code lines in file order at {@code base}, checking {@code deadline} before each line.
     *
     * @param graph the graph whose loss {@code dX} means
     * @param slots the names of {@code base}'s entries, variables and nodes
     * @param base a point: every variable and node of the graph, by slot
     * @return each derivative the code assigns, by the derivative its name stands for
     * @throws IllegalArgumentException if a line uses a gradient no earlier line assigned, or a
     *     name's factor is 0 or not finite at the point
     * @throws TimeLimitException when the deadline passes before the last line has run
     */
    public static Map<Expr.Deriv, Executed> execute(Model model, Graph graph, List<String> slots, double[] base,
            Deadline deadline) {
        Map<Expr.Deriv, Executed> executed = new LinkedHashMap<>();
        for (Item item : model.items()) {
            if (!(item instanceof Item.CodeLine c) || c.partial()) {
                continue;
            }
            deadline.check("running the code lines (line " + c.statement().position().line() + ")");
            Map<Expr.Deriv, Expr> values = new HashMap<>();
            for (Expr.Deriv d : Exprs.derivatives(c.claimed())) {
                Executed v = executed.get(d);
                if (v == null) {
                    throw new IllegalArgumentException(c.statement().position() + ": this code line uses "
                            + (d.of().equals(graph.loss()) ? "d" + d.wrt() : d) + " before any code line assigns it");
                }
                values.put(d, Expr.num(v.derivative()));
            }
            Expr e = model.functions().inline(Exprs.substituteDerivatives(c.claimed(), values));
            double factor = Evaluators.compile(model.functions().inline(c.factor()), slots).eval(base);
            if (factor == 0 || !Double.isFinite(factor)) {
                throw new IllegalArgumentException(c.statement().position() + ": the factor of " + c.statement().name()
                        + "'s meaning is " + factor + " here, so its value says nothing about " + c.target());
            }
            executed.put(c.target(), new Executed(c.statement().name(), Evaluators.compile(e, slots).eval(base),
                    factor, c.statement().position().line()));
        }
        return executed;
    }
}
