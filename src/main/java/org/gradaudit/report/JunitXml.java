package org.gradaudit.report;

import java.util.List;
import org.gradaudit.check.AuditResult;
import org.gradaudit.check.Finding;
import org.gradaudit.check.Verdict;
import org.gradaudit.check.grad.CheckResult;
import org.gradaudit.check.grad.TensorResult;
import org.gradaudit.expr.Numbers;

/**
 * Audits and gradient checks as JUnit XML, the report format CI servers display: one test case
 * per statement or per parameter tensor. A wrong statement or a failing tensor is a
 * {@code <failure>}; an unverified statement is an {@code <error>} (the command line counts it as a
 * failure, and dashboards show {@code <skipped>} as green); input that could not be read is one
 * {@code <error>} case, so a CI server shows a failure rather than nothing. Several derivations are
 * a {@code <testsuites>} document with one suite each.
 */
public final class JunitXml {
    private JunitXml() {
    }

    /** One test suite named after the derivation; each statement a test case named by its line. */
    public static String audit(AuditResult r) {
        return header() + auditSuite(r);
    }

    /** Several audits, or derivations that could not be read: one test suite each, in order. */
    public static String audits(List<AuditRun> runs) {
        StringBuilder b = new StringBuilder(header()).append("<testsuites name=\"gradaudit audit\">\n");
        for (AuditRun run : runs) {
            if (run instanceof AuditRun.Audited a) {
                b.append(auditSuite(a.result()));
            } else {
                b.append(refusedSuite("gradaudit audit " + run.file(), className(run.file()),
                        ((AuditRun.Refused) run).message()));
            }
        }
        return b.append("</testsuites>\n").toString();
    }

    /**
     * A suite of one {@code <error>} case for input that could not be read ({@code check} or a
     * single {@code audit}).
     *
     * @param command for example {@code "audit derivations/x.deriv"} or {@code "check"}
     * @param file the file named on the command line, or null
     * @param message the error, as printed on stderr
     */
    public static String refused(String command, String file, String message) {
        return header() + refusedSuite("gradaudit " + command, file == null ? "gradaudit." + command : className(file),
                message);
    }

    private static String auditSuite(AuditResult r) {
        StringBuilder cases = new StringBuilder();
        String className = className(r.derivation().file());
        for (Finding f : r.findings()) {
            String name = "line " + f.line() + ": " + f.lhs() + " = " + f.claimed();
            cases.append("  <testcase classname=\"").append(attr(className)).append("\" name=\"")
                    .append(attr(name)).append("\">");
            if (f.verdict() == Verdict.WRONG) {
                cases.append("\n    <failure type=\"").append(f.diagnosis()).append("\" message=\"")
                        .append(attr(f.message())).append("\">").append(text(details(f))).append("</failure>\n  ");
            } else if (f.verdict() == Verdict.UNVERIFIED) {
                cases.append("\n    <error type=\"unverified\" message=\"").append(attr(f.message()))
                        .append("\"/>\n  ");
            }
            cases.append("</testcase>\n");
        }
        return suite("gradaudit audit " + r.derivation().file(), r.findings().size(), r.count(Verdict.WRONG),
                r.count(Verdict.UNVERIFIED), 0, cases);
    }

    /** One test suite for the model; each parameter tensor a test case, its failing elements in the failure. */
    public static String check(CheckResult r) {
        StringBuilder cases = new StringBuilder();
        int failed = 0;
        String className = "gradaudit.check." + r.model().replaceAll("[^A-Za-z0-9_.-]+", "_");
        for (TensorResult t : r.tensors()) {
            cases.append("  <testcase classname=\"").append(attr(className)).append("\" name=\"").append(attr(t.name()))
                    .append("\">");
            if (!t.passed()) {
                failed++;
                String message = Numbers.format("%d of %d elements differ; worst %s: analytic %.10g,"
                        + " numeric %.10g", t.failed(), t.checked(), t.name(), t.worst() == null ? Double.NaN
                        : t.worst().analytic(), t.worst() == null ? Double.NaN : t.worst().numeric());
                cases.append("\n    <failure type=\"mismatch\" message=\"").append(attr(message)).append("\">")
                        .append(text(failingElements(r, t))).append("</failure>\n  ");
            }
            cases.append("</testcase>\n");
        }
        return header() + suite("gradaudit check " + r.model(), r.tensors().size(), failed, 0, r.seconds(), cases);
    }

    /** The tensor's listed failing elements, one a line, and how many more there are. */
    private static String failingElements(CheckResult r, TensorResult t) {
        StringBuilder s = new StringBuilder("element  analytic  numeric  tolerance\n");
        int listed = 0;
        for (org.gradaudit.check.grad.Finding f : r.failures()) {
            if (f.tensor().equals(t.name())) {
                listed++;
                s.append(Numbers.format("%s  %.10g  %.10g  %.3g%s%n", f.label(), f.analytic(), f.numeric(),
                        f.tolerance(), f.note() == null ? "" : "  (" + f.note() + ")"));
            }
        }
        if (listed < t.failed()) {
            s.append(t.failed() - listed).append(" more not listed (--max-failures)\n");
        }
        return s.toString();
    }

    /**
     * A JUnit class name from a file name or a description: no path separators, no file extension
     * ({@code derivations/rodriguez-2019.deriv} becomes {@code derivations.rodriguez-2019}).
     */
    static String className(String name) {
        String s = name.replace('\\', '/');
        int slash = s.lastIndexOf('/');
        int dot = s.lastIndexOf('.');
        if (dot > slash + 1 && s.substring(dot + 1).matches("[A-Za-z]{1,8}")) {
            s = s.substring(0, dot);
        }
        s = s.replaceAll("^[./]+", "").replaceAll("/+", ".").replaceAll("\\s+", "_");
        return s.isEmpty() ? "gradaudit" : s;
    }

    private static String refusedSuite(String suiteName, String className, String message) {
        StringBuilder cases = new StringBuilder("  <testcase classname=\"").append(attr(className))
                .append("\" name=\"input\">\n    <error type=\"input\" message=\"").append(attr(message))
                .append("\"/>\n  </testcase>\n");
        return suite(suiteName, 1, 0, 1, 0, cases);
    }

    private static String details(Finding f) {
        StringBuilder s = new StringBuilder();
        s.append("expected: ").append(f.expected()).append('\n');
        if (f.fix() != null) {
            s.append("corrected: ").append(f.fix()).append('\n');
        }
        if (f.counterexample() != null) {
            s.append("at: ").append(f.counterexample().point()).append('\n');
            s.append(Numbers.format("claimed: %.17g%ntrue: %.17g%n", f.counterexample().claimed(),
                    f.counterexample().expected()));
        }
        if (!f.upstream().isEmpty()) {
            s.append("consumes wrong lines: ").append(f.upstream()).append('\n');
        }
        return s.toString();
    }

    private static String header() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    }

    private static String suite(String name, long tests, long failures, long errors, double seconds,
                                StringBuilder cases) {
        return Numbers.format("<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"%d\""
                        + " skipped=\"0\" time=\"%.3f\">%n", attr(name), tests, failures, errors, seconds)
                + cases + "</testsuite>\n";
    }

    private static String attr(String s) {
        return XmlText.JUNIT.attribute(s);
    }

    private static String text(String s) {
        return XmlText.JUNIT.text(s);
    }
}
