package org.gradaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Numbers;
import org.gradaudit.symbolic.Cas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reports read the same under a default locale with a decimal comma. Maven runs this class in a JVM
 * of its own started with {@code -Duser.language=de -Duser.country=DE} (the {@code german-locale}
 * execution in pom.xml); run alone elsewhere, it sets that default itself. The cases are the golden
 * outputs whose messages format numbers: the wrong-sign loss, a factor diagnosis, a gradient check.
 */
class GermanLocaleTest {
    private static final Set<String> CASES = Set.of("audit/rodriguez-2019-backprop.json",
            "audit/mse-linear-output-mistakes.json", "audit/three-layer-sigmoid-mistakes.txt",
            "audit/tanh-sigmoid-bce-mistakes.xml", "check/published-dz1.json", "check/rodriguez-2019-backprop.txt");
    private static Locale before;

    @BeforeAll
    static void german() {
        // This class runs first in a JVM of its own: start the CAS before the first audit, as the
        // golden outputs were recorded with it started. Symja's start-up (seconds on a loaded
        // machine) would otherwise be spent from that audit's 4 s budget for symbolic proofs, and
        // claims proven in the recording would come out "equal at 64 points" instead.
        Cas.get().isZero(Expr.sub(new Expr.Var("x"), new Expr.Var("x")));
        before = Locale.getDefault();
        if (!before.getLanguage().equals("de")) {
            Locale.setDefault(Locale.GERMANY);
        }
    }

    @AfterAll
    static void restore() {
        Locale.setDefault(before);
    }

    static Stream<GoldenOutputsTest.Case> cases() {
        List<GoldenOutputsTest.Case> cases = GoldenOutputsTest.cases().filter(c -> CASES.contains(c.golden())).toList();
        assertEquals(CASES.size(), cases.size(), "every listed case is a golden case");
        return cases.stream();
    }

    @Test
    void theDefaultLocaleHasADecimalComma() {
        assertEquals("0,500000", String.format("%.6g", 0.5), "the premise of this test");
        assertEquals("0.500000", Numbers.six(0.5));
        assertEquals("-1.5e-07", Numbers.trimmed(-1.5e-7));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void outputIsAsRecordedUnderAGermanLocale(GoldenOutputsTest.Case c) throws IOException {
        GoldenOutputsTest.compare(c);
    }
}
