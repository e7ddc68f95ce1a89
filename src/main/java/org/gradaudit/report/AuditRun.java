package org.gradaudit.report;

import java.util.List;
import java.util.Objects;
import org.gradaudit.check.AuditResult;
import org.gradaudit.check.Verdict;

/**
 * What became of one derivation named on the command line: audited, or refused because it could
 * not be read (no such file, a syntax error, ...). Several of them make one run of
 * {@code gradaudit audit a.deriv b.deriv}.
 */
public sealed interface AuditRun {
    /** The file as named on the command line ({@code -} for standard input). */
    String file();

    /** The exit code this file alone would give: 0 clean, 1 a wrong or unverified statement, 2 bad input. */
    int exitCode();

    /** @param result the audit */
    record Audited(AuditResult result) implements AuditRun {
        public Audited {
            Objects.requireNonNull(result, "result");
        }

        @Override
        public String file() {
            return result.derivation().file();
        }

        @Override
        public int exitCode() {
            return result.clean() ? 0 : 1;
        }
    }

    /**
     * @param file the file as named
     * @param message why it could not be audited, as printed on stderr (with file:line:column)
     */
    record Refused(String file, String message) implements AuditRun {
        public Refused {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public int exitCode() {
            return 2;
        }
    }

    /** The worst exit code of the runs: bad input over a mistake over clean. */
    static int worst(List<AuditRun> runs) {
        return runs.stream().mapToInt(AuditRun::exitCode).max().orElse(0);
    }

    /**
     * The counts over several runs.
     *
     * @param derivations files named
     * @param clean files whose every statement is correct
     * @param failing files with a wrong or unverified statement
     * @param refused files that could not be audited
     * @param statements, correct, wrong, unverified the statements over all audited files
     */
    record Summary(int derivations, int clean, int failing, int refused, long statements, long correct, long wrong,
            long unverified) {
        /** Counts the runs. */
        public static Summary of(List<AuditRun> runs) {
            int clean = 0;
            int failing = 0;
            int refused = 0;
            long statements = 0;
            long correct = 0;
            long wrong = 0;
            long unverified = 0;
            for (AuditRun run : runs) {
                if (run instanceof Audited a) {
                    if (a.result().clean()) {
                        clean++;
                    } else {
                        failing++;
                    }
                    statements += a.result().findings().size();
                    correct += a.result().count(Verdict.CORRECT);
                    wrong += a.result().count(Verdict.WRONG);
                    unverified += a.result().count(Verdict.UNVERIFIED);
                } else {
                    refused++;
                }
            }
            return new Summary(runs.size(), clean, failing, refused, statements, correct, wrong, unverified);
        }

        /** The text report's last line, for example {@code 3 derivations: 1 clean, 1 with mistakes, 1 unreadable}. */
        public String line() {
            return derivations + " derivations: " + clean + " clean, " + failing + " with wrong or unverified"
                    + " statements, " + refused + " could not be read (" + statements + " statements: " + correct
                    + " correct, " + wrong + " wrong, " + unverified + " unverified)";
        }
    }
}
