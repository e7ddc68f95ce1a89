package org.gradaudit.testing.examples;

import static org.gradaudit.testing.SymbolicAssertions.assertAuditsClean;
import static org.gradaudit.testing.SymbolicAssertions.assertDerivative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Examples: a derivative asserted symbolically, and derivation files that do and do not audit clean. */
class SymbolicAssertionsExampleTest {

    @Test
    void theSigmoidsDerivativeInItsOwnTerms() {
        assertDerivative("a2*(1 - a2)", "sigmoid(Z2)", "Z2", "a2 = sigmoid(Z2)");
    }

    @Test
    void aLossDerivativeThroughDefinitions() {
        assertDerivative("-y/a2 + (1 - y)/(1 - a2)", "L", "a2", "L = -(y*log(a2) + (1 - y)*log(1 - a2))");
    }

    @Test
    void aWrongDerivativeGivesAPointAndBothValues() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> assertDerivative("y/a2 + (1 - y)/(1 - a2)", "L", "a2",
                        "L = -(y*log(a2) + (1 - y)*log(1 - a2))"));
        String m = e.getMessage();
        assertTrue(m.startsWith("y/a2 + (1 - y)/(1 - a2) is not d(L)/da2\n"), m);
        assertTrue(m.matches("(?s).*\\n  at (y|a2) = \\S+, (y|a2) = \\S+\\n.*"), m);
        assertTrue(m.contains("\n  claimed  ") && m.contains("\n  true     "), m);
        assertTrue(m.contains("seed 1"), m);
    }

    @Test
    void theCorrectedTutorialAuditsClean() {
        assertAuditsClean(Path.of("derivations/rodriguez-2019-backprop-corrected.deriv"));
    }

    @Test
    void thePublishedTutorialDoesNotAndTheMessageListsItsWrongLines() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> assertAuditsClean(Path.of("derivations/rodriguez-2019-backprop.deriv")));
        String m = e.getMessage();
        assertTrue(m.startsWith("derivations/rodriguez-2019-backprop.deriv does not audit clean: 14 wrong, 0 unverified"
                + " of 58 statements (seed 1)"), m);
        List<Integer> listed = Pattern.compile("(?m)^  line (\\d+): ").matcher(m).results()
                .map(r -> Integer.parseInt(r.group(1))).collect(Collectors.toList());
        assertEquals(List.of(15, 35, 42, 43, 47, 51, 55, 73, 75, 88, 89, 91, 99, 107), listed, m);
        assertTrue(m.contains("line 15: dZ1 = dW2 * dZ2 * primesigmoid(Z1)  [wrong, wrong-chain]\n"
                + "    dZ1 is wrong: dW2 stands where W2 belongs."), m);
        assertTrue(m.contains("line 43: dL/da2 = y/a2 + (1 - y)/(1 - a2)  [wrong, term-sign]"), m);
    }
}
