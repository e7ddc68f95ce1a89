package org.gradaudit.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.gradaudit.testing.Search;
import org.gradaudit.testing.SearchOptions;
import org.junit.jupiter.api.Test;

/** Laws of the expression syntax. */
class ExprProperties {
    private static final Scope SCOPE = Scope.of(Set.of("exp", "log", "sigmoid", "tanh"), Set.of("x", "y", "Z1"));
    private static final RandomExprs EXPRESSIONS = RandomExprs.syntax(List.of("x", "y", "Z1", "w"),
            List.of("exp", "log", "sigmoid", "tanh"), List.of(new Expr.Deriv("x", "Z1"), new Expr.Deriv("Z1", "y")));

    @Test
    void parsePrintIsIdentity() {
        Search.forAll(EXPRESSIONS, RandomExprs::shrink, SearchOptions.defaults().withTries(500).withSeed(20261127), e -> {
            String text = ExprPrinter.print(e);
            assertEquals(e, ExprParser.parse(text, SCOPE).expr(), text);
        });
    }
}
