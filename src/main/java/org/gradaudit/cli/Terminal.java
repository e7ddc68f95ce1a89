package org.gradaudit.cli;

/** What the terminal allows: colour (only on a terminal, never when NO_COLOR is set) and progress lines. */
final class Terminal {
    private Terminal() {
    }

    static boolean colour() {
        String noColor = System.getenv("NO_COLOR");
        return System.console() != null && (noColor == null || noColor.isEmpty());
    }

    /** Whether stderr may show progress rewritten in place: a terminal that is not "dumb". */
    static boolean progress() {
        String term = System.getenv("TERM");
        return System.console() != null && term != null && !"dumb".equals(term);
    }
}
