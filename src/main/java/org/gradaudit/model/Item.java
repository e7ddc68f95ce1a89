package org.gradaudit.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.gradaudit.derivation.Statement;
import org.gradaudit.expr.Expr;

/**
 * A statement of the derivation that the audit judges, with its formulas resolved against the
 * graph: aliases replaced, user functions inlined, gradient names {@code dX} turned into
 * {@code dL/dX}. Claimed expressions may still contain Leibniz atoms; the checker gives them
 * their true values ("judged locally").
 */
public sealed interface Item {
    Statement statement();

    /** The loss as written. */
    record LossItem(Statement.Loss statement, Expr written) implements Item {
    }

    /** {@code Z2 = W2*a1 + b2} after Z2 is defined: the restated formula must equal the definition. */
    record Restatement(Statement.Definition statement, String node, Expr claimed) implements Item {
    }

    /** {@code sigmoid(z) = 1/(1 + e^-z)}: a formula for a function, for every value of its parameters. */
    record FunctionClaim(Statement.Claim statement, String function, List<String> params, Expr truth,
                         Expr claimed) implements Item {
        public FunctionClaim {
            params = List.copyOf(params);
        }
    }

    /** {@code dA/dB = formula}: the total derivative of node A with respect to B through the graph. */
    record DerivativeClaim(Statement.Claim statement, String of, String wrt, Expr claimed) implements Item {
    }

    /**
     * {@code d(formula)/dv = formula}: the partial derivative, every other name held fixed. When
     * {@code rule} is set, {@code v} is not a quantity of the graph but the rule's own variable, as
     * in {@code d(ln(u))/du = 1/u}, and the formulas use nothing else.
     */
    record PartialClaim(Statement.Claim statement, Expr of, String wrt, Expr claimed, boolean rule) implements Item {
    }

    /** {@code left = right [where v = c]}: both sides equal, with the named variables held. */
    record EqualityClaim(Statement.Claim statement, Expr left, Expr claimed, Map<String, Expr> where)
            implements Item {
        public EqualityClaim {
            where = Map.copyOf(where);
        }
    }

    /**
     * {@code code dX = formula}: a backprop line, run in file order. Its name stands for
     * {@code factor * d(target.of)/d(target.wrt)}: {@code dL/dX} unless a {@code grad} line says
     * otherwise. {@code claimed} is what the name holds after this line (for {@code +=}, the sum of
     * the terms so far, each read at its own line). A {@code partial} line is followed by another
     * that accumulates into the same name: only the last of such a run is judged, and
     * {@code lines} lists every line of the run.
     *
     * @param spelling the gradient names this line's formula reads, each with the expression it stands
     *     for, so that formulas print in the code's own names
     * @param updatesRead the parameters this line reads after an update changed them, each with the
     *     update's line; {@code claimed} reads their updated values
     * @param beforeUpdates {@code claimed} as it would read with the parameters before their updates
     * @param overwrittenAt the line of a later {@code =} to the same name, with the same meaning, before
     *     anything read this run's value (a {@code +=} written {@code =} loses it); empty when none
     * @param overwrites the value of the run this line's {@code =} overwrites unread, when it does
     */
    record CodeLine(Statement.Code statement, Expr.Deriv target, Expr factor, Expr claimed, boolean partial,
                    List<Integer> lines, Map<Expr, String> spelling, Map<String, Integer> updatesRead,
                    Expr beforeUpdates, OptionalInt overwrittenAt, Optional<Overwritten> overwrites)
            implements Item {
        public CodeLine {
            lines = List.copyOf(lines);
            spelling = Map.copyOf(spelling);
            updatesRead = Map.copyOf(updatesRead);
        }

        /** This line as the last of a run that a later {@code =} at {@code line} overwrites before it is read. */
        CodeLine overwrittenAt(int line) {
            return new CodeLine(statement, target, factor, claimed, partial, lines, spelling, updatesRead, beforeUpdates,
                    OptionalInt.of(line), overwrites);
        }

        /** The variable or node this line's gradient is taken with respect to. */
        public String wrt() {
            return target.wrt();
        }

        /** The true value this line's name stands for, given the true derivative of its target. */
        public Expr truth(Expr derivative) {
            return factor.equals(Expr.num(1)) ? derivative : Expr.mul(factor, derivative);
        }
    }

    /**
     * The value an earlier run of code lines left in a name that a later {@code =} overwrites before
     * anything read it.
     *
     * @param value what the name held, as {@link CodeLine#claimed()} gives it
     * @param lines the lines of that run
     */
    record Overwritten(Expr value, List<Integer> lines) {
        public Overwritten {
            lines = List.copyOf(lines);
        }
    }

    /**
     * {@code W = W - learning_rate * dW}: a gradient-descent step of parameter {@code parameter};
     * {@code updated} is its value after the step, with the gradients it reads as Leibniz atoms.
     */
    record Update(Statement.Update statement, String parameter, Expr updated, Map<Expr, String> spelling)
            implements Item {
        public Update {
            spelling = Map.copyOf(spelling);
        }
    }
}
