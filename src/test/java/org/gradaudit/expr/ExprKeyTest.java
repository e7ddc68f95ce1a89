package org.gradaudit.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** ExprKey: equal exactly when the expressions are, with hashes that tell apart trees Expr's own hash confuses. */
class ExprKeyTest {
    private static final RandomExprs EXPRESSIONS = RandomExprs.syntax(List.of("a1", "b1", "a2", "y"),
            List.of("exp", "sigmoid", "tanh"), List.of(new Expr.Deriv("L", "a2"), new Expr.Deriv("L", "b1")));

    @Test
    void keysAreEqualExactlyWhenTheExpressionsAre() {
        Random r = new Random(20261201);
        for (int i = 0; i < 2_000; i++) {
            Expr a = EXPRESSIONS.generate(r);
            Expr b = i % 3 == 0 ? copy(a) : EXPRESSIONS.generate(r);
            ExprKey ka = ExprKey.of(a);
            ExprKey kb = ExprKey.of(b);
            assertEquals(a.equals(b), ka.equals(kb), a + " against " + b);
            if (a.equals(b)) {
                assertEquals(ka.hashCode(), kb.hashCode(), a.toString());
            }
            assertSame(a, ka.expr());
        }
    }

    @Test
    void oneNameChangedAnywhereGivesDistinctHashes() throws ExprSyntaxException {
        // The diagnoser's candidates: one name replaced by another at each place of one formula.
        Expr written = ExprParser.parse("(a1 - y)*b1*a1*(1 - a1) + b1*(a2 - y)*a2*(1 - a2)",
                Scope.of(Set.of(), Set.of("a1", "b1", "a2", "y"))).expr();
        List<String> names = List.of("a1", "b1", "a2", "y", "W1", "W2", "b2", "x", "Z1", "Z2");
        Set<Expr> distinct = new HashSet<>();
        Set<Integer> hashes = new HashSet<>();
        for (Expr candidate : Exprs.variants(written, x -> x instanceof Expr.Var v
                ? names.stream().filter(n -> !n.equals(v.name())).map(n -> (Expr) new Expr.Var(n)).toList() : List.of())) {
            if (distinct.add(candidate)) {
                hashes.add(ExprKey.of(candidate).hashCode());
            }
        }
        assertEquals(distinct.size(), hashes.size(), "some of " + distinct.size() + " distinct formulas share a hash");
    }

    @Test
    void numbersAreKeyedByTheirValue() {
        assertEquals(ExprKey.of(Expr.num(0.5)), ExprKey.of(new Expr.Num(0.5)));
        assertNotEquals(ExprKey.of(Expr.num(0.5)), ExprKey.of(Expr.num(0.25)));
        assertNotEquals(ExprKey.of(Expr.num(2)), ExprKey.of(new Expr.Var("x")));
        assertNotEquals(ExprKey.of(Expr.add(new Expr.Var("x"), new Expr.Var("y"))),
                ExprKey.of(Expr.add(new Expr.Var("y"), new Expr.Var("x"))));
    }

    /** An equal tree made of new nodes. */
    private static Expr copy(Expr e) {
        if (e instanceof Expr.Neg n) {
            return new Expr.Neg(copy(n.arg()));
        }
        if (e instanceof Expr.Bin b) {
            return new Expr.Bin(b.op(), copy(b.left()), copy(b.right()));
        }
        if (e instanceof Expr.Call c) {
            List<Expr> args = new ArrayList<>();
            c.args().forEach(a -> args.add(copy(a)));
            return new Expr.Call(c.fn(), args);
        }
        if (e instanceof Expr.Num n) {
            return new Expr.Num(n.value());
        }
        if (e instanceof Expr.Var v) {
            return new Expr.Var(v.name());
        }
        Expr.Deriv d = (Expr.Deriv) e;
        return new Expr.Deriv(d.of(), d.wrt());
    }
}
