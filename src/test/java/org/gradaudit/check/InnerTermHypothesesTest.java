package org.gradaudit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gradaudit.cli.AuditCommandTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A term missing inside a sub-expression (a quotient's numerator, a factor of a product, an argument's
 * sum) is a missing term whatever the term is, named, and mended by its fix: the fix written back
 * into the file audits correct.
 */
class InnerTermHypothesesTest {
    private static final Pattern FIX = Pattern.compile("\"fix\":\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // a quotient's numerator lacks one term of the product rule (a name times one of its terms)
        "q = x*y/(1 + exp(-x))      | dq/dx = (y + y*exp(-x))/(1 + exp(-x))^2               | x*y*exp(-x) inside y + y*exp(-x)",
        // a factor of a product lacks a constant (a term the truth has)
        "q = (x^2 + 3*x)*y          | dq/dx = (2*x)*y                                      | 3",
        // a subtracted term with a name and a constant
        "q = (x + y)/(1 + x^2)      | dq/dx = (1 + x^2 - 2*x*x)/(1 + x^2)^2                 | -2*y*x inside 1 + x^2 - 2*x*x",
        // the term's own constant folded into the one found: x*x*exp(x), not 1/2*x*(2*x*exp(x))
        "q = x^2/(y + exp(x))       | dq/dx = (2*x*y + 2*x*exp(x))/(y + exp(x))^2           | -x*x*exp(x) inside",
        // no term explains a factor left out, and none is claimed to
        "q = ln(x^2 + y^2)          | dq/dx = 2/(x^2 + y^2)                                 | ",
    })
    void aTermMissingInsideIsNamedAndItsFixMendsTheClaim(String node, String claim, String term) throws IOException {
        String network = "input x in [0.5, 2]\ninput y in [0.5, 2]\n" + node + "\n";
        String json = audit(network + claim + "\n");
        Map<Integer, SeededMistakesTest.Finding> before = SeededMistakesTest.parse(json);
        if (term == null) {
            assertEquals("missing-factor", before.get(4).diagnosis(), json);
            return;
        }
        assertEquals("missing-term", before.get(4).diagnosis(), json);
        Matcher fix = FIX.matcher(json.substring(json.indexOf("\"line\": 4,")));
        assertNotNull(fix.find() ? fix.group(1) : null, json);
        String mended = claim.substring(0, claim.indexOf(" = ") + 3) + fix.group(1);
        assertEquals("correct", SeededMistakesTest.parse(audit(network + mended + "\n")).get(4).verdict(), mended);
        assertTrue(json.contains("it lacks the term " + term), json);
    }

    private String audit(String text) throws IOException {
        return AuditCommandTest.audit(dir, text, "--format", "json").out();
    }
}
