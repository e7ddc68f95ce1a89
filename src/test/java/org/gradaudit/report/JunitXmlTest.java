package org.gradaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.gradaudit.cli.Main;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** JUnit XML that a CI server can read: well-formed, one case per statement or tensor, failures where wrong. */
class JunitXmlTest {
    private static Document run(String... args) throws Exception {
        StringWriter out = new StringWriter();
        Main.run(args, new PrintWriter(out), new PrintWriter(new StringWriter()));
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anAuditIsASuiteOfStatements() throws Exception {
        Element suite = run("audit", "--format", "junit", "derivations/rodriguez-2019-backprop.deriv").getDocumentElement();
        assertEquals("58", suite.getAttribute("tests"));
        assertEquals("14", suite.getAttribute("failures"));
        assertEquals(58, suite.getElementsByTagName("testcase").getLength());
        Element first = (Element) suite.getElementsByTagName("failure").item(0);
        assertEquals("wrong-chain", first.getAttribute("type"));
        assertTrue(first.getTextContent().contains("corrected: W2*dZ2*primesigmoid(Z1)"), first.getTextContent());
    }

    @Test
    void aCheckIsASuiteOfTensors() throws Exception {
        Element suite = run("check", "--format", "junit", "--backprop", "published-dz1").getDocumentElement();
        assertEquals("4", suite.getAttribute("tests"));
        assertEquals("2", suite.getAttribute("failures"));
    }
}
