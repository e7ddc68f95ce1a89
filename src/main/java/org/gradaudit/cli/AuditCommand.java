package org.gradaudit.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.gradaudit.check.AuditResult;
import org.gradaudit.check.Auditor;
import org.gradaudit.model.Model;
import org.gradaudit.report.AuditJsonReport;
import org.gradaudit.report.AuditTextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gradaudit audit FILE}: judge every statement of a derivation file. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = {"Audits a derivation file line by line: which formulas are right, which are wrong, what "
                + "kind of mistake each is, the right formula, and a point where the difference shows.",
                "Exit code: 0 every statement is correct, 1 a statement is wrong or unverified, 2 bad input."})
final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The derivation file (see docs/derivation-format.md).")
    String file;

    @Option(names = "--format", defaultValue = "text", description = "text, json, junit (JUnit XML for CI servers), or html (one self-contained page)"
                    + " (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output-file"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of stdout.")
    java.nio.file.Path outputFile;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random points (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--points", defaultValue = "64",
            description = "Random points each statement is compared at, 32 to 10000 (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--time-limit", defaultValue = "60", paramLabel = "SECONDS",
            description = "Time for the whole audit; statements not reached are reported unverified (default: ${DEFAULT-VALUE}).")
    int timeLimit;

    @Option(names = {"-v", "--verbose"}, description = "Also say how each correct statement was established.")
    boolean verbose;

    @Option(names = {"-b", "--brief"}, description = "Show only the statements that are not correct (text format).")
    boolean brief;

    @Override
    public Integer call() {
        if (points < 32 || points > 10_000) {
            throw new InputException("--points must be between 32 and 10000, was " + points);
        }
        if (brief && verbose) {
            throw new InputException("--brief and --verbose cannot be combined");
        }
        if (timeLimit < 1) {
            throw new InputException("--time-limit must be at least 1 second, was " + timeLimit);
        }
        ReportFile.checkWritable(outputFile);
        Model model = Derivations.load(file);
        if (model.items().isEmpty()) {
            throw new InputException(file + ": nothing to judge: the file makes no claims, restatements, loss or code"
                    + " lines (a claim is a line such as 'dL/dW = ...' or 'code dW = ...')");
        }
        AuditResult result = Auditor.audit(model, new Auditor.Options(seed, points,
                org.gradaudit.check.Tolerance.DEFAULT, java.time.Duration.ofSeconds(timeLimit)));
        PrintWriter out = spec.commandLine().getOut();
        String report;
        if (format == Format.json) {
            report = AuditJsonReport.render(result, Main.VERSION);
        } else if (format == Format.junit) {
            report = org.gradaudit.report.JunitXml.audit(result);
        } else if (format == Format.html) {
            report = org.gradaudit.report.html.AuditPage.render(result, Main.VERSION);
        } else {
            AuditTextReport.Detail detail = brief ? AuditTextReport.Detail.BRIEF
                    : verbose ? AuditTextReport.Detail.VERBOSE : AuditTextReport.Detail.NORMAL;
            report = AuditTextReport.render(result, Main.VERSION, outputFile == null && Terminal.colour(), detail);
        }
        ReportFile.write(out, outputFile, report);
        return result.clean() ? 0 : 1;
    }
}
