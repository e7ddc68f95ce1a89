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
}
