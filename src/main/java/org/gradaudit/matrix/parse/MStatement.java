package org.gradaudit.matrix.parse;

import java.util.List;
import org.gradaudit.derivation.Position;
import org.gradaudit.matrix.expr.MExpr;
import org.gradaudit.matrix.expr.Shape;

/** One statement of a vectorized derivation file, with its position and the source's section. */
public sealed interface MStatement {
    Position position();

    String section();

    /** {@code dim n_x, n_h, m}: sizes the audit draws. */
    record Dims(Position position, String section, List<String> names) implements MStatement {
        public Dims {
            names = List.copyOf(names);
        }
    }

    /** {@code input X : (n_x, m) in [0, 1]} or {@code param W1 : (n_h, n_x)}: one declared name. */
    record Declare(Position position, String section, boolean parameter, String name, Shape shape, double low,
                   double high) implements MStatement {
    }

    /** {@code Z1 = np.dot(W1, X) + b1}: a forward definition. */
    record Define(Position position, String section, String name, MExpr formula, String text) implements MStatement {
    }

    /** {@code loss L(A2, Y) = ...}: the scalar loss, its prediction and its target. */
    record Loss(Position position, String section, String name, String prediction, String target, MExpr formula,
                String text) implements MStatement {
    }

    /**
     * {@code upstream dout = dL/dout [in [low, high]]}: a gradient that arrives from outside the file
     * (from the next layer or time step). {@code name} is an input of {@code node}'s shape, drawn like
     * any input; the loss {@code loss} is everything downstream, {@code np.sum(dout * out)} to first
     * order, summed over every upstream line, so that dL/dout is dout.
     */
    record Upstream(Position position, String section, String name, String loss, String node, double low,
                    double high) implements MStatement {
    }

    /**
     * {@code grad dZ2 = m * dL/dZ2}: what a gradient name means, {@code coefficient * dL/d(of)}; with
     * {@code via C} ({@code grad dxmu1 = dL/dxmu via xhat}) only the part of it that flows through the
     * consumer C: C's gradient pushed back through C's own rule to {@code of}. The full gradient is
     * the sum of these parts over every consumer.
     *
     * @param coefficient a scalar of numbers and dimensions
     * @param via the consumer, or "" for the full gradient
     * @param viaColumn the column of the consumer's name (1 without one)
     */
    record GradName(Position position, String section, String name, String of, MExpr coefficient, String via,
                    int viaColumn) implements MStatement {
    }

    /**
     * A backprop code line: {@code code dW1 = ...}, {@code code dW += ...}, or the masked assignment
     * {@code code dZ[Z <= 0] = 0}, read as {@code dZ = dZ * (Z > 0)}.
     *
     * @param op how the value is assigned
     * @param formula the right-hand side (for {@link Op#MASK}, the mask that keeps entries)
     * @param lhs the left-hand side as written
     * @param text the right-hand side as written
     */
    record Code(Position position, String section, String name, Op op, MExpr formula, String lhs, String text)
            implements MStatement {
        /** The assignment operators. */
        public enum Op {
            ASSIGN("="), ADD("+="), SUB("-="), MUL("*="), DIV("/="), MASK("[mask] = 0");

            public final String symbol;

            Op(String symbol) {
                this.symbol = symbol;
            }
        }
    }

    /** {@code dL/dW1 = 1/m * np.dot(dZ1, X.T)}: a claim about the gradient of the loss. */
    record Claim(Position position, String section, String of, MExpr formula, String lhs, String text)
            implements MStatement {
    }
}
