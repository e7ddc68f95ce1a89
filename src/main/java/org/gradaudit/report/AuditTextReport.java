package org.gradaudit.report;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gradaudit.check.AuditResult;
import org.gradaudit.check.Finding;
import org.gradaudit.check.Verdict;
import org.gradaudit.derivation.Derivation;
import org.gradaudit.expr.Numbers;

/** The audit as text for a reader: grouped by the source's sections, one block per statement. */
public final class AuditTextReport {
    /** Width prose is wrapped at; formulas and tables may run longer. */
    private static final int WIDTH = 100;

    private AuditTextReport() {
    }

    /** How much to say about each statement. */
    public enum Detail {
        /** Only the statements that are not correct. */
        BRIEF,
        /** Every statement; reasons for the ones that are not correct. */
        NORMAL,
        /** Every statement with its reason, also how each correct one was established. */
        VERBOSE
    }

    /**
     * @param colour whether to colour verdicts (only on a terminal, never with NO_COLOR)
     * @param detail how much to say about each statement
     */
    public static String render(AuditResult r, String version, boolean colour, Detail detail) {
        StringBuilder out = new StringBuilder();
        Derivation d = r.derivation();
        out.append("gradaudit ").append(version).append(" audit of ").append(TerminalText.escape(d.file())).append('\n');
        String source = source(d);
        if (!source.isEmpty()) {
            out.append(TerminalText.escape(source)).append('\n');
        }
        out.append(TextTable.wrap("seed " + r.seed() + ", " + r.pointsPerCheck() + " random points per statement; "
                + r.tolerance().explain(), WIDTH, "", "  "));
        if (!r.lossNote().isEmpty()) {
            out.append(TextTable.wrap("loss: " + r.lossNote(), WIDTH, "", "  "));
        }
        String section = null;
        for (Finding f : r.findings()) {
            if (detail == Detail.BRIEF && f.verdict() == Verdict.CORRECT) {
                continue;
            }
            if (!f.section().equals(section)) {
                section = f.section();
                out.append('\n').append(section.isEmpty() ? "(no section)" : TerminalText.escape(section)).append('\n');
            }
            finding(out, f, colour, detail == Detail.VERBOSE);
        }
        if (r.codeRun() != null) {
            codeRun(out, r, colour);
        }
        if (r.findings().isEmpty()) {
            out.append("\nnothing to judge: the file makes no claims, restatements, loss or code lines\n");
        }
        out.append('\n').append(summary(r, colour)).append('\n');
        return out.toString();
    }

    /** A message one sentence a line, so that no formula is broken across lines. */
    private static void sentences(StringBuilder out, String message) {
        for (String sentence : TerminalText.escape(message).split("(?<=[.!?]) (?=[A-Z])")) {
            out.append("        ").append(sentence).append('\n');
        }
    }

    private static String source(Derivation d) {
        StringBuilder s = new StringBuilder();
        if (!d.title().isEmpty()) {
            s.append('"').append(d.title()).append('"');
        }
        if (!d.author().isEmpty()) {
            s.append(s.length() > 0 ? " by " : "").append(d.author());
        }
        if (!d.date().isEmpty()) {
            s.append(s.length() > 0 ? ", " : "").append(d.date());
        }
        if (!d.url().isEmpty()) {
            s.append(s.length() > 0 ? ", " : "").append(d.url());
        }
        return s.toString();
    }

