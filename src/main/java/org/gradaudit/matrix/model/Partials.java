package org.gradaudit.matrix.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gradaudit.derivation.Position;
import org.gradaudit.matrix.expr.MExpr;
import org.gradaudit.matrix.parse.MStatement;

/**
 * The checks of partial gradient names ({@code grad dxmu1 = dL/dxmu via xhat}): the consumer named
 * after {@code via} must be a defined node whose definition reads the variable, or no part of the
 * gradient flows through it. A misuse is refused at the consumer's column, with the nodes that do
 * read the variable.
 */
final class Partials {
    private Partials() {
    }

    static void check(List<MStatement.GradName> partials, MatrixModelBuilder b) {
        Map<String, MExpr> definitions = b.definitions();
        for (MStatement.GradName g : partials) {
            Position at = new Position(g.position().file(), g.position().line(), g.viaColumn());
            String consumers = String.join(", ", consumersOf(definitions, g.of()));
            String which = consumers.isEmpty() ? "; no definition reads " + g.of()
                    : "; the definitions that read " + g.of() + ": " + consumers;
            if (!definitions.containsKey(g.via())) {
                b.problem(at, "'via " + g.via() + "': " + (b.quantities().containsKey(g.via()) ? "'" + g.via()
                        + "' is an input or parameter, which reads nothing" : "'" + g.via() + "' is not a quantity")
                        + "; via names the node whose part of dL/d" + g.of() + " " + g.name() + " holds" + which);
            } else if (!MatrixModelBuilder.reads(definitions.get(g.via()), g.of())) {
                b.problem(at, "'via " + g.via() + "': the definition of " + g.via() + " does not read " + g.of()
                        + ", so no part of dL/d" + g.of() + " flows through it" + which);
            }
        }
    }

    private static List<String> consumersOf(Map<String, MExpr> definitions, String v) {
        List<String> out = new ArrayList<>();
        definitions.forEach((name, f) -> {
            if (MatrixModelBuilder.reads(f, v)) {
                out.add(name);
            }
        });
        return out;
    }
}
