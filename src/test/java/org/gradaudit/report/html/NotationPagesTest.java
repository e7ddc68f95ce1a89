package org.gradaudit.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.gradaudit.check.AuditResult;
import org.gradaudit.check.Auditor;
import org.gradaudit.check.TutorialAudit;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.junit.jupiter.api.Test;

/** The audit page of derivations written with chains, partial derivatives, updates and accumulation. */
class NotationPagesTest {
    private static Document page(String file) {
        AuditResult r = Auditor.audit(TutorialAudit.model(Path.of(file)), Auditor.Options.defaults(1));
        return Pages.parse(AuditPage.render(r, "test"));
    }

    @Test
    void eachStepOfAChainHasAnArticleOfItsOwnWithItsFormulaAsMathematics() {
        Document d = page("src/test/resources/notation/chains-mistakes.deriv");
        for (String id : List.of("line-6", "line-6-2", "line-6-3", "line-7-4")) {
            Element article = Pages.byId(d, id);
            assertNotNull(article, id);
            assertFalse(Pages.elements(article, "math").isEmpty(), id + " has no formula");
        }
        Element step2 = Pages.byId(d, "line-6-2");
        assertTrue(Pages.hasClass(step2, "wrong"), "step 2 of line 6 is the wrong one");
        String alt = Pages.elements(Pages.byId(d, "line-6"), "math").get(0).getAttribute("alttext");
        assertEquals("da/dz = d((e^z - e^-z)/(e^z + e^-z))/dz", alt);
    }

    @Test
    void updatesAndAccumulationsRenderTheirFormulas() {
        Document d = page("derivations/mitchell-1997-backpropagation-mistakes.deriv");
        Element update = Pages.byId(d, "line-26");
        assertNotNull(update);
        assertTrue(Pages.hasClass(update, "wrong"));
        assertTrue(Pages.elements(update, "math").get(0).getAttribute("alttext").startsWith("w_h = w_h - "),
                Pages.elements(update, "math").get(0).getAttribute("alttext"));
        Document rnn = page("src/test/resources/notation/rnn-two-steps.deriv");
        Element sum = Pages.byId(rnn, "line-16");
        assertEquals("dw = dw + dz1*x1", Pages.elements(sum, "math").get(0).getAttribute("alttext"));
    }
}
