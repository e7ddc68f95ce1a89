package org.gradaudit.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class DerivePageTest {

    @Test
    void everyDerivativeOfTheLossIsTypesetInItsForms() {
        Document d = Pages.parse(Pages.derivePage());
        for (String wrt : List.of("a2", "Z2", "a1", "Z1", "W1", "b1", "W2", "b2")) {
            Element dt = Pages.byId(d, "d-" + wrt);
            assertTrue(dt != null, "no derivative with respect to " + wrt);
        }
        List<Element> simplified = Pages.elements(d, "dd").stream()
                .filter(e -> e.getTextContent().startsWith("simplified")).toList();
        assertTrue(simplified.stream().anyMatch(e -> Pages.elements(e, "math").get(0).getAttribute("alttext")
                .equals("dL/dZ2 = a2 - y")), "dL/dZ2 = a2 - y");
        // dL/dZ1 along its one path: four Leibniz fractions
        Element z1 = Pages.elements(d, "dd").stream().filter(e -> e.getTextContent().startsWith("along every path")
                && Pages.elements(e, "math").get(0).getAttribute("alttext").startsWith("dL/dZ1")).findFirst().orElseThrow();
        assertEquals(5, Pages.elements(z1, "mfrac").size(), "dL/dZ1 = dL/da2 da2/dZ2 dZ2/da1 da1/dZ1");
    }
}
