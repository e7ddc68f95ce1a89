package org.gradaudit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Expr.Bin;
import org.gradaudit.expr.Expr.Neg;
import org.gradaudit.expr.Expr.Op;
import org.gradaudit.expr.ExprPrinter;
import org.gradaudit.numeric.Evaluators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Fixes as a reader writes them, with their values kept. */
class FixFormTest {
    private static final Expr A = Expr.var("a");
    private static final Expr B = Expr.var("b");
    private static final Expr C = Expr.var("c");

    private static String tidy(Expr e) {
        return ExprPrinter.print(FixForm.tidy(e));
    }

    @Test
    void onesZerosAndDoubleNegationsGo() {
        assertEquals("a + b", tidy(Expr.add(Expr.mul(Expr.num(1), A), Expr.mul(B, Expr.num(1)))));
        assertEquals("b", tidy(Expr.add(Expr.num(0), B)));
        assertEquals("a", tidy(Expr.div(A, Expr.num(1))));
        assertEquals("2*(a + b)/3", tidy(new Neg(Expr.div(new Neg(Expr.mul(Expr.num(2), Expr.add(A, B))), Expr.num(3)))));
    }

    @Test
    void aProductReadsLeftToRightWithItsSignInFront() {
        assertEquals("2*a*b", tidy(Expr.mul(Expr.num(2), Expr.mul(A, B))));
        assertEquals("-2*a*b", tidy(Expr.mul(Expr.num(2), Expr.mul(new Neg(A), B))));
        assertEquals("c - 2*a", tidy(Expr.add(C, Expr.mul(Expr.num(2), new Neg(A)))));
        assertEquals("c + a/b", tidy(Expr.sub(C, Expr.div(A, new Neg(B)))));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void everyTidiedFormulaHasTheValueOfTheOriginal(long seed) {
        Random r = new Random(seed);
        List<String> slots = List.of("a", "b", "c");
        int compared = 0;
        for (int i = 0; i < 300; i++) {
            Expr e = random(r, 5);
            Expr t = FixForm.tidy(e);
            var before = Evaluators.compileWithError(e, slots);
            var after = Evaluators.compileWithError(t, slots);
            for (int k = 0; k < 4; k++) {
                double[] p = {r.nextDouble() * 4 - 2, r.nextDouble() * 4 - 2, r.nextDouble() * 4 - 2};
                double x = before.eval(p).value();
                double y = after.eval(p).value();
                if (Double.isFinite(x) && Math.abs(x) < 1e6) {
                    assertTrue(Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x)),
                            ExprPrinter.print(e) + " -> " + ExprPrinter.print(t) + ": " + x + " vs " + y);
                    compared++;
                }
            }
        }
        assertTrue(compared > 600, "too few finite values compared: " + compared);
    }

    private static Expr random(Random r, int depth) {
        if (depth == 0 || r.nextInt(4) == 0) {
            return switch (r.nextInt(6)) {
                case 0 -> Expr.num(0);
                case 1 -> Expr.num(1);
                case 2 -> Expr.num(2);
                case 3 -> A;
                case 4 -> B;
                default -> C;
            };
        }
        if (r.nextInt(6) == 0) {
            return new Neg(random(r, depth - 1));
        }
        Op op = List.of(Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.MUL).get(r.nextInt(5));
        return new Bin(op, random(r, depth - 1), random(r, depth - 1));
    }
}
