package org.gradaudit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.gradaudit.cli.AuditCommandTest;
import org.gradaudit.expr.Expr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An activation's derivative left out where the file has no node for the pre-activation
 * ({@code h = sigmoid(w*x)}): no local derivative is {@code h*(1 - h)} alone (dh/dw is
 * {@code x*h*(1 - h)}), so the factor is found as a run of the truth's factors, and the line is a
 * missing factor with that fix, not a pair of changes that name the wrong things. Several factors
 * left out wherever they stood (the weight and the derivative, in a hidden layer's gradient) are
 * one factor missing too: the truth's factors the claim lacks.
 */
class MissingRunTest {
    @TempDir
    Path dir;

    /** Audits {@code text}, which must exit 1 (a mistake found), and asserts that the report shows each fragment. */
    private void assertWrong(String text, String... shown) throws IOException {
        AuditCommandTest.Run r = AuditCommandTest.audit(dir, text);
        assertEquals(1, r.code(), r.out() + r.err());
        for (String s : shown) {
            assertTrue(r.out().contains(s), r.out());
        }
    }

    @Test
    void aSigmoidsDerivativeLeftOutOfAClaimIsAMissingFactor() throws IOException {
        assertWrong("""
                input x, y
                param w
                a = sigmoid(w*x)
                loss L(a; y) = (a - y)^2/2
                dL/dw = (a - y)*x
                """,
                "WRONG (missing-factor)",
                "it lacks the factor a*(1 - a).",
                "corrected: (a - y)*x*a*(1 - a).");
    }

    @Test
    void aHiddenSigmoidsDerivativeLeftOutOfACodeLineIsAMissingFactor() throws IOException {
        assertWrong("""
                input x, y
                param w, v
                h = sigmoid(w*x)
                p = v*h
                loss L(p; y) = (p - y)^2/2
                code dw = (p - y)*v*x
                """,
                "dw = (p - y)*v*x   WRONG (missing-factor)",
                "it lacks the factor h*(1 - h).",
                "corrected: (p - y)*v*x*h*(1 - h).");
    }

    @Test
    void aWeightAndADerivativeLeftOutOfAHiddenGradientAreOneMissingFactor() throws IOException {
        assertWrong("""
                input x, y
                param w, v
                h = sigmoid(w*x)
                p = v*h
                loss L(p; y) = (p - y)^2/2
                dL/dw = (p - y)*x
                """,
                "WRONG (missing-factor)",
                "it lacks the factor v*h*(1 - h).",
                "corrected: (p - y)*x*v*h*(1 - h).");
    }

    @Test
    void aFactorWrittenTwiceWhereAWeightAndADerivativeBelongIsTwoChanges() throws IOException {
        // the tutorial's dL/db1 without its "1 *": a2 - y once too many, W2*(1 - a1) missing
        assertWrong("""
                input x, y
                param W1, b1, W2, b2
                Z1 = W1*x + b1
                a1 = sigmoid(Z1)
                Z2 = W2*a1 + b2
                a2 = sigmoid(Z2)
                loss L(a2; y) = -(y*ln(a2) + (1 - y)*ln(1 - a2))
                dL/db1 = a1*(a2 - y)*(a2 - y)
                """,
                "WRONG (extra-factor)",
                "two changes explain it: it has the factor a2 - y too many; and it lacks the factor W2*(1 - a1).",
                "corrected: a1*(a2 - y)*W2*(1 - a1).");
    }

    @Test
    void theLackingProductIsWhatTheTruthHasBeyondTheClaimWithAtMostOneFactorOver() {
        Expr g = new Expr.Var("g");
        Expr v = new Expr.Var("v");
        Expr x = new Expr.Var("x");
        Expr u = new Expr.Var("u");
        Expr truth = Expr.mul(Expr.mul(g, v), x);
        Expr vx = Expr.mul(v, x);
        assertEquals(vx, Factors.lacking(truth, g));
        assertEquals(vx, Factors.lacking(truth, Expr.mul(g, u)), "u too many, v*x missing");
        assertEquals(vx, Factors.lacking(truth, Expr.mul(g, g)), "g is the truth's once: one g too many");
        assertEquals(vx, Factors.lacking(truth, Expr.mul(Expr.num(1), g)), "a factor 1 counts for nothing");
        assertNull(Factors.lacking(truth, Expr.mul(Expr.mul(g, u), u)), "two factors over");
        assertNull(Factors.lacking(truth, Expr.mul(u, u)), "nothing shared");
        assertNull(Factors.lacking(truth, Expr.mul(g, v)), "one left is a factor already");
    }
}
