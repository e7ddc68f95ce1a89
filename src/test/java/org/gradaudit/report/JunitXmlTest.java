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

    @Test
    void anUnverifiedStatementIsAnErrorNotSkipped() throws Exception {
        // A time limit far too short leaves statements unverified.
        Element suite = run("audit", "--format", "junit", "--time-limit", "0.001",
                "derivations/rodriguez-2019-backprop-corrected.deriv").getDocumentElement();
        int errors = Integer.parseInt(suite.getAttribute("errors"));
        assertTrue(errors > 0, "errors=" + errors);
        assertEquals(errors, suite.getElementsByTagName("error").getLength());
        assertEquals(0, suite.getElementsByTagName("skipped").getLength());
        assertEquals("unverified", ((Element) suite.getElementsByTagName("error").item(0)).getAttribute("type"));
    }

    @Test
    void aFailingTensorListsItsFailingElementsAndClassNamesAreClean() throws Exception {
        Element suite = run("check", "--format", "junit", "--backprop", "published-dz1").getDocumentElement();
        Element failure = (Element) suite.getElementsByTagName("failure").item(0);
        String body = failure.getTextContent();
        assertTrue(body.startsWith("element  analytic  numeric  tolerance\n"), body);
        assertTrue(body.matches("(?s).*\\n[Wb]1\\[[0-9,]+\\]  -?[0-9.e+-]+  -?[0-9.e+-]+  [0-9.e+-]+\\n.*"), body);
        assertTrue(!body.contains("tolerance: per element") && !body.contains("noise floor"), body);
        for (var doc : new Document[] {run("check", "--format", "junit"),
            run("audit", "--format", "junit", "derivations/relu-mse.deriv")}) {
            String className = ((Element) doc.getElementsByTagName("testcase").item(0)).getAttribute("classname");
            assertTrue(className.matches("[A-Za-z0-9_.-]+"), className);
            assertTrue(!className.endsWith(".deriv"), className);
        }
        Element audit = run("audit", "--format", "junit", "derivations/relu-mse.deriv").getDocumentElement();
        assertEquals("derivations.relu-mse",
                ((Element) audit.getElementsByTagName("testcase").item(0)).getAttribute("classname"));
    }

    @Test
    void badInputIsStillADocumentWithOneError() throws Exception {
        for (String[] args : new String[][] {{"audit", "--format", "junit", "no/such.deriv"},
            {"audit", "--format", "junit", "--points", "3", "derivations/relu-mse.deriv"},
            {"check", "--format", "junit", "--model", "com.example.Missing"}}) {
            Element suite = run(args).getDocumentElement();
            assertEquals("testsuite", suite.getTagName());
            assertEquals("1", suite.getAttribute("tests"));
            assertEquals("1", suite.getAttribute("errors"));
            assertEquals("input", ((Element) suite.getElementsByTagName("error").item(0)).getAttribute("type"));
        }
    }
}
