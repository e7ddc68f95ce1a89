package org.gradaudit.symbolic;

import static org.gradaudit.symbolic.Formulas.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.gradaudit.expr.Expr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CasTest {
    private static final Cas CAS = Cas.get();
    private static final String BCE_CHAIN = "(-y/a2 + (1-y)/(1-a2))*a2*(1-a2)";

    private static String d(String text, String var) throws CasException {
        return CAS.derivative(parse(text), var).toString();
    }

    private static String simplify(String text) throws CasException {
        return CAS.simplify(parse(text)).toString();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "exp(x);      exp(x)",
        "log(x);      1/x",
        "ln(x);       1/x",
        "sqrt(x);     1/(2*sqrt(x))",
        "sin(x);      cos(x)",
        "cos(x);      -sin(x)",
        "tanh(x);     1 - tanh(x)^2",
        "sigmoid(x);  sigmoid(x)*(1 - sigmoid(x))",
        "softplus(x); sigmoid(x)",
        "relu(x);     step(x)",
        "step(x);     0",
        "relu(2*x);   2*step(2*x)",
        "x^3;         3*x^2",
        "2^x;         2^x*log(2)",
        "y;           0",
    })
    void derivativeOfEachBuiltin(String f, String expected) throws CasException {
        assertEquals(expected, d(f, "x"));
    }

    /**
     * The diagnoser takes the derivatives of the functions whose derivatives are confused with one
     * another from the table, not from the CAS (DerivativeHypotheses): the two must be the same formula.
     */
    @Test
    void theConfusableFunctionsDerivativesAreTheTables() throws CasException {
        int checked = 0;
        for (org.gradaudit.expr.Builtin f : org.gradaudit.expr.Builtin.values()) {
            if (f.derivativeIsConfusable()) {
                Expr u = Expr.var("u");
                assertEquals(f.derivative(u), CAS.derivative(f.call(u), "u"), f.spelling());
                checked++;
            }
        }
        assertTrue(checked >= 4, "only " + checked + " confusable functions");
    }

    @Test
    void aDerivativeAskedForAgainIsNotComputedAgain() throws CasException {
        Expr first = CAS.derivative(parse("W2*a1 + b2 + q17"), "W2");
        long run = CAS.tasksRun();
        assertEquals(first, CAS.derivative(parse("W2*a1 + b2 + q17"), "W2"));
        assertEquals(run, CAS.tasksRun());
        assertEquals("1", CAS.derivative(parse("W2*a1 + b2 + q17"), "b2").toString()); // another variable: computed
        assertTrue(CAS.tasksRun() > run);
        // a large input is not remembered (nor hashed on the caller's thread, whose stack a deep one would overflow)
        Expr large = parse("q17*x");
        for (int i = 0; i <= Cas.REMEMBERED_NODES / 2; i++) {
            large = Expr.add(large, Expr.mul(Expr.var("q17"), Expr.var("x")));
        }
        CAS.derivative(large, "x");
        long before = CAS.tasksRun();
        CAS.derivative(large, "x");
        assertTrue(CAS.tasksRun() > before);
        // a deadline that has passed is refused as before, remembered or not
        assertThrows(CasException.class, () -> CAS.derivative(parse("W2*a1 + b2 + q17"), "W2",
                org.gradaudit.bounds.Deadline.after(java.time.Duration.ZERO)));
    }

    @Test
    void derivativesReadLikeTheTutorials() throws CasException {
        assertEquals("sigmoid(Z2)*(1 - sigmoid(Z2))", d("sigmoid(Z2)", "Z2"));
        assertEquals("a1*sigmoid(W2*a1 + b2)*(1 - sigmoid(W2*a1 + b2))", d("sigmoid(W2*a1 + b2)", "W2"));
        assertEquals("(a2 - y)/(a2*(1 - a2))", d("-y*log(a2) - (1 - y)*log(1 - a2)", "a2"));
        assertEquals("-exp(-x)", d("exp(-x)", "x"));
    }

    @Test
    void theBinaryCrossEntropyIdentityIsProven() {
        assertSame(ZeroTest.ZERO, CAS.isZero(parse(BCE_CHAIN + " - (a2 - y)")));
        String a2 = "sigmoid(W2*a1 + b2)";
        assertSame(ZeroTest.ZERO, CAS.isZero(parse((BCE_CHAIN + " - (a2 - y)").replace("a2", a2))));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "(y/a2 + (1-y)/(1-a2))*a2*(1-a2) - (a2 - y)",   // the classic sign slip
        "sigmoid(x)*(1 - sigmoid(x)) - sigmoid(x)",
        "x - y",
        "tanh(x)^2 - 1",
    })
    void nonZeroDifferencesAreNotProven(String text) {
        assertSame(ZeroTest.NOT_PROVEN, CAS.isZero(parse(text)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sin(x)^2 + cos(x)^2 - 1", "exp(x)*exp(y) - exp(x + y)", "0.1 + 0.2 - 0.3",
        "sqrt(x)^2 - x", "log(exp(2)) - 2", "x/x - 1"})
    void identitiesAreProven(String text) {
        assertSame(ZeroTest.ZERO, CAS.isZero(parse(text)));
    }

    @Test
    void simplifiedFormsAreShortAndReadable() throws CasException {
        assertEquals("a2 - y", simplify("(-y/a2 + (1 - y)/(1 - a2))*a2*(1 - a2)"));
        assertEquals("(a2 - y)*W2*a1*(1 - a1)", simplify("(a2 - y)*W2*a1*(1 - a1)"));
        assertEquals("(a2 - y)*W2*a1*(1 - a1)", simplify("-a1*(-1 + a1)*W2*(-y + a2)"));
        assertEquals("x/1000", simplify("1e-3*x"));
        assertEquals("x^(3/2)", simplify("sqrt(x)^3"));
        assertEquals("log(x)", simplify("ln(x)"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Z1", "z1", "E", "I", "N", "D", "C", "O", "beta", "gamma", "sum", "norm",
        "Pi", "e", "i", "gav0000", "gasigmoid", "Sin", "x_1"})
    void namesSurviveUnchanged(String name) throws CasException {
        Expr v = Expr.var(name);
        assertEquals(v, CAS.simplify(v));
        assertEquals(name + "^2", CAS.simplify(Expr.mul(v, v)).toString());
        assertEquals("2*" + name, CAS.derivative(Expr.mul(v, v), name).toString());
    }

    @Test
    void namesThatSymjaWouldBindKeepTheirMeaningTogether() throws CasException {
        assertEquals("I*N", d("E*I*N + D", "E"));
        assertEquals(ZeroTest.NOT_PROVEN, CAS.isZero(parse("E - exp(1)")));
        assertEquals(ZeroTest.NOT_PROVEN, CAS.isZero(parse("I^2 + 1")));
        assertEquals(ZeroTest.ZERO, CAS.isZero(parse("Z1 - Z1")));
        assertEquals(ZeroTest.NOT_PROVEN, CAS.isZero(parse("Z1 - z1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"(a+b)^100000", "10^10^10", "x^(2^10)"})
    void hugeExponentsAreRefusedAtOnce(String text) {
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            CasException e = assertThrows(CasException.class, () -> CAS.simplify(parse(text)));
            assertTrue(e.boundHit() && e.getMessage().startsWith("exponent too large"), e.getMessage());
            assertSame(ZeroTest.GAVE_UP, CAS.isZero(parse(text)));
        });
    }

    @Test
    void hugeTreesAreRefusedAtOnce() {
        Expr e = Expr.var("x");
        for (int i = 0; i < 20_000; i++) {
            e = Expr.add(e, Expr.mul(Expr.num(i), Expr.var("y")));
        }
        Expr huge = e;
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            CasException ex = assertThrows(CasException.class, () -> CAS.derivative(huge, "x"));
            assertTrue(ex.boundHit() && ex.getMessage().contains("nodes"), ex.getMessage());
            assertSame(ZeroTest.GAVE_UP, CAS.isZero(huge));
        });
    }

    @Test
    void deepNestingWithinTheNodeBoundHitsALimitNotTheStack() {
        Expr e = Expr.var("x");
        for (int i = 0; i < 3_000; i++) {
            e = Expr.call("sin", e);
        }
        Expr deep = e;
        CasException ex = assertThrows(CasException.class, () -> CAS.derivative(deep, "x"));
        assertTrue(ex.boundHit(), ex.getMessage());
    }

    @Test
    void slowWorkGivesUpWithinTheTimeoutAndTheNextCallStillWorks() throws CasException {
        Cas quick = Cas.create(new Cas.Limits(Duration.ofMillis(300), 10_000, 64));
        quick.isZero(parse("x")); // start-up is not counted against the timeout anyway
        long start = System.nanoTime();
        assertSame(ZeroTest.GAVE_UP, quick.isZero(parse("(a+b+c+d)^30 - a")));
        // derivative and simplify fall back to the first form when Together or Simplify run out of time
        assertEquals("30*(a + b + c + d)^29 - 1", quick.derivative(parse("(a+b+c+d)^30 - a"), "a").toString());
        assertEquals("(a + b + c + d)^30 - a", quick.simplify(parse("(a+b+c+d)^30 - a")).toString());
        // each call within its bound: 300 ms of processor time, at most WALL_FACTOR times that on the clock
        long bound = TimeUnit.MILLISECONDS.toNanos(3 * 300L * CallBudget.WALL_FACTOR) + TimeUnit.SECONDS.toNanos(1);
        assertTrue(System.nanoTime() - start < bound, "each call within its bound");
        // The worker that gave up still answers; a small difference, so that a loaded machine cannot
        // push this one past the 300 ms bound too (the BCE chain took longer than that at load 20).
        assertSame(ZeroTest.ZERO, quick.isZero(parse("(a2 - y)*(1 - a2) - (1 - a2)*(a2 - y)")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Run(x)", "URLFetch(x)", "JavaNew(x)", "Import(x)", "ReadString(x)", "exp(Export(x))"})
    void forbiddenCallsAreRefusedBeforeReachingSymja(String text) {
        long before = CAS.tasksRun();
        Expr e = parse(text);
        assertThrows(IllegalArgumentException.class, () -> CAS.derivative(e, "x"));
        assertThrows(IllegalArgumentException.class, () -> CAS.simplify(e));
        assertThrows(IllegalArgumentException.class, () -> CAS.isZero(e));
        assertEquals(before, CAS.tasksRun(), "no task reached Symja");
    }

    @Test
    void callerBugsAreIllegalArguments() {
        assertThrows(IllegalArgumentException.class, () -> CAS.isZero(parse("dL/da2 - 1")));
        assertThrows(IllegalArgumentException.class, () -> CAS.derivative(parse("x"), "not a name"));
        assertThrows(IllegalArgumentException.class, () -> Cas.create(new Cas.Limits(Duration.ZERO, 1, 1)));
    }

    @Test
    void resultsOutsideTheLanguageAreCasExceptions() {
        CasException e = assertThrows(CasException.class, () -> CAS.simplify(parse("log(0 - 1)")));
        assertFalse(e.boundHit());
        assertTrue(e.getMessage().contains("complex"), e.getMessage());
    }

    @Test
    void resultsParseBackToThemselves() throws Exception {
        for (String f : List.of("sigmoid(W2*a1 + b2)*log(x)/sqrt(1 - x^2)", "tanh(x*y)^3 - softplus(y/x)",
                "exp(-x^2/2)/(1 + exp(x))")) {
            Expr r = CAS.derivative(parse(f), "x");
            assertEquals(r, parse(r.toString()));
            assertSame(ZeroTest.ZERO, CAS.isZero(Expr.sub(r, CAS.simplify(r))));
        }
    }

    /** A fresh JVM: first use prints nothing but our own line, and the JVM exits promptly. */
    @Test
    void coldStartIsSilentAndExitsPromptly() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ColdStart.class.getName()).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Thread drain = new Thread(() -> copy(p.getErrorStream(), err));
        drain.start();
        copy(p.getInputStream(), out);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the JVM exits promptly");
        drain.join();
        String stdout = out.toString(StandardCharsets.UTF_8);
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        assertTrue(stdout.matches("get=\\S+ firstDerivative=\\S+ derivative=\\S+ isZero=\\S+ simplify=\\S+ ZERO "
                + "a1\\*sigmoid\\(W2\\*a1 \\+ b2\\)\\*\\(1 - sigmoid\\(W2\\*a1 \\+ b2\\)\\)\\R"), stdout);
        assertEquals(0, p.exitValue());
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
