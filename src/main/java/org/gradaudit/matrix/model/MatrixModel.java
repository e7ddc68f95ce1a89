package org.gradaudit.matrix.model;

import java.util.List;
import java.util.Map;
import org.gradaudit.matrix.expr.MExpr;
import org.gradaudit.matrix.expr.Shape;
import org.gradaudit.matrix.parse.MStatement;
import org.gradaudit.matrix.parse.MatrixDerivation;

/**
 * A vectorized derivation with every name resolved and every forward shape known.
 *
 * @param derivation the parsed file
 * @param dims the declared dimensions, in file order
 * @param quantities every input, parameter, node and the loss, by name
 * @param order the defined nodes (the loss last) so that each comes after everything it uses
 * @param definitions the formula of each node
 * @param loss the loss's name
 * @param gradNames what each gradient name means, explicit ({@code grad}) or by default ({@code dX} is dL/dX)
 * @param judged the claims and code lines, in file order
 * @param upstreams for a file whose loss is given by {@code upstream} lines, each node's upstream input
 *     ({@code out -> dout}); empty for a file with a {@code loss}
 */
public record MatrixModel(MatrixDerivation derivation, List<String> dims, Map<String, Quantity> quantities,
                          List<String> order, Map<String, MExpr> definitions, String loss,
                          Map<String, GradName> gradNames, List<MStatement> judged, Map<String, String> upstreams) {
    public MatrixModel {
        upstreams = Map.copyOf(upstreams);
        dims = List.copyOf(dims);
        quantities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(quantities));
        order = List.copyOf(order);
        definitions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(definitions));
        gradNames = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(gradNames));
        judged = List.copyOf(judged);
    }

    /** What a quantity is. */
    public enum Kind {
        INPUT, PARAM, NODE, LOSS
    }

    /**
     * One named quantity.
     *
     * @param low lower end of the range random entries are drawn from (inputs and parameters)
     * @param high upper end of that range
     */
    public record Quantity(String name, Kind kind, Shape shape, double low, double high, int line) {
        public boolean free() {
            return kind == Kind.INPUT || kind == Kind.PARAM;
        }
    }

    /**
     * A gradient name: {@code name} holds {@code coefficient * dL/d(of)}, or with a consumer
     * {@code via}, only the part of it that flows through that consumer (a partial gradient).
     *
     * @param coefficient a scalar of numbers and dimensions; {@code 1} by default
     * @param via the consumer of {@code of} whose part this is, or "" for the full gradient
     */
    public record GradName(String name, String of, MExpr coefficient, int line, String via) {
        /** A full gradient name. */
        public GradName(String name, String of, MExpr coefficient, int line) {
            this(name, of, coefficient, line, "");
        }

        /** Whether it holds only the part of the gradient through one consumer. */
        public boolean partial() {
            return !via.isEmpty();
        }
    }

    /** The shape of a quantity or gradient name. */
    public Shape shape(String name) {
        Quantity q = quantities.get(name);
        if (q != null) {
            return q.shape();
        }
        GradName g = gradNames.get(name);
        if (g == null) {
            throw new IllegalArgumentException("no quantity or gradient name [" + name + "]");
        }
        return quantities.get(g.of()).shape();
    }

    /** Shape inference over this model's names. */
    public Shapes shapes() {
        return new Shapes(this::shape);
    }

    /** The free quantities (inputs and parameters), in declaration order. */
    public List<Quantity> free() {
        return quantities.values().stream().filter(Quantity::free).toList();
    }
}
