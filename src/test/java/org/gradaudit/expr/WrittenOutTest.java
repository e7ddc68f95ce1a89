package org.gradaudit.expr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Random;
import org.gradaudit.numeric.Evaluators;
import org.junit.jupiter.api.Test;

class WrittenOutTest {
    private static final Scope SCOPE = Scope.of(java.util.Set.of("sigmoid", "tanh", "softplus", "exp", "ln"),
            java.util.Set.of("z", "a", "b", "x", "y"));

    private static Expr parse(String s) {
        try {
            return ExprParser.parse(s, SCOPE).expr();
        } catch (ExprSyntaxException e) {
            throw new AssertionError(s, e);
        }
    }

    @Test
    void theTextbookFormsReadAsTheirFunctions() {
        Map<String, String> forms = Map.of(
                "1/(1 + exp(-z))", "sigmoid(z)",
                "1/(exp(-(a + b)) + 1)", "sigmoid(a + b)",
                "exp(z)/(1 + exp(z))", "sigmoid(z)",
                "(1 + exp(-z))^-1", "sigmoid(z)",
                "(exp(z) - exp(-z))/(exp(z) + exp(-z))", "tanh(z)",
                "(exp(z) - exp(-z))/(exp(-z) + exp(z))", "tanh(z)",
                "ln(1 + exp(z))", "softplus(z)",
                "2*(1/(1 + exp(-x)))*y", "2*sigmoid(x)*y");
        forms.forEach((written, read) -> assertEquals(parse(read), WrittenOut.recognize(parse(written)), written));
    }

    @Test
    void nearMissesStayAsWritten() {
        for (String s : new String[] {"1/(1 + exp(z))", "2/(1 + exp(-z))", "exp(z)/(1 + exp(y))",
            "(exp(z) - exp(-y))/(exp(z) + exp(-z))", "ln(2 + exp(z))", "(1 + exp(-z))^-2", "1/(1 - exp(-z))"}) {
            assertEquals(parse(s), WrittenOut.recognize(parse(s)), s);
        }
    }

    /** Law: reading a form as its function never changes its value. */
    @Test
    void recognitionKeepsEveryValue() {
        String[] forms = {"1/(1 + exp(-z))", "exp(z)/(exp(z) + 1)", "(exp(z) - exp(-z))/(exp(z) + exp(-z))",
            "ln(exp(z) + 1)"};
        Random r = new Random(7);
        for (String f : forms) {
            Expr e = parse(f);
            var written = Evaluators.compile(e, java.util.List.of("z"));
            var read = Evaluators.compile(WrittenOut.recognize(e), java.util.List.of("z"));
            for (int i = 0; i < 200; i++) {
                double z = (r.nextDouble() - 0.5) * 20;
                double w = written.eval(new double[] {z});
                assertEquals(w, read.eval(new double[] {z}), 1e-13 * Math.max(1, Math.abs(w)), f + " at " + z);
            }
        }
    }

    @Test
    void writingOutMixesNothingIntoFormulasWithoutExponentials() {
        Expr noExp = parse("sigmoid(z)*(1 - sigmoid(z))");
        assertEquals(noExp, WrittenOut.writeOut(noExp));
        Expr noActivation = parse("exp(z)/(1 + exp(z))^2");
        assertEquals(noActivation, WrittenOut.writeOut(noActivation));
        assertEquals(parse("exp(-z)/(1 + exp(-z))^2 - 1/(1 + exp(-z))*(1 - 1/(1 + exp(-z)))"),
                WrittenOut.writeOut(parse("exp(-z)/(1 + exp(-z))^2 - sigmoid(z)*(1 - sigmoid(z))")));
    }

    /** Law: writing the activations out never changes a value either. */
    @Test
    void writingOutKeepsEveryValue() {
        Expr e = parse("exp(z)*sigmoid(z) + tanh(z)*exp(-z) - softplus(z)");
        var before = Evaluators.compile(e, java.util.List.of("z"));
        var after = Evaluators.compile(WrittenOut.writeOut(e), java.util.List.of("z"));
        Random r = new Random(11);
        for (int i = 0; i < 200; i++) {
            double z = (r.nextDouble() - 0.5) * 10;
            double b = before.eval(new double[] {z});
            assertEquals(b, after.eval(new double[] {z}), 1e-12 * Math.max(1, Math.abs(b)), "at " + z);
        }
    }
}
