package org.gradaudit.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import org.gradaudit.check.AuditResult;
import org.gradaudit.check.Auditor;
import org.gradaudit.check.Finding;
import org.gradaudit.check.tolerance.BoundedAgreement;
import org.gradaudit.check.Verdict;
import org.gradaudit.derivation.DerivationException;
import org.gradaudit.derivation.DerivationParser;
import org.gradaudit.model.ModelBuilder;

/**
 * What {@link SymbolicAssertions#assertAuditsClean} does: read a derivation (a file or a classpath
 * resource), audit it with the given options, and turn anything not correct into one
 * {@link AssertionError} that lists each statement. Arguments are checked first, each by name.
 */
final class CleanAudit {
    private CleanAudit() {
    }

    /** Audits a file; a missing one is reported with the working directory it was looked for in. */
    static void file(Path file, AuditOptions options) {
        Objects.requireNonNull(file, "derivationFile must not be null");
        Objects.requireNonNull(options, "options must not be null");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UncheckedIOException(file + ": no such file (working directory "
                    + Path.of("").toAbsolutePath() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read: " + e.getMessage(), e);
        }
        audit(file.toString(), text, options);
    }

    /** Audits a classpath resource, looked up by the thread's context class loader. */
    static void resource(String name, AuditOptions options) {
        Objects.requireNonNull(name, "resource must not be null");
        Objects.requireNonNull(options, "options must not be null");
        String path = name.startsWith("/") ? name.substring(1) : name;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = CleanAudit.class.getClassLoader();
        }
        String text;
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new UncheckedIOException("classpath resource " + path + ": no such resource (looked up by "
                        + loader + ")", new NoSuchFileException(path));
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("classpath resource " + path + ": cannot read: " + e.getMessage(), e);
        }
        audit(path, text, options);
    }

    private static void audit(String name, String text, AuditOptions options) {
        AuditResult r;
        try {
            r = Auditor.audit(ModelBuilder.build(DerivationParser.parse(name, text)),
                    new Auditor.Options(options.seed(), options.points(), BoundedAgreement.DEFAULT, options.timeLimit()));
        } catch (DerivationException e) {
            throw new AssertionError(name + " cannot be audited:\n" + e.getMessage(), e);
        }
        if (r.clean()) {
            return;
        }
        StringBuilder b = new StringBuilder();
        b.append(name).append(" does not audit clean: ").append(r.count(Verdict.WRONG)).append(" wrong, ")
                .append(r.count(Verdict.UNVERIFIED)).append(" unverified of ").append(r.findings().size())
                .append(" statements (seed ").append(r.seed()).append(")\n");
        for (Finding f : r.findings()) {
            if (f.verdict() == Verdict.CORRECT) {
                continue;
            }
            b.append("  line ").append(f.line()).append(": ").append(f.lhs()).append(" = ").append(f.claimed())
                    .append("  [").append(f.verdict());
            if (f.diagnosis() != null) {
                b.append(", ").append(f.diagnosis());
            }
            b.append("]\n    ").append(f.message()).append('\n');
        }
        b.append("(gradaudit audit ").append(name).append(" --seed ").append(r.seed())
                .append(" --points ").append(options.points()).append(" shows the full report)");
        throw new AssertionError(b.toString());
    }
}
