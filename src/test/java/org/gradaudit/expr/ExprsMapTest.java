package org.gradaudit.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Exprs.map rebuilds only what changed, and gives the same tree as a rebuild of every node. */
class ExprsMapTest {
    private static final RandomExprs EXPRESSIONS = RandomExprs.syntax(List.of("x", "y", "z"),
            List.of("exp", "tanh"), List.of(new Expr.Deriv("L", "x")));

    @Test
    void anIdentityMapGivesTheSameTreeBack() {
        Random r = new Random(7);
        for (int i = 0; i < 500; i++) {
            Expr e = EXPRESSIONS.generate(r);
            assertSame(e, Exprs.map(e, x -> x), e.toString());
        }
    }

    @Test
    void aSubstitutionEqualsTheRebuiltTreeAndKeepsUntouchedBranches() {
        Random r = new Random(8);
        for (int i = 0; i < 500; i++) {
            Expr left = EXPRESSIONS.generate(r);
            Expr right = EXPRESSIONS.generate(r);
            Expr e = Expr.mul(left, right);
            Expr out = Exprs.substitute(e, Map.of("x", Expr.num(2)));
            assertEquals(rebuilt(e), out, e.toString());
            Expr.Bin b = (Expr.Bin) out;
            if (!Exprs.variables(left).contains("x")) {
                assertSame(left, b.left(), left.toString());
            }
            if (Exprs.variables(e).contains("x")) {
                assertNotSame(e, out);
            }
        }
    }

    @Test
    void aCallWithOneArgumentChangedKeepsTheOthers() throws ExprSyntaxException {
        Scope scope = Scope.of(Set.of("f"), Set.of("x", "y"));
        Expr.Call c = (Expr.Call) new Expr.Call("f", List.of(ExprParser.parse("x*y", scope).expr(),
                ExprParser.parse("y + 1", scope).expr(), new Expr.Var("x")));
        Expr.Call out = (Expr.Call) Exprs.substitute(c, Map.of("x", new Expr.Var("y")));
        assertEquals(ExprParser.parse("y*y", scope).expr(), out.args().get(0));
        assertSame(c.args().get(1), out.args().get(1));
        assertEquals(new Expr.Var("y"), out.args().get(2));
    }

    /** x replaced by 2 with every node rebuilt, the map as it was. */
    private static Expr rebuilt(Expr e) {
        if (e instanceof Expr.Var v && v.name().equals("x")) {
            return Expr.num(2);
        }
        if (e instanceof Expr.Neg n) {
            return new Expr.Neg(rebuilt(n.arg()));
        }
        if (e instanceof Expr.Bin b) {
            return new Expr.Bin(b.op(), rebuilt(b.left()), rebuilt(b.right()));
        }
        if (e instanceof Expr.Call c) {
            return new Expr.Call(c.fn(), c.args().stream().map(ExprsMapTest::rebuilt).toList());
        }
        return e;
    }
}
