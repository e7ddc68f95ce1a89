package org.gradaudit.symbolic;

import java.util.Set;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.ExprParser;
import org.gradaudit.expr.ExprSyntaxException;
import org.gradaudit.expr.Scope;

/** Test helper: formulas as text, with the built-ins and a few forbidden Symja names as functions. */
final class Formulas {
    private static final Scope SCOPE = Scope.of(
            Set.of("exp", "log", "ln", "sqrt", "sin", "cos", "tanh", "sigmoid", "softplus",
                    "Run", "URLFetch", "JavaNew", "Import", "ReadString", "Export"),
            Set.of("L", "a2"));

    private Formulas() {
    }

    static Expr parse(String text) {
        try {
            return ExprParser.parse(text, SCOPE).expr();
        } catch (ExprSyntaxException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
