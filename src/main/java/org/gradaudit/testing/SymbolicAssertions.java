package org.gradaudit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.gradaudit.check.AuditResult;
import org.gradaudit.check.Auditor;
import org.gradaudit.check.Finding;
import org.gradaudit.check.Verdict;
import org.gradaudit.derivation.DerivationException;
import org.gradaudit.derivation.DerivationParser;
import org.gradaudit.model.ModelBuilder;

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
     *     circular or repeat a name, or {@code wrt} is not a name or is defined
     */
    public static void assertDerivative(String claimed, String of, String wrt, String... definitions) {
        assertDerivative(claimed, of, wrt, List.of(definitions), 1);
    }

    /**
     * Asserts that {@code claimed} is {@code d(of)/d(wrt)}, the definitions expanded in both. It is
     * proven with computer algebra where possible ({@code claimed - d(of)/d(wrt)} simplifies to 0),
     * and always confirmed numerically: at {@value #POINTS} points drawn from {@code seed}, every free
     * name uniform in [-2, 2], the claimed value is compared with Ridders' differences of {@code of}.
     * Points where either is not finite (outside a logarithm's domain, say), or where Ridders' own
     * error estimate exceeds 1e-4 relative (a pole or kink within its steps), are skipped. Without a
     * proof, agreement at every point that remains passes, as the audit does.
     *
     * <p>The failure message names a counterexample point (every free name), the claimed and the
     * true value there, the defined names' values, the true derivative where the algebra found one,
     * and the seed. Should the proof and the numbers disagree, the message says so: that is a fault
     * of gradaudit or a point outside the function's smooth domain, never hidden.
     *
     * @param claimed the claimed derivative
     * @param of the expression differentiated
     * @param wrt the variable
     * @param definitions names the formulas may use, each {@code "name = formula"}
     * @param seed the seed of the points
     * @throws AssertionError if {@code claimed} is not the derivative, or no point was usable and
     *     there is no proof
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
     * {@link #assertAuditsClean(Path, long)} with seed 1.
     *
     * @param derivationFile a derivation file, such as {@code derivations/my-network.deriv}
     * @throws AssertionError if a statement is wrong or unverified, or the file cannot be parsed
     * @throws UncheckedIOException if the file cannot be read
     */
    public static void assertAuditsClean(Path derivationFile) {
        assertAuditsClean(derivationFile, 1);
    }

    /**
     * Asserts that every statement of a derivation file audits correct, as
     * {@code gradaudit audit FILE --seed seed} would say. The failure message lists each wrong or
     * unverified statement: its line, its left-hand side, the verdict and diagnosis, and the audit's
     * message (with the expected formula and a counterexample where there is one).
     *
     * @param derivationFile a derivation file, UTF-8
     * @param seed the seed of the audit's random points
     * @throws AssertionError if a statement is wrong or unverified, or the file has problems (each
     *     listed with file:line:column)
     * @throws UncheckedIOException if the file cannot be read
     */
    public static void assertAuditsClean(Path derivationFile, long seed) {
        Objects.requireNonNull(derivationFile, "derivationFile");
        String text;
        try {
            text = Files.readString(derivationFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + derivationFile + ": " + e.getMessage(), e);
        }
        AuditResult r;
        try {
            r = Auditor.audit(ModelBuilder.build(DerivationParser.parse(derivationFile.toString(), text)),
                    Auditor.Options.defaults(seed));
        } catch (DerivationException e) {
            throw new AssertionError(derivationFile + " cannot be audited:\n" + e.getMessage(), e);
        }
        if (r.clean()) {
            return;
        }
        List<Finding> bad = r.findings().stream().filter(f -> f.verdict() != Verdict.CORRECT)
                .collect(Collectors.toList());
        StringBuilder b = new StringBuilder();
        b.append(derivationFile).append(" does not audit clean: ").append(r.count(Verdict.WRONG)).append(" wrong, ")
                .append(r.count(Verdict.UNVERIFIED)).append(" unverified of ").append(r.findings().size())
                .append(" statements (seed ").append(r.seed()).append(")\n");
        for (Finding f : bad) {
            b.append("  line ").append(f.line()).append(": ").append(f.lhs()).append(" = ").append(f.claimed())
                    .append("  [").append(f.verdict());
            if (f.diagnosis() != null) {
                b.append(", ").append(f.diagnosis());
            }
            b.append("]\n    ").append(f.message()).append('\n');
        }
        b.append("(gradaudit audit ").append(derivationFile).append(" --seed ").append(r.seed())
                .append(" shows the full report)");
        throw new AssertionError(b.toString());
    }
}
