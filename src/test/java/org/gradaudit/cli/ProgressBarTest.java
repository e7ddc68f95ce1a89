package org.gradaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gradaudit.bounds.Deadline;
import org.gradaudit.check.Auditor;
import org.gradaudit.derivation.DerivationParser;
import org.gradaudit.model.Model;
import org.gradaudit.model.ModelBuilder;
import org.junit.jupiter.api.Test;

/** Progress on stderr: drawn on a terminal once the run takes a while, never in a pipe or CI log. */
class ProgressBarTest {
    @Test
    void notATerminalPrintsNothingHoweverLongItRuns() {
        StringWriter err = new StringWriter();
        try (ProgressBar bar = new ProgressBar(new PrintWriter(err), false, "auditing", 0)) {
            bar.progress(1, 3);
            bar.progress(3, 3);
        }
        assertEquals("", err.toString());
    }

    @Test
    void aTerminalShowsTheBarAfterTheDelayAndErasesIt() {
        StringWriter err = new StringWriter();
        try (ProgressBar bar = new ProgressBar(new PrintWriter(err), true, "auditing", 0)) {
            bar.progress(1, 2);
            assertTrue(err.toString().startsWith("\rauditing [###############...............]  50% 1/2"), err.toString());
        }
        assertTrue(err.toString().endsWith("\r"), "erased at the end");
    }

    @Test
    void nothingIsDrawnBeforeTheDelay() {
        StringWriter err = new StringWriter();
        try (ProgressBar bar = new ProgressBar(new PrintWriter(err), true, "auditing", Long.MAX_VALUE)) {
            bar.progress(1, 2);
        }
        assertEquals("", err.toString());
    }

    @Test
    void theAuditTellsItsProgressStatementByStatement() throws Exception {
        Model m = ModelBuilder.build(DerivationParser.parse("p.deriv",
                "input x, y\nparam w\na = w*x\nloss L(a, y) = (a - y)^2/2\ndL/da = a - y\ndL/dw = (a - y)*x\n"));
        List<long[]> told = new ArrayList<>();
        Auditor.audit(m, Auditor.Options.defaults(1), Deadline.after(Duration.ofSeconds(60)),
                (done, total) -> told.add(new long[] {done, total}));
        assertEquals(m.items().size() + 1, told.size());
        assertEquals(m.items().size(), told.get(told.size() - 1)[0], "the last call says every statement is done");
        assertTrue(told.stream().allMatch(t -> t[1] == m.items().size()));
    }

    @Test
    void anAuditInAPipeWritesNothingToStderr() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"audit", "derivations/relu-mse.deriv"}, new PrintWriter(out),
                new PrintWriter(err));
        assertEquals(0, code, out.toString());
        assertEquals("", err.toString(), "tests run without a console: no progress");
    }
}
