package org.gradaudit.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gradaudit.check.AuditResult;
import org.gradaudit.check.Finding;
import org.gradaudit.check.Verdict;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class AuditPageTest {

    @Test
    void everyWrongFindingOfTheTutorialAppearsWithItsExpectedFormula() {
        AuditResult r = Pages.audit();
        Document d = Pages.parse(Pages.auditPage());
        long wrong = r.findings().stream().filter(f -> f.verdict() == Verdict.WRONG).count();
        assertEquals(14, wrong, "the tutorial's audit as published has 14 wrong statements");
        for (Finding f : r.findings()) {
            Element article = Pages.byId(d, "line-" + f.line());
            assertNotNull(article, "no article for line " + f.line());
            assertTrue(Pages.hasClass(article, f.verdict().toString()), "line " + f.line());
            assertTrue(article.getTextContent().contains(f.verdict().toString()), "line " + f.line() + " says no verdict");
            if (f.verdict() != Verdict.WRONG) {
                continue;
            }
            Element expected = Pages.elements(article, "dd").stream().filter(e -> Pages.hasClass(e, "expected"))
                    .findFirst().orElseThrow(() -> new AssertionError("line " + f.line() + " shows no expected formula"));
            Element math = Pages.elements(expected, "math").get(0);
            assertEquals(f.lhs() + " = " + f.expected(), math.getAttribute("alttext"), "line " + f.line());
            assertFalse(Pages.elements(math, "mi").isEmpty(), "line " + f.line() + ": the expected formula is empty");
            if (f.fix() != null) {
                Element fix = Pages.elements(article, "dd").stream().filter(e -> Pages.hasClass(e, "corrected"))
                        .findFirst().orElseThrow(() -> new AssertionError("line " + f.line() + " shows no fix"));
                assertEquals(f.lhs() + " = " + f.fix(), Pages.elements(fix, "math").get(0).getAttribute("alttext"));
            }
            if (f.counterexample() != null && !f.kind().equals("loss")) {
                String claimed = Page.precise(f.counterexample().claimed());
                String truth = Page.precise(f.counterexample().expected());
                List<Element> cells = Pages.elements(article, "td");
                assertTrue(cells.stream().anyMatch(c -> c.getTextContent().equals(claimed)), "line " + f.line());
                assertTrue(cells.stream().anyMatch(c -> c.getTextContent().equals(truth)), "line " + f.line());
            }
            for (int line : f.upstream()) {
                assertTrue(Pages.elements(article, "a").stream().anyMatch(a -> a.getAttribute("href").equals("#line-" + line)),
                        "line " + f.line() + " does not link the line it consumes, " + line);
                assertNotNull(Pages.byId(d, "line-" + line), "a link to a line that is not on the page");
            }
        }
    }

    @Test
    void thePartThatDiffersIsMarked() {
        Document d = Pages.parse(Pages.auditPage());
        // line 15: dZ1 = dW2 * dZ2 * primesigmoid(Z1), corrected W2*dZ2*primesigmoid(Z1): dW2 and W2 are marked
        Element article = Pages.byId(d, "line-15");
        List<Element> marked = Pages.elements(article, "mrow").stream().filter(e -> Pages.hasClass(e, "diff")).toList();
        assertEquals(2, marked.size(), "the claimed dW2 and the corrected W2");
        assertEquals("dW2", marked.get(0).getTextContent());
        assertEquals("W2", marked.get(1).getTextContent());
    }

    @Test
    void theSourceAndSummaryAndCodeRunAreShown() {
        AuditResult r = Pages.audit();
        String page = Pages.auditPage();
        Document d = Pages.parse(page);
        assertTrue(Pages.elements(d, "h1").get(0).getTextContent().contains(r.derivation().title()));
        assertTrue(page.contains(r.derivation().author()));
        assertTrue(page.contains("58 statements: 44 correct, 14 wrong, 0 unverified."));
        Element table = Pages.elements(d, "table").stream()
                .filter(t -> t.getTextContent().contains("code gives")).findFirst().orElseThrow();
        assertEquals(r.codeRun().gradients().size() + 1, Pages.elements(table, "tr").size());
    }
}
