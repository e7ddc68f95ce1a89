package org.gradaudit.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Random;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Exprs;
import org.gradaudit.expr.RandomExprs;
import org.junit.jupiter.api.Test;

/** SharedErrorCompiler computes exactly what compileWithError does, for trees that share subtrees. */
class SharedErrorCompilerTest {
    private static final List<String> VARS = ErrorBoundsProperties.VARS;
    private static final RandomExprs SMOOTH = RandomExprs.smooth(VARS);

    @Test
    void valuesAndBoundsAreThoseOfCompileWithError() {
        Random r = new Random(20261201);
        SharedErrorCompiler shared = new SharedErrorCompiler(VARS);
        for (int i = 0; i < 300; i++) {
            Expr base = SMOOTH.generate(r);
            // the base and every one-place change of it, which share the rest of its tree
            List<Expr> changed = Exprs.variants(base, x -> x instanceof Expr.Var ? List.of(Expr.num(0.5), Expr.neg(x))
                    : List.of());
            for (Expr e : concat(base, changed)) {
                ErrorEvaluator fresh = Evaluators.compileWithError(e, VARS);
                ErrorEvaluator reused = shared.compile(e);
                for (int p = 0; p < 4; p++) {
                    double[] point = {r.nextDouble() * 4 - 2, r.nextDouble() * 4 - 2, r.nextDouble() * 4 - 2};
                    BoundedValue a = fresh.eval(point);
                    BoundedValue b = reused.eval(point);
                    assertEquals(a.value(), b.value(), 0, e.toString());
                    assertEquals(a.errorBound(), b.errorBound(), 0, e.toString());
                }
            }
        }
    }

    @Test
    void refusesWhatCompileWithErrorRefuses() {
        SharedErrorCompiler shared = new SharedErrorCompiler(VARS);
        assertThrows(IllegalArgumentException.class, () -> shared.compile(new Expr.Var("w")));
        assertThrows(IllegalArgumentException.class, () -> shared.compile(new Expr.Deriv("L", "x")));
        assertThrows(IllegalArgumentException.class, () -> new SharedErrorCompiler(List.of("x", "x")));
        assertEquals(3, shared.compile(Expr.add(new Expr.Var("x"), Expr.num(1))).eval(new double[] {2, 0, 0}).value());
    }

    private static List<Expr> concat(Expr first, List<Expr> rest) {
        List<Expr> out = new java.util.ArrayList<>();
        out.add(first);
        out.addAll(rest);
        return out;
    }
}
