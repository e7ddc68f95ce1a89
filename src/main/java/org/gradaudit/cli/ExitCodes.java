package org.gradaudit.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The four exit codes, as every command's help lists them. */
final class ExitCodes {
    static final int CLEAN = 0;
    static final int MISMATCH = 1;
    static final int INPUT = 2;
    static final int INTERNAL = 3;

    private ExitCodes() {
    }

    /**
     * The help's exit code list for a command.
     *
     * @param command the subcommand's name, or null for {@code gradaudit} itself
     */
    static Map<String, String> help(String command) {
        String one = switch (command == null ? "" : command) {
            case "audit" -> "a statement is wrong or could not be verified (in any of the files)";
            case "check" -> "an element's gradient differs from the numeric derivative";
            case "derive" -> "(not used: derive judges nothing)";
            default -> "a mismatch was found";
        };
        Map<String, String> m = new LinkedHashMap<>();
        m.put(" " + CLEAN, "everything checked agrees");
        m.put(" " + MISMATCH, one);
        m.put(" " + INPUT, "usage or input error; the message names file:line:column where there is one");
        m.put(" " + INTERNAL, "internal error (a bug; --debug prints the stack trace)");
        return m;
    }
}
