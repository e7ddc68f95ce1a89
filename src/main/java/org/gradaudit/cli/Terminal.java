package org.gradaudit.cli;

/** Whether output may be coloured: only on a terminal, never when NO_COLOR is set. */
final class Terminal {
    private Terminal() {
    }

    static boolean colour() {
        String noColor = System.getenv("NO_COLOR");
        return System.console() != null && (noColor == null || noColor.isEmpty());
    }
}
