package org.gradaudit.derivation;

import java.util.List;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.NameRef;

/**
 * One line of a derivation file, as written. Formulas are parsed; names are not yet resolved
 * against the graph (see {@code org.gradaudit.model}).
 */
public sealed interface Statement {
    /** Where the statement starts. */
    Position position();

    /** The source's section this statement sits in, or "" before the first {@code @section}. */
    String section();

    /** The statement's text as written (without comment). */
    String text();

    /** A formula with the positions of the names in it. */
    record Formula(Expr expr, List<NameRef> names, int column, String text) {
        public Formula {
            names = List.copyOf(names);
        }

        /** The 1-based column of a name occurrence. */
        public int columnOf(NameRef ref) {
            return column + ref.offset();
        }
    }

    /** {@code input x, y}, {@code param W1, b1}: the free variables of the graph. */
    record Declare(Position position, String section, String text, Kind kind, List<String> names,
                   List<Integer> columns, double low, double high) implements Statement {
        public enum Kind { INPUT, PARAM }

        public Declare {
            names = List.copyOf(names);
            columns = List.copyOf(columns);
        }
    }

    /** {@code alias A2 = a2}: another spelling of a quantity, as a tutorial's code writes it. */
    record Alias(Position position, String section, String text, String alias, String target,
                 int targetColumn) implements Statement {
    }

    /**
     * {@code alias delta = (a - y)*a*(1 - a)}: a name for a formula, as a tutorial names an
     * expression; it stands for the formula wherever it is used, and is not a node of the graph.
     */
    record Named(Position position, String section, String text, String name, Formula formula)
            implements Statement {
    }

    /** {@code fn primesigmoid(z) = sigmoid(z)*(1 - sigmoid(z))}. */
    record FunctionDef(Position position, String section, String text, String name, List<String> params,
                       Formula body) implements Statement {
        public FunctionDef {
            params = List.copyOf(params);
        }
    }

    /** {@code Z1 = W1*x + b1}: defines a node the first time, restates it after. */
    record Definition(Position position, String section, String text, String name, Formula rhs)
            implements Statement {
    }

    /**
     * {@code loss L(a2, y) = ...}: the loss, its prediction and its target; or
     * {@code loss L(p1, p2; y1, y2) = ...}: several predictions, each with its target (same count,
     * paired in order).
     */
    record Loss(Position position, String section, String text, String name, List<String> predictions,
                List<String> targets, Formula rhs) implements Statement {
        public Loss {
            predictions = List.copyOf(predictions);
            targets = List.copyOf(targets);
            if (predictions.isEmpty() || predictions.size() != targets.size()) {
                throw new IllegalArgumentException("a loss pairs each prediction with a target, was "
                        + predictions + " and " + targets);
            }
        }

        /** The first prediction (the only one of {@code loss L(a2, y)}). */
        public String prediction() {
            return predictions.get(0);
        }

        /** The first target. */
        public String target() {
            return targets.get(0);
        }

        /** The arguments as written after the loss's name: {@code (a2, y)} or {@code (p1, p2; y1, y2)}. */
        public String arguments() {
            return predictions.size() == 1 ? "(" + prediction() + ", " + target() + ")"
                    : "(" + String.join(", ", predictions) + "; " + String.join(", ", targets) + ")";
        }
    }

    /**
     * {@code code dZ1 = ...}: a backprop code line; {@code dX} means dL/dX unless a {@link Grad}
     * says otherwise. Executed in order. {@code code dW += ...} and {@code -=} accumulate.
     */
    record Code(Position position, String section, String text, String name, Assign op, Formula rhs)
            implements Statement {
    }

    /** How a line assigns its name: {@code =}, {@code +=} or {@code -=}. */
    enum Assign {
        SET("="), ADD("+="), SUBTRACT("-=");

        private final String symbol;

        Assign(String symbol) {
            this.symbol = symbol;
        }

        /** As written. */
        public String symbol() {
            return symbol;
        }
    }

    /**
     * {@code grad dZ2 = m * dL/dZ2, delta2 = -dE/dz2}: what gradient names stand for, from this line
     * on: a factor times a Leibniz derivative.
     */
    record Grad(Position position, String section, String text, List<Meaning> meanings) implements Statement {
        public Grad {
            meanings = List.copyOf(meanings);
        }
    }

    /**
     * {@code upstream da_next = dL/da_next}: a gradient that arrives from outside the derivation (from
     * the next time step or the next layer). The name is an input, drawn like any input; the loss
     * {@code L} is then everything downstream, and its gradient through {@code a_next} is da_next.
     */
    record Upstream(Position position, String section, String text, String name, String loss, String node,
                    double low, double high) implements Statement {
    }

    /** One name of a {@link Grad} line and the formula it stands for ({@code m * dL/dZ2}). */
    record Meaning(String name, int column, Formula formula) {
    }

    /**
     * {@code W = W - learning_rate * dW}, {@code W -= lr*dW}, {@code W += -lr*dW}: a gradient-descent
     * update of a parameter. The audit checks that a small step of it decreases the loss, and code
     * lines after it read the updated value.
     */
    record Update(Position position, String section, String text, String name, Assign op, Formula rhs)
            implements Statement {
    }

    /**
     * A claim: {@code dL/da2 = ...}, {@code d(y*ln(a2))/da2 = ...}, {@code sigmoid(z) = ...},
     * {@code 0*a1 = 0}, optionally {@code where W2 = 0}. {@code code} marks a claim that the
     * tutorial's code computes this derivative with the given expression. In a chain of equalities
     * {@code a = b = c}, each later part is a claim of its own, {@code step} 1, 2, ...; else step is 0.
     * The right side may be a partial derivative {@code d(formula)/dv}, read as the call
     * {@code d(formula, v)}.
     */
    record Claim(Position position, String section, String text, Lhs lhs, Formula rhs, List<Where> where,
                 boolean code, int step) implements Statement {
        public Claim {
            where = List.copyOf(where);
        }
    }

    /** {@code where W2 = 0}: a quantity held at a value on both sides of a claim. */
    record Where(String name, int column, Formula value) {
    }

    /** The left-hand side of a claim. */
    sealed interface Lhs {
        /** As written. */
        String text();
    }

    /** {@code dA/dB}. */
    record LeibnizLhs(String of, String wrt, int column, String text) implements Lhs {
    }

    /** {@code d(expr)/dv}: the partial derivative of an expression, other names held fixed. */
    record ExprDerivLhs(Formula of, String wrt, int wrtColumn, String text) implements Lhs {
    }

    /** Any other formula: the claim is that both sides are equal. */
    record ExprLhs(Formula expr, String text) implements Lhs {
    }
}
