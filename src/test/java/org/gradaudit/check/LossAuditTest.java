package org.gradaudit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gradaudit.derivation.DerivationParser;
import org.gradaudit.expr.Expr;
import org.gradaudit.model.Item;
import org.gradaudit.model.Model;
import org.gradaudit.model.ModelBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A loss must be smallest where the prediction equals the target; a sign error is corrected. */
class LossAuditTest {
    private static Model model(String loss) throws Exception {
        return ModelBuilder.build(DerivationParser.parse("l.deriv",
                "input x, y in [0, 1]\nparam w\na = sigmoid(w*x)\nloss L(a, y) = " + loss + "\n"));
    }

    private static LossAudit.Result judge(Model m) {
        Item.LossItem item = (Item.LossItem) m.items().get(0);
        return LossAudit.judge(item, m.graph(), new Points(m.graph(), List.of(), 1, 32), item.written());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "-(y*ln(a) + (1 - y)*ln(1 - a)); correct; ",
        "(a - y)^2/2;                    correct; ",
        "y*ln(a) + (1 - y)*ln(1 - a);    sign;    -(y*ln(a) + (1 - y)*ln(1 - a))",
        "-(a - y)^2/2;                   sign;    (a - y)^2/2",
        "(a - y + 0.5)^2;                other;   ",
    })
    void judgesWhereTheLossIsSmallest(String loss, String verdict, String corrected) throws Exception {
        Model m = model(loss);
        LossAudit.Result r = judge(m);
        if (verdict.equals("correct")) {
            assertEquals(Verdict.CORRECT, r.finding().verdict());
            assertNull(r.corrected());
            return;
        }
        assertEquals(Verdict.WRONG, r.finding().verdict());
        assertNotNull(r.finding().counterexample(), "a wrong verdict always comes with a point");
        assertTrue(r.finding().counterexample().claimed() < r.finding().counterexample().expected(),
                "the loss is lower away from the target than at it");
        if (verdict.equals("sign")) {
            assertEquals(Diagnosis.SIGN, r.finding().diagnosis());
            assertEquals(corrected, r.finding().fix());
            assertEquals(new Expr.Neg(m.graph().nodes().get("L")), r.corrected(), "the truth uses the negated loss");
        } else {
            assertEquals(Diagnosis.OTHER, r.finding().diagnosis());
            assertNull(r.corrected(), "no correction is guessed when negating does not help");
        }
    }

    @org.junit.jupiter.api.Test
    void aLossThatCannotBeEvaluatedAtItsTargetsIsNotCalledSmallest() throws Exception {
        Model m = ModelBuilder.build(DerivationParser.parse("l.deriv",
                "input x, y in [2, 3]\nparam w\na = sigmoid(w*x)\nloss L(a, y) = -(y*ln(a) + (1 - y)*ln(1 - a))\n"));
        LossAudit.Result r = judge(m);
        assertEquals(Verdict.UNVERIFIED, r.finding().verdict());
        assertTrue(r.finding().message().contains("at only 0 of"), r.finding().message());
        assertNull(r.corrected());
    }

    /** A two-class softmax: p1 + p2 = 1, so the predictions can only move through o1 and o2. */
    private static final String SOFTMAX = "input x, y1 in [0, 1]\nparam w1, w2\no1 = w1*x\no2 = w2*x\n"
            + "p1 = exp(o1)/(exp(o1) + exp(o2))\np2 = exp(o2)/(exp(o1) + exp(o2))\ny2 = 1 - y1\n";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "L(p1, p2; y1, y2) = -(y1*ln(p1) + y2*ln(p2))|  correct",
        "L(p1, y1) = -(y1*ln(p1) + y2*ln(p2))|          correct",
        "L(p1, p2; y1, y2) = (p1 - y1)^2 + (p2 - y2)^2| correct",
        "L(p1, p2; y1, y2) = y1*ln(p1) + y2*ln(p2)|     sign",
        "L(p1, p2; y1, y2) = -(y1*ln(p2) + y2*ln(p1))|  other",
        "L(p1, p2; y1, y2) = (p1 - y2)^2 + (p2 - y1)^2| other",
    })
    void aLossOfSeveralPredictionsMovesThemThroughTheGraph(String loss, String verdict) throws Exception {
        Model m = ModelBuilder.build(DerivationParser.parse("l.deriv", SOFTMAX + "loss " + loss + "\n"));
        Item.LossItem item = (Item.LossItem) m.items().get(0);
        LossAudit.Result r = LossAudit.judge(item, m.graph(), new Points(m.graph(), List.of(), 1, 32), item.written());
        switch (verdict) {
            case "correct" -> {
                assertEquals(Verdict.CORRECT, r.finding().verdict(), r.finding().message());
                assertTrue(r.finding().message().contains("moved through what they are computed from"),
                        r.finding().message());
            }
            case "sign" -> {
                assertEquals(Diagnosis.SIGN, r.finding().diagnosis(), r.finding().message());
                assertEquals("-(y1*ln(p1) + y2*ln(p2))", r.finding().fix());
                assertEquals(new Expr.Neg(m.graph().nodes().get("L")), r.corrected());
            }
            default -> {
                assertEquals(Verdict.WRONG, r.finding().verdict(), r.finding().message());
                assertEquals(Diagnosis.OTHER, r.finding().diagnosis());
                var cx = r.finding().counterexample();
                assertTrue(cx.claimed() < cx.expected(), "lower away from the targets than at them");
                assertEquals(1.0, cx.point().get("p1") + cx.point().get("p2"), 1e-12,
                        "the predictions were moved through the graph, so they still sum to 1");
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "L(p1, p2; y1) = -(y1*ln(p1))| each prediction needs its target",
        "L(p1, p2; y1, w1) = -(y1*ln(p1) + w1*ln(p2))| must be an input",
        "L(p1, p2; y1, p2) = -(y1*ln(p1))| must be an input",
    })
    void aLossWhosePredictionsAndTargetsDoNotPairIsRefused(String loss, String message) {
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.gradaudit.derivation.DerivationException.class,
                () -> ModelBuilder.build(DerivationParser.parse("l.deriv", SOFTMAX + "loss " + loss + "\n")));
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().contains("l.deriv:8:"), e.getMessage());
    }
}
