package org.gradaudit.report;

import org.gradaudit.check.AuditResult;
import org.gradaudit.check.Finding;
import org.gradaudit.check.Verdict;
import org.gradaudit.check.grad.CheckResult;
import org.gradaudit.check.grad.TensorResult;
import org.gradaudit.expr.Numbers;

/**
 * Audits and gradient checks as JUnit XML, the report format CI servers display: one test case
 * per statement (a failure when it is wrong, skipped when unverified) or per parameter tensor.
 */
public final class JunitXml {
    private JunitXml() {
    }

    /** One test suite named after the derivation; each statement a test case named by its line. */
    public static String audit(AuditResult r) {
        StringBuilder cases = new StringBuilder();
        for (Finding f : r.findings()) {
            String name = "line " + f.line() + ": " + f.lhs() + " = " + f.claimed();
            cases.append("  <testcase classname=\"").append(attr(r.derivation().file())).append("\" name=\"")
                    .append(attr(name)).append("\">");
            if (f.verdict() == Verdict.WRONG) {
                cases.append("\n    <failure type=\"").append(f.diagnosis()).append("\" message=\"")
                        .append(attr(f.message())).append("\">").append(text(details(f))).append("</failure>\n  ");
            } else if (f.verdict() == Verdict.UNVERIFIED) {
                cases.append("\n    <skipped message=\"").append(attr(f.message())).append("\"/>\n  ");
            }
            cases.append("</testcase>\n");
        }
        return suite("gradaudit audit " + r.derivation().file(), r.findings().size(), r.count(Verdict.WRONG),
                r.count(Verdict.UNVERIFIED), 0, cases);
    }

    /** One test suite for the model; each parameter tensor a test case. */
    public static String check(CheckResult r) {
        StringBuilder cases = new StringBuilder();
        int failed = 0;
        for (TensorResult t : r.tensors()) {
            cases.append("  <testcase classname=\"").append(attr(r.model())).append("\" name=\"").append(attr(t.name()))
                    .append("\">");
            if (!t.passed()) {
                failed++;
                String message = Numbers.format("%d of %d elements differ; worst %s: analytic %.10g,"
                        + " numeric %.10g", t.failed(), t.checked(), t.name(), t.worst() == null ? Double.NaN
                        : t.worst().analytic(), t.worst() == null ? Double.NaN : t.worst().numeric());
                cases.append("\n    <failure type=\"mismatch\" message=\"").append(attr(message)).append("\">")
                        .append(text(r.toleranceRule())).append("</failure>\n  ");
            }
            cases.append("</testcase>\n");
        }
        return suite("gradaudit check " + r.model(), r.tensors().size(), failed, 0, r.seconds(), cases);
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

    private static String suite(String name, long tests, long failures, long skipped, double seconds,
                                StringBuilder cases) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + Numbers.format("<testsuite name=\"%s\" tests=\"%d\" failures=\"%d\" errors=\"0\""
                        + " skipped=\"%d\" time=\"%.3f\">%n", attr(name), tests, failures, skipped, seconds)
                + cases + "</testsuite>\n";
    }

    private static String attr(String s) {
        return text(s).replace("\"", "&quot;").replace("\n", "&#10;");
    }

    private static String text(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        out.append(' '); // XML 1.0 cannot hold C0 controls, not even as references
                    } else if (TerminalText.unsafe(c)) {
                        out.append("&#x").append(Integer.toHexString(c)).append(';'); // DEL, C1, bidi, invisible
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
