package org.gradaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.gradaudit.derivation.DerivationException;
import org.gradaudit.derivation.DerivationParser;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Exprs;
import org.junit.jupiter.api.Test;

/** Sizes of inlined and expanded formulas are measured on the DAG, never by building the tree. */
class InliningBoundsTest {
    private static Model build(String text) throws DerivationException {
        return ModelBuilder.build(DerivationParser.parse("t.deriv", text));
    }

    @Test
    void theMeasureOfAnInliningIsItsSizeAndDepth() throws DerivationException {
        Model m = build("input x\nfn sq(z) = z*z\nfn q(z) = sq(sq(z)) + z\ny = q(sin(x))\n");
        Expr y = m.graph().nodes().get("y");
        assertEquals(Exprs.size(y), Functions.measure(Expr.call("q", Expr.call("sin", Expr.var("x"))),
                Map.of("sq", new Functions.Definition(java.util.List.of("z"),
                        Expr.mul(Expr.var("z"), Expr.var("z"))),
                        "q", new Functions.Definition(java.util.List.of("z"), Expr.add(Exprs.substitute(
                                Expr.mul(Expr.var("z"), Expr.var("z")), Map.of("z", Expr.mul(Expr.var("z"),
                                Expr.var("z")))), Expr.var("z"))))).nodes());
    }

    @Test
    void aCompositionPastTheBoundIsRefusedAtItsCall() {
        StringBuilder s = new StringBuilder("input x\nfn f1(z) = z*z\n");
        for (int k = 2; k <= 40; k++) { // f5 would inline to 131071 nodes, f40 to about 2^(2^40)
            s.append("fn f").append(k).append("(z) = f").append(k - 1).append("(f").append(k - 1).append("(z))\n");
        }
        s.append("y = f40(x)\n");
        DerivationException e = assertThrows(DerivationException.class, () -> build(s.toString()));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().startsWith("t.deriv:6:12: f4(f4(z)) expands"), e.getMessage());
        assertTrue(e.getMessage().contains("expands to more than 10000 nodes"), e.getMessage());
    }

    @Test
    void expandedSizesAreMemoisedPerNode() throws DerivationException {
        StringBuilder s = new StringBuilder("input x\na0 = x\n");
        for (int k = 1; k <= 100; k++) { // a100 expands to 2^101 - 1 nodes
            s.append("a").append(k).append(" = a").append(k - 1).append(" + a").append(k - 1).append('\n');
        }
        Graph g = build(s.toString()).graph();
        assertEquals(7, g.expandedSize(Expr.var("a2")));
        assertEquals(Exprs.size(g.expand(Expr.var("a10"))), g.expandedSize(Expr.var("a10")));
        assertEquals(Long.MAX_VALUE, g.expandedSize(Expr.var("a100")));
    }
}
