package org.gradaudit.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.apache.commons.math3.complex.Complex;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.ExprParser;
import org.gradaudit.expr.ExprSyntaxException;
import org.gradaudit.expr.Scope;
import org.junit.jupiter.api.Test;

class EvaluatorsTest {
    private static final List<String> XY = List.of("x", "y");

    private static Expr parse(String text) {
        try {
            return ExprParser.parse(text, Scope.of(Evaluators.builtinFunctions(), Set.of())).expr();
        } catch (ExprSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private static double eval(String text, double x) {
        return Evaluators.compile(parse(text), XY).eval(new double[] {x, 0});
    }

    /** The complex-step derivative in x of a formula, through the compiled complex evaluator. */
    private static double complexStep(String text, double x) {
        ComplexEvaluator c = Evaluators.compileComplex(parse(text), XY);
        return FiniteDifferences.complexStep(z -> c.eval(new Complex[] {z, Complex.ZERO}), x).value();
    }

    @Test
    void builtinsAreTheAdvertisedOnes() {
        assertEquals(Set.of("exp", "log", "ln", "sqrt", "sin", "cos", "tanh", "sigmoid", "softplus", "relu", "step"),
                Evaluators.builtinFunctions());
        assertEquals(org.gradaudit.expr.Builtins.FUNCTIONS, Evaluators.builtinFunctions(), "the evaluators accept what a derivation may call");
        assertEquals(1.0, eval("step(x)", 0.5), 0.0);
        assertEquals(0.0, eval("step(x)", 0.0), 0.0, "step(0) = 0, as backprop takes relu'(0)");
        assertEquals(0.0, eval("step(x)", -2.0), 0.0);
        assertEquals(Math.log(3.0), eval("ln(x)", 3.0), 0.0);
        assertEquals(Math.log(3.0), eval("log(x)", 3.0), 0.0);
    }

    @Test
    void evaluatesTheGradientOfASmallNetwork() {
        Expr e = parse("(a2 - y)*W2*a1*(1 - a1)*x");
        Evaluator f = Evaluators.compile(e, List.of("a2", "y", "W2", "a1", "x"));
        assertEquals((0.7 - 1) * -1.2 * 0.4 * (1 - 0.4) * 0.3, f.eval(new double[] {0.7, 1, -1.2, 0.4, 0.3}), 0.0);
    }

    @Test
    void sigmoidAndSoftplusAreStableOnBothSides() {
        assertEquals(1.0, eval("sigmoid(x)", 800), 0.0);
        assertEquals(0.0, eval("sigmoid(x)", -800), 0.0);
        assertEquals(Math.exp(-40) / (1 + Math.exp(-40)), eval("sigmoid(x)", -40), 1e-16 * Math.exp(-40));
        assertEquals(0.5, eval("sigmoid(x)", 0), 0.0);
        assertEquals(800.0, eval("softplus(x)", 800), 0.0);
        assertEquals(Math.exp(-40), eval("softplus(x)", -40), 1e-15 * Math.exp(-40));
        assertEquals(Math.log(2), eval("softplus(x)", 0), 1e-16);
        assertEquals(Double.POSITIVE_INFINITY, eval("softplus(x)", Double.POSITIVE_INFINITY), 0.0);
        assertEquals(0.0, eval("softplus(x)", Double.NEGATIVE_INFINITY), 0.0);
        assertTrue(Double.isNaN(eval("sigmoid(x)", Double.NaN)));
        assertTrue(Double.isNaN(eval("softplus(x)", Double.NaN)));
        assertTrue(Double.isNaN(eval("relu(x)", Double.NaN)));
        assertEquals(0.0, eval("relu(x)", -0.0), 0.0);
    }

    @Test
    void complexStepThroughCompiledActivationsStaysAccurateFarOut() {
        for (double x : new double[] {-30, -3, -0.5, 0.0, 0.5, 3, 30}) {
            double s = 1 / (1 + Math.exp(-x));
            double e = Math.exp(-Math.abs(x));
            double ds = e / ((1 + e) * (1 + e)); // s(1 - s) without the cancellation in 1 - s
            assertEquals(ds, complexStep("sigmoid(x)", x), 4e-15 * ds, "sigmoid' at " + x);
            assertEquals(s, complexStep("softplus(x)", x), 1e-15 * s, "softplus' at " + x);
            double sech2 = 1 / (Math.cosh(x) * Math.cosh(x));
            assertEquals(sech2, complexStep("tanh(x)", x), 1e-14 * sech2, "tanh' at " + x);
        }
        assertEquals(1.0, complexStep("relu(x)", 2.0), 0.0);
        assertEquals(0.0, complexStep("relu(x)", -2.0), 0.0);
        assertEquals(0.0, complexStep("relu(x)", 0.0), 0.0);
    }

    @Test
    void complexPowersWorkForNegativeBasesAndFollowTheRealDomain() {
        assertEquals(3 * 4.0, complexStep("x^3", -2.0), 1e-15);
        assertEquals(-2 / -8.0, complexStep("x^(-2)", -2.0), 1e-15);
        assertEquals(0.5 / Math.sqrt(2.0), complexStep("x^0.5", 2.0), 1e-15);
        assertEquals(0.5 / Math.sqrt(2.0), complexStep("sqrt(x)", 2.0), 1e-15);
        assertTrue(Double.isNaN(complexStep("x^0.5", -2.0)));
        assertTrue(Double.isNaN(complexStep("log(x)", -2.0)));
        assertTrue(Double.isNaN(complexStep("sqrt(x)", 0.0)));
        assertEquals(Math.log(2.0) * 8, complexStep("2^(x)", 3.0), 1e-14);
    }

    @Test
    void complexEvaluationOfAConstantSubexpressionIsTheRealOne() {
        ComplexEvaluator c = Evaluators.compileComplex(parse("log(y) * x + sqrt(y)"), XY);
        Complex v = c.eval(new Complex[] {new Complex(2, 1e-20), new Complex(0)});
        assertEquals(Double.NEGATIVE_INFINITY, v.getImaginary() / 1e-20);
    }

    @Test
    void errorBoundsCoverTheObviousCases() {
        ErrorEvaluator f = Evaluators.compileWithError(parse("x + y"), XY);
        assertEquals(new BoundedValue(3.0, 0x1p-53 * 3.0), f.eval(new double[] {1, 2}));
        BoundedValue exact = Evaluators.compileWithError(parse("-x"), XY).eval(new double[] {1, 2});
        assertEquals(new BoundedValue(-1.0, 0.0), exact);
        // log near the edge of its domain: the argument's error could reach 0, so there is no finite bound.
        BoundedValue edge = Evaluators.compileWithError(parse("log(x - y)"), XY).eval(new double[] {1e-20, 1});
        assertTrue(Double.isNaN(edge.value()) && Double.isNaN(edge.errorBound()), edge.toString());
        BoundedValue cancel = Evaluators.compileWithError(parse("1/((x + y) - y)"), XY).eval(new double[] {1e-17, 1});
        assertEquals(Double.POSITIVE_INFINITY, cancel.errorBound(), cancel.toString());
        BoundedValue relu = Evaluators.compileWithError(parse("relu(x - 1)"), XY).eval(new double[] {0.5, 0});
        assertEquals(new BoundedValue(0.0, 0.0), relu);
        BoundedValue overflow = Evaluators.compileWithError(parse("exp(x)"), XY).eval(new double[] {1000, 0});
        assertEquals(new BoundedValue(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY), overflow);
        BoundedValue sig = Evaluators.compileWithError(parse("sigmoid(x*y)"), XY).eval(new double[] {0.1, 3});
        assertTrue(sig.errorBound() > 0 && sig.errorBound() < 1e-15, sig.toString());
        assertThrows(IllegalArgumentException.class, () -> new BoundedValue(1, -1));
    }

    @Test
    void whatCannotBeEvaluatedIsRefusedByName() {
        IllegalArgumentException var = assertThrows(IllegalArgumentException.class,
                () -> Evaluators.compile(parse("x + w"), XY));
        assertTrue(var.getMessage().contains("[w]"), var.getMessage());
        IllegalArgumentException fn = assertThrows(IllegalArgumentException.class,
                () -> Evaluators.compile(Expr.call("softmax", Expr.var("x")), XY));
        assertTrue(fn.getMessage().contains("[softmax]"), fn.getMessage());
        IllegalArgumentException arity = assertThrows(IllegalArgumentException.class,
                () -> Evaluators.compileComplex(Expr.call("exp", Expr.var("x"), Expr.var("y")), XY));
        assertTrue(arity.getMessage().contains("[exp]") && arity.getMessage().contains("[2]"), arity.getMessage());
        IllegalArgumentException deriv = assertThrows(IllegalArgumentException.class,
                () -> Evaluators.compileWithError(Expr.mul(new Expr.Deriv("L", "a2"), Expr.var("x")), XY));
        assertTrue(deriv.getMessage().contains("[dL/da2]"), deriv.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Evaluators.compile(Expr.var("x"), List.of("x", "x")));
        assertThrows(NullPointerException.class, () -> Evaluators.compile(null, XY));
        assertThrows(NullPointerException.class, () -> Evaluators.compile(Expr.var("x"), null));
        Evaluator f = Evaluators.compile(Expr.var("x"), XY);
        IllegalArgumentException length = assertThrows(IllegalArgumentException.class, () -> f.eval(new double[3]));
        assertTrue(length.getMessage().contains("[3]"), length.getMessage());
    }

    @Test
    void edgeValuesPropagateWithoutExceptions() {
        Evaluator f = Evaluators.compile(parse("x*y + exp(x)/y - log(x^2)"), XY);
        for (double x : EdgeValues.FINITE) {
            for (double y : EdgeValues.NON_FINITE) {
                f.eval(new double[] {x, y});
                f.eval(new double[] {y, x});
            }
        }
        assertTrue(Double.isNaN(f.eval(new double[] {Double.NaN, 1})));
        assertEquals(Double.POSITIVE_INFINITY, eval("1/x", 0.0), 0.0);
        assertEquals(Double.NEGATIVE_INFINITY, eval("1/x", -0.0), 0.0);
    }
}
