package org.gradaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** No Throwable escapes a command: each ends in an exit code and one message. */
class FailuresTest {
    private static String report(Throwable t, boolean debug, int expectedCode) {
        StringWriter err = new StringWriter();
        assertEquals(expectedCode, Failures.report(t, new PrintWriter(err), debug));
        return err.toString();
    }

    @Test
    void boundsHitAreExitCode2WithTheBoundsName() {
        String stack = report(new StackOverflowError(), false, 2);
        assertEquals("gradaudit: the input is nested too deeply: the stack bound (512 MiB) was hit; simplify or"
                + " split the file\n", stack);
        String memory = report(new OutOfMemoryError("Java heap space"), false, 2);
        assertTrue(memory.startsWith("gradaudit: out of memory: the heap bound ("), memory);
        assertTrue(memory.contains("MiB, java -Xmx) was hit"), memory);
        assertEquals(1, memory.lines().count(), memory);
    }

    @Test
    void aBugIsExitCode3WithTheTraceOnlyUnderDebug() {
        String plain = report(new AssertionError("model invariant"), false, 3);
        assertEquals("gradaudit: internal error: java.lang.AssertionError: model invariant\n"
                + "(run again with --debug for the stack trace, and please report it)\n", plain);
        String debug = report(new AssertionError("model invariant"), true, 3);
        assertTrue(debug.contains("\tat "), debug);
    }

    @Test
    void badInputIsExitCode2AndItsMessageIsShownEscaped() {
        assertEquals("gradaudit: x.deriv:1:1: bad \\u001b]0;title\\u0007\n",
                report(new InputException("x.deriv:1:1: bad \u001b]0;title\u0007"), false, 2));
    }

    @Test
    void anErrorThrownByACommandEndsInAnExitCodeNotATrace() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        // A file name holding a terminal escape: the message about it is escaped too.
        int code = Main.run(new String[] {"audit", "no-such-\u001b[8m.deriv"}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(2, code);
        assertEquals("gradaudit: no-such-\\u001b[8m.deriv: no such file\n", err.toString());
        assertFalse(err.toString().contains("\u001b"));
    }
}
