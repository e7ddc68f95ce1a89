package org.gradaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** {@code audit a.deriv b.deriv}, directories, globs and {@code -}: one report each, a summary, the worst exit code. */
class SeveralFilesTest {
    private static final String CLEAN = "derivations/relu-mse.deriv";
    private static final String WRONG = "src/test/resources/org/gradaudit/testing/relu-mse-sign.deriv";

    private static AuditCommandTest.Run run(String... args) {
        return AuditCommandTest.run(args);
    }

    @Test
    void twoFilesGiveTwoReportsASummaryAndTheWorstExitCode() {
        AuditCommandTest.Run r = run("audit", "--brief", CLEAN, WRONG);
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("audit of " + CLEAN), r.out());
        assertTrue(r.out().contains("audit of " + WRONG), r.out());
        assertTrue(r.out().strip().endsWith("unverified)"), r.out());
        assertTrue(r.out().contains("2 derivations: 1 clean, 1 with wrong or unverified statements, 0 could not be read"),
                r.out());
        assertEquals(0, run("audit", CLEAN, CLEAN).code());
    }

    @Test
    void aFileThatCannotBeReadIsReportedAndTheOthersStillAudited() {
        AuditCommandTest.Run r = run("audit", CLEAN, "no/such.deriv", WRONG);
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("no/such.deriv: no such file"), r.err());
        assertTrue(r.out().contains("audit of " + WRONG), r.out());
        assertTrue(r.out().contains("3 derivations: 1 clean, 1 with wrong or unverified statements, 1 could not be read"),
                r.out());
    }

    @Test
    void aDirectoryIsEveryDerivationUnderItInNameOrder(@TempDir Path dir) throws IOException {
        Files.copy(Path.of(WRONG), Files.createDirectories(dir.resolve("sub")).resolve("b.deriv"));
        Files.copy(Path.of(CLEAN), dir.resolve("a.deriv"));
        Files.writeString(dir.resolve("notes.txt"), "not a derivation");
        AuditCommandTest.Run r = run("audit", "--brief", dir.toString());
        assertEquals(1, r.code(), r.err());
        int a = r.out().indexOf("audit of " + dir.resolve("a.deriv"));
        int b = r.out().indexOf("audit of " + dir.resolve("sub/b.deriv"));
        assertTrue(a >= 0 && b > a, r.out());
        assertTrue(r.out().contains("2 derivations:"), r.out());
        Files.delete(dir.resolve("a.deriv"));
        Files.delete(dir.resolve("sub/b.deriv"));
        AuditCommandTest.Run empty = run("audit", dir.toString());
        assertEquals(2, empty.code());
        assertTrue(empty.err().contains("no derivation files (*.deriv)"), empty.err());
    }

    @Test
    void aGlobTheShellDidNotExpandIsExpanded() {
        AuditCommandTest.Run r = run("audit", "--brief", "derivations/relu-*.deriv");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1 derivations: 1 clean"), r.out());
        AuditCommandTest.Run none = run("audit", "derivations/nothing-*.deriv");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("no derivation files"), none.err());
    }

    @Test
    void severalFilesInJsonAreOneDocumentWithOneEntryEach() {
        AuditCommandTest.Run r = run("audit", "--format", "json", CLEAN, WRONG, "no/such.deriv");
        assertEquals(2, r.code());
        String j = r.out();
        assertTrue(j.startsWith("{\n  \"tool\": \"gradaudit\",\n  \"version\": \"" + Main.VERSION + "\",\n  \"derivations\": ["),
                j);
        assertTrue(j.contains("\"derivation\": \"" + CLEAN + "\""), j);
        assertTrue(j.contains("\"error\": \"no/such.deriv: no such file\""), j);
        assertTrue(j.matches("(?s).*\"summary\": \\{\\s*\"derivations\": 3,\\s*\"clean\": 1,\\s*\"failing\": 1,"
                + "\\s*\"errors\": 1.*"), j);
    }

    @Test
    void severalFilesInJunitAreOneSuiteEach() throws Exception {
        AuditCommandTest.Run r = run("audit", "--format", "junit", CLEAN, WRONG, "no/such.deriv");
        var factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8))).getDocumentElement();
        assertEquals("testsuites", root.getTagName());
        assertEquals(3, root.getElementsByTagName("testsuite").getLength());
        Element refused = (Element) root.getElementsByTagName("testsuite").item(2);
        assertEquals("1", refused.getAttribute("errors"));
        assertEquals("no.such", ((Element) refused.getElementsByTagName("testcase").item(0)).getAttribute("classname"));
    }

    @Test
    void dashReadsStandardInput() throws IOException {
        InputStream saved = System.in;
        try {
            System.setIn(new ByteArrayInputStream(Files.readAllBytes(Path.of(WRONG))));
            AuditCommandTest.Run r = run("audit", "--brief", "-");
            assertEquals(1, r.code(), r.err());
            assertTrue(r.out().contains("audit of <stdin>"), r.out());
            System.setIn(new ByteArrayInputStream("input x\nparam w\nL = w*x +\n".getBytes(StandardCharsets.UTF_8)));
            AuditCommandTest.Run bad = run("audit", "-");
            assertEquals(2, bad.code());
            assertTrue(bad.err().contains("<stdin>:3:"), bad.err());
        } finally {
            System.setIn(saved);
        }
        assertEquals(2, run("audit", "-", "-").code());
    }
}
