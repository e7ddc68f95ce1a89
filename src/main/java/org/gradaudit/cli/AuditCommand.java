package org.gradaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gradaudit.bounds.Deadline;
import org.gradaudit.check.Auditor;
import org.gradaudit.model.Model;
import org.gradaudit.report.AuditJsonReport;
import org.gradaudit.report.AuditRun;
import org.gradaudit.report.AuditTextReport;
import org.gradaudit.report.JunitXml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gradaudit audit FILE...}: judge every statement of one or more derivation files. */
@Command(name = "audit", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Audits derivation files line by line.",
        description = {"Audits derivation files line by line: which formulas are right, which are wrong, what "
                + "kind of mistake each is, the right formula, and a point where the difference shows.",
                "Several files, directories (every *.deriv under them) and - (standard input) give one report "
                + "per file, a summary, and the worst file's exit code."})
final class AuditCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "Derivation files (see docs/derivation-format.md), directories, or - for standard input.")
    List<String> files;

    @Option(names = "--format", defaultValue = "text", converter = Choices.FormatChoice.class,
            completionCandidates = Choices.FormatChoice.class,
            description = "text, json, junit (JUnit XML for CI servers), or html (one self-contained page, for one"
                    + " file) (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output-file"}, paramLabel = "FILE",
            description = "Write the report to FILE instead of stdout.")
    Path outputFile;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the random points (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--points", defaultValue = "64",
            description = "Random points each statement is compared at, 32 to 10000 (default: ${DEFAULT-VALUE}).")
    int points;

    @Option(names = "--time-limit", defaultValue = "60", paramLabel = "SECONDS", converter = Seconds.class,
            description = "Time for each file's audit, fractions allowed; statements not reached are reported"
                    + " unverified (default: ${DEFAULT-VALUE}).")
    Duration timeLimit;

    @Option(names = {"-v", "--verbose"}, description = "Also say how each correct statement was established (text format).")
    boolean verbose;

    @Option(names = {"-b", "--brief"}, description = "Show only the statements that are not correct (text format).")
    boolean brief;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> names;
        try {
            validate();
            ReportFile.checkWritable(outputFile);
            names = Inputs.expand(files);
        } catch (InputException e) {
            Refusals.write(format, out, "audit", files.size() == 1 ? files.get(0) : null, e.getMessage());
            throw e;
        }
        // One file named as such keeps the one-file document; a directory or several files get the list.
        boolean single = files.size() == 1 && names.size() == 1 && names.get(0).equals(files.get(0))
                && !Files.isDirectory(Path.of(files.get(0)));
        if (!single && format == Format.html) {
            throw new InputException("--format html shows one derivation; name one file (" + names.size() + " given)");
        }
        List<AuditRun> runs = new ArrayList<>();
        try (Progress progress = new Progress(err, Terminal.progress() && names.size() > 1)) {
            for (int i = 0; i < names.size(); i++) {
                progress.show("auditing " + (i + 1) + "/" + names.size() + ": " + names.get(i));
                runs.add(audit(names.get(i), single, out, err));
            }
        }
        String report;
        if (single) {
            AuditRun.Audited only = (AuditRun.Audited) runs.get(0);
            report = switch (format) {
                case json -> AuditJsonReport.render(only.result(), Main.VERSION);
                case junit -> JunitXml.audit(only.result());
                case html -> org.gradaudit.report.html.AuditPage.render(only.result(), Main.VERSION);
                case text -> text(only);
            };
        } else {
            report = switch (format) {
                case json -> AuditJsonReport.renderAll(runs, Main.VERSION);
                case junit -> JunitXml.audits(runs);
                case text, html -> texts(runs);
            };
        }
        ReportFile.write(out, outputFile, report);
        return runs.stream().mapToInt(AuditRun::exitCode).max().orElse(ExitCodes.CLEAN);
    }

    private void validate() {
        if (points < 32 || points > 10_000) {
            throw new InputException("--points must be between 32 and 10000, was " + points);
        }
        if (brief && verbose) {
            throw new InputException("--brief and --verbose cannot be combined");
        }
        if ((brief || verbose) && format != Format.text) {
            throw new InputException((brief ? "--brief" : "--verbose") + " applies to the text format, not to --format "
                    + format);
        }
    }

    /** One file's audit; bad input is a refused run when there are several files, and exit 2 when there is one. */
    private AuditRun audit(String name, boolean single, PrintWriter out, PrintWriter err) {
        try {
            // one deadline per file, started before it is read
            Deadline deadline = Deadline.after(timeLimit);
            String file = name.equals("-") ? Inputs.STDIN : name;
            String text = name.equals("-") ? Inputs.readStdin(System.in) : Derivations.text(name);
            if (org.gradaudit.matrix.Vectorized.declaresDims(text)) { // a vectorized file: see org.gradaudit.matrix
                return new AuditRun.Audited(org.gradaudit.matrix.Vectorized.audit(Derivations.loadVectorized(file, text),
                        seed, points, org.gradaudit.check.tolerance.BoundedAgreement.DEFAULT, timeLimit));
            }
            Model model = Derivations.load(file, text);
            if (model.items().isEmpty()) {
                throw new InputException(file + ": nothing to judge: the file makes no claims, restatements, loss or"
                        + " code lines (a claim is a line such as 'dL/dW = ...' or 'code dW = ...')");
            }
            // a bar for one file's statements; several files have their own line (Progress)
            try (ProgressBar bar = ProgressBar.auditing(err, Terminal.progress() && single)) {
                return new AuditRun.Audited(Auditor.audit(model, new Auditor.Options(seed, points,
                        org.gradaudit.check.tolerance.BoundedAgreement.DEFAULT, timeLimit), deadline, bar));
            }
        } catch (InputException e) {
            if (single) {
                Refusals.write(format, out, "audit", name, e.getMessage());
                throw e;
            }
            err.println("gradaudit: " + e.getMessage());
            return new AuditRun.Refused(name.equals("-") ? Inputs.STDIN : name, e.getMessage());
        }
    }

    private String text(AuditRun.Audited run) {
        AuditTextReport.Detail detail = brief ? AuditTextReport.Detail.BRIEF
                : verbose ? AuditTextReport.Detail.VERBOSE : AuditTextReport.Detail.NORMAL;
        return AuditTextReport.render(run.result(), Main.VERSION, outputFile == null && Terminal.colour(), detail);
    }

    private String texts(List<AuditRun> runs) {
        StringBuilder b = new StringBuilder();
        for (AuditRun run : runs) {
            if (run instanceof AuditRun.Audited a) {
                b.append(text(a));
            } else {
                b.append("gradaudit ").append(Main.VERSION).append(" audit of ").append(run.file())
                        .append("\n  not audited: ").append(((AuditRun.Refused) run).message()).append('\n');
            }
            b.append('\n');
        }
        return b.append(AuditRun.Summary.of(runs).line()).append('\n').toString();
    }
}
