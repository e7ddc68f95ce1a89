package org.gradaudit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gradaudit.expr.Expr;
import org.gradaudit.model.Model;
import org.junit.jupiter.api.Test;

class CrossCheckTest {
    @Test
    void agreesWithTheTrueDerivativeAndCatchesAWrongOne() {
        Model m = TutorialAudit.model(TutorialAudit.CORRECTED);
        Points points = new Points(m.graph().withLoss(m.graph().nodes().get("L")), List.of(), 1, 32);
        Expr.Deriv target = new Expr.Deriv("a2", "Z2");
        Expr right = Expr.mul(Expr.var("a2"), Expr.sub(Expr.num(1), Expr.var("a2")));
        assertEquals(java.util.Optional.empty(), CrossCheck.against(target, right, points));
        Expr wrong = Expr.mul(Expr.var("a1"), Expr.sub(Expr.num(1), Expr.var("a1")));
        String message = CrossCheck.against(target, wrong, points).orElseThrow();
        assertTrue(message.contains("Ridders differences of the graph give"), message);
        Expr.Deriv throughTheGraph = new Expr.Deriv("Z2", "W1");
        Expr chain = Expr.mul(Expr.mul(Expr.var("W2"), Expr.mul(Expr.var("a1"), Expr.sub(Expr.num(1), Expr.var("a1")))),
                Expr.var("x"));
        assertEquals(java.util.Optional.empty(), CrossCheck.against(throughTheGraph, chain, points), "a node moved recomputes what follows it");
    }
}
