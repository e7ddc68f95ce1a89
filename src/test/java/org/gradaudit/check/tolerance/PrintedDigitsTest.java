package org.gradaudit.check.tolerance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PrintedDigitsTest {
    @Test
    void aDecimalNumberCarriesOneUnitInItsLastDigit() {
        PrintedDigits p = PrintedDigits.of("0.082167041").orElseThrow();
        assertEquals(8, p.digits());
        assertEquals(1e-9, p.unit(), 1e-24);
        PrintedDigits sci = PrintedDigits.of(" -4.38568e-4 ").orElseThrow();
        assertEquals(6, sci.digits());
        assertEquals(1e-9, sci.unit(), 1e-24);
        assertTrue(sci.scientific());
        assertEquals(0.001, PrintedDigits.of("0.100").orElseThrow().unit(), 1e-18);
    }

    @Test
    void wholeNumbersShortDecimalsZerosAndFormulasAreExact() {
        // a short decimal is exact: read as rounded, 0.2 would pass for sigmoid'(0) = 0.25
        for (String exact : new String[] {"1", "0", "-2", "1e-3", "0.0", "0.25", "0.2", "0.10", "-0.5", "x", "0.5*x",
            "1/2", "", "."}) {
            assertTrue(PrintedDigits.of(exact).isEmpty(), exact);
        }
    }

    @Test
    void agreesWithinOneUnitAndNotBeyond() {
        PrintedDigits p = PrintedDigits.of("-0.019049119").orElseThrow();
        assertTrue(p.agrees(-0.019049119, -0.019049118258278114)); // Mazur's value, from rounded steps
        assertTrue(p.agrees(-0.019049119, -0.019049119));
        assertFalse(p.agrees(-0.019049119, -0.019049117));
        assertFalse(p.agrees(-0.019049119, 0.019049119));
    }

    /** Law: the true value rounded to d digits always agrees with the truth, for every d and value. */
    @Test
    void everyRoundingOfAValueAgreesWithIt() {
        Random r = new Random(20261201);
        for (int i = 0; i < 2_000; i++) {
            double truth = (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(13) - 6);
            int digits = PrintedDigits.MIN_DIGITS + r.nextInt(10);
            String printed = new java.math.BigDecimal(truth).round(new java.math.MathContext(digits)).toPlainString();
            if (!printed.contains(".") || new java.math.BigDecimal(printed).precision() < PrintedDigits.MIN_DIGITS) {
                continue;
            }
            PrintedDigits p = PrintedDigits.of(printed).orElseThrow();
            assertTrue(p.agrees(Double.parseDouble(printed), truth), printed + " for " + truth);
            assertEquals(Double.parseDouble(printed), Double.parseDouble(p.round(truth)), 0, printed);
        }
    }

    @Test
    void roundsACorrectionToTheClaimsDigits() {
        assertEquals("0.08217", PrintedDigits.of("0.08216").orElseThrow().round(0.0821670405642308));
        assertEquals("1.50e3", PrintedDigits.of("1.40e3").orElseThrow().round(1502));
        assertEquals("-4.38568e-4", PrintedDigits.of("4.38567e-4").orElseThrow().round(-4.38567734474347e-4));
    }
}