    private static void finding(StringBuilder out, Finding f, boolean colour, boolean verbose) {
        String verdict = switch (f.verdict()) {
            case CORRECT -> paint("ok", "32", colour) + (f.shaped() != null && f.shaped().proof().found()
                    ? " (proven: " + f.shaped().proof() + ")" : "");
            case WRONG -> paint("WRONG", "1;31", colour) + (f.diagnosis() == null ? "" : " (" + f.diagnosis() + ")");
            case UNVERIFIED -> paint("UNVERIFIED", "33", colour);
        };
        out.append(Numbers.format("  %4d  %-10s %s = %s", f.line(), f.kind(),
                TerminalText.escape(f.lhs()), TerminalText.escape(f.claimed())));
        out.append("   ").append(verdict).append('\n');
        if (f.verdict() == Verdict.CORRECT) {
            if (!f.upstream().isEmpty()) {
                out.append("        consumes the wrong value of line").append(f.upstream().size() > 1 ? "s " : " ")
                        .append(lines(f)).append('\n');
            }
            boolean update = f.kind() == Finding.Kind.UPDATE;
            if (f.correctedLossLine() > 0 && !update) {
                out.append("        holds for the corrected loss only (see line ").append(f.correctedLossLine())
                        .append(")\n");
            }
            if (verbose || update && f.correctedLossLine() > 0) {
                sentences(out, f.message());
            }
            return;
        }
        sentences(out, f.message());
        if (f.shaped() != null && f.verdict() == Verdict.WRONG) {
            shaped(out, f);
        } else if (f.counterexample() != null && f.kind() != Finding.Kind.LOSS) {
            Finding.Counterexample c = f.counterexample();
            out.append("        at ").append(point(c.values().isEmpty() ? c.point() : c.values())).append('\n');
            if (!c.values().isEmpty() && !c.values().keySet().equals(c.point().keySet())) {
                out.append("          from ").append(point(c.point())).append('\n');
            }
            out.append(Numbers.format("          claimed  %.10g%n          true     %.10g%n",
                    c.claimed(), c.expected()));
        }
        if (!f.upstream().isEmpty() && f.verdict() == Verdict.WRONG) {
            out.append(f.inherited() ? "        root cause: line" : "        also consumes the wrong value of line")
                    .append(f.upstream().size() > 1 ? "s " : " ").append(lines(f)).append('\n');
        }
    }

    /** A vectorized statement's counterexample: the shapes, or the sizes and the worst entry. */
    private static void shaped(StringBuilder out, Finding f) {
        String sizes = f.shaped().sizes().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining(", "));
        if (f.shaped().mismatch()) {
            out.append("        shape    ").append(f.shaped().claimed()).append('\n');
            out.append("        expected ").append(f.shaped().expected()).append('\n');
            return;
        }
        out.append("        at sizes ").append(sizes).append(", entry ").append(f.shaped().index()).append('\n');
        if (f.counterexample() != null) {
            out.append(Numbers.format("          claimed  %.10g%n          true     %.10g%n",
                    f.counterexample().claimed(), f.counterexample().expected()));
        }
    }

    private static void codeRun(StringBuilder out, AuditResult r, boolean colour) {
        AuditResult.CodeRunResult run = r.codeRun();
        out.append("\nThe code lines run in order, as published, at ").append(point(run.point())).append('\n');
        if (!run.note().isEmpty()) {
            out.append("  ").append(TerminalText.escape(run.note())).append('\n');
        }
        for (AuditResult.Gradient g : run.gradients()) {
            String verdict = g.agrees() ? paint("ok", "32", colour) : paint("WRONG", "1;31", colour) + cause(r, g.line());
            out.append(Numbers.format("  %-6s %-11s code %-18.10g true %-18.10g %s%n", g.name(),
                    "(line " + g.line() + ")", g.executed(), g.truth(), verdict));
        }
    }

    /** Where a wrong gradient comes from: its own line, or the wrong lines it consumed. */
    private static String cause(AuditResult r, int line) {
        for (Finding f : r.findings()) {
            if (f.line() == line) {
                List<Integer> from = new java.util.ArrayList<>(f.upstream());
                if (f.verdict() == Verdict.WRONG) {
                    from.add(0, line);
                }
                return from.isEmpty() ? "" : ", from line" + (from.size() > 1 ? "s " : " ")
                        + from.stream().map(String::valueOf).collect(Collectors.joining(", "));
            }
        }
        return "";
    }

    private static String lines(Finding f) {
        return f.upstream().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private static String point(Map<String, Double> point) {
        return point.entrySet().stream()
                .map(e -> e.getKey() + " = " + Numbers.coordinate(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    private static String summary(AuditResult r, boolean colour) {
        long wrong = r.count(Verdict.WRONG);
        String s = r.findings().size() + " statements: " + r.count(Verdict.CORRECT) + " correct, " + wrong + " wrong, "
                + r.count(Verdict.UNVERIFIED) + " unverified";
        return paint(s, wrong > 0 ? "1;31" : r.clean() ? "32" : "33", colour);
    }

    private static String paint(String s, String code, boolean colour) {
        return colour ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
    }
}
