package org.gradaudit.cli;

import java.io.PrintWriter;
import org.gradaudit.report.AuditJsonReport;
import org.gradaudit.report.JunitXml;

/**
 * Bad input under {@code --format json} or {@code junit}: the report on stdout still comes, as a
 * document that holds one error, so a CI server reading it shows a failure rather than nothing. The
 * message itself goes to stderr as always, and the exit code is 2.
 */
final class Refusals {
    private Refusals() {
    }

    /**
     * @param command {@code audit} or {@code check}
     * @param file the file named on the command line, or null
     */
    static void write(Format format, PrintWriter out, String command, String file, String message) {
        String doc = switch (format) {
            case json -> AuditJsonReport.refused(file, message, Main.VERSION);
            case junit -> JunitXml.refused(command, file, message);
            case text, html -> "";
        };
        out.print(doc);
        out.flush();
    }
}
