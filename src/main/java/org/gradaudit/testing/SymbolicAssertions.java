package org.gradaudit.testing;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Assertions about formulas: that one expression is the derivative of another, and that a
 * derivation file audits clean. They throw the JDK's {@link AssertionError} and need no test
 * framework at run time.
 *
 * <pre>{@code
 * import static org.gradaudit.testing.SymbolicAssertions.assertDerivative;
 *
 * assertDerivative("a2*(1 - a2)", "sigmoid(Z2)", "Z2", "a2 = sigmoid(Z2)");
 * assertAuditsClean(Path.of("derivations/my-network.deriv"));
 * }</pre>
 *
 * <p>Formulas use numbers, names, {@code + - * / ^}, parentheses and the built-in functions of
 * {@link org.gradaudit.expr.Builtin} ({@code exp, log, ln, sqrt, sin, cos, tanh, sigmoid, softplus,
 * relu, step}); {@code e} and {@code pi} are constants
 * unless defined.
 */
public final class SymbolicAssertions {
    /** Random points each derivative is confirmed at. */
    static final int POINTS = 32;

    private SymbolicAssertions() {
    }

    /**
     * {@link #assertDerivative(String, String, String, List, long)} with seed 1.
     *
     * @param claimed the claimed derivative, such as {@code "a2*(1 - a2)"}
     * @param of the expression differentiated, such as {@code "sigmoid(Z2)"}
     * @param wrt the variable, such as {@code "Z2"}
     * @param definitions names the formulas may use, each {@code "name = formula"}, in any order
     * @throws AssertionError if {@code claimed} is not the derivative
     * @throws IllegalArgumentException if a formula or definition cannot be read, definitions are
     *     circular or repeat a name or name a constant ({@code e}, {@code pi}), or {@code wrt} is not
     *     a name or is defined
     */
    public static void assertDerivative(String claimed, String of, String wrt, String... definitions) {
        assertDerivative(claimed, of, wrt, List.of(definitions), 1);
    }

    /**
     * Asserts that {@code claimed} is {@code d(of)/d(wrt)}, the definitions expanded in both. The claim
     * is audited as a derivation of one statement (every free name an input in [-2, 2], each
     * definition the formulas use a node, {@code of} a node {@code f} unless it is a defined name,
     * and the claim {@code df/dwrt = claimed}), so it is judged exactly as {@code gradaudit audit}
     * judges a line: at {@value #POINTS} points drawn from {@code seed} within the audit's
     * rounding-error tolerance, proven with computer algebra where possible, the symbolic truth
     * cross-checked against Ridders' differences of the expression, and diagnosed when wrong.
     *
     * <p>The failure message names a counterexample point (every free name), the claimed and the
     * true value there, the defined names' values, the expected formula, the audit's sentence (the
     * kind of mistake and a fix) and the seed. A claim the audit leaves unverified (no point where
     * every node is finite; the symbolic truth and Ridders' differences disagree, a fault of
     * gradaudit or a point outside the function's smooth domain, never hidden) fails with its reason.
     *
     * @param claimed the claimed derivative
     * @param of the expression differentiated
     * @param wrt the variable
     * @param definitions names the formulas may use, each {@code "name = formula"}
     * @param seed the seed of the points
     * @throws AssertionError if {@code claimed} is not the derivative, or the audit cannot confirm it
     * @throws IllegalArgumentException as {@link #assertDerivative(String, String, String, String...)}
     */
    public static void assertDerivative(String claimed, String of, String wrt, List<String> definitions,
            long seed) {
        String failure = DerivativeCheck.of(claimed, of, wrt, definitions).run(seed, POINTS);
        if (failure != null) {
            throw new AssertionError(failure);
        }
    }

    /**
     * {@link #assertAuditsClean(Path, AuditOptions)} with {@link AuditOptions#defaults()}.
     *
     * @param derivationFile a derivation file, such as {@code derivations/my-network.deriv}
     * @throws AssertionError if a statement is wrong or unverified, or the file cannot be parsed
     * @throws NullPointerException if {@code derivationFile} is null (the message names it)
     * @throws UncheckedIOException if the file cannot be read ("no such file", with the working directory)
     */
    public static void assertAuditsClean(Path derivationFile) {
        CleanAudit.file(derivationFile, AuditOptions.defaults());
    }

    /**
     * {@link #assertAuditsClean(Path, AuditOptions)} with the default options and this seed.
     *
     * @param derivationFile a derivation file
     * @param seed the seed of the audit's random points
     * @throws AssertionError if a statement is wrong or unverified, or the file cannot be parsed
     * @throws NullPointerException if {@code derivationFile} is null (the message names it)
     * @throws UncheckedIOException if the file cannot be read
     */
    public static void assertAuditsClean(Path derivationFile, long seed) {
        CleanAudit.file(derivationFile, AuditOptions.defaults().withSeed(seed));
    }

    /**
     * Asserts that every statement of a derivation file audits correct, as
     * {@code gradaudit audit FILE --seed --points --time-limit} would say with these options. The
     * failure message lists each wrong or unverified statement: its line, its left-hand side, the
     * verdict and diagnosis, and the audit's message (with the expected formula and a counterexample
     * where there is one). A statement the time limit cut short is unverified, so it fails.
     *
     * @param derivationFile a derivation file, UTF-8; relative to the working directory
     * @param options seed, points and time limit
     * @throws AssertionError if a statement is wrong or unverified, or the file has problems (each
     *     listed with file:line:column)
     * @throws NullPointerException if an argument is null (the message names it)
     * @throws UncheckedIOException if the file cannot be read ("no such file", with the working directory)
     */
    public static void assertAuditsClean(Path derivationFile, AuditOptions options) {
        CleanAudit.file(derivationFile, options);
    }

    /**
     * {@link #assertResourceAuditsClean(String, AuditOptions)} with {@link AuditOptions#defaults()}.
     *
     * @param resource a classpath resource, such as {@code "derivations/my-network.deriv"} under
     *     {@code src/test/resources}
     * @throws AssertionError if a statement is wrong or unverified, or the file cannot be parsed
     * @throws NullPointerException if {@code resource} is null (the message names it)
     * @throws UncheckedIOException if there is no such resource
     */
    public static void assertResourceAuditsClean(String resource) {
        CleanAudit.resource(resource, AuditOptions.defaults());
    }

    /**
     * {@link #assertAuditsClean(Path, AuditOptions)} for a derivation on the classpath (a leading
     * {@code /} is optional), found by the thread's context class loader: a test can ship its
     * derivation in {@code src/test/resources} and not depend on the working directory.
     *
     * @param resource the resource's name
     * @param options seed, points and time limit
     * @throws AssertionError if a statement is wrong or unverified, or the file cannot be parsed
     * @throws NullPointerException if an argument is null (the message names it)
     * @throws UncheckedIOException if there is no such resource
     */
    public static void assertResourceAuditsClean(String resource, AuditOptions options) {
        CleanAudit.resource(resource, options);
    }
}
