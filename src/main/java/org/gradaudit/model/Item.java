package org.gradaudit.model;

import java.util.List;
import java.util.Map;
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

    /** {@code code dX = formula}: a backprop line computing dL/dX, run in file order. */
    record CodeLine(Statement.Code statement, String wrt, Expr claimed) implements Item {
    }
}
