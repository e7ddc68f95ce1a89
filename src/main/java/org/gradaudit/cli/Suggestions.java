package org.gradaudit.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * "Did you mean": the closest known name to a mistyped subcommand, option or choice, by edit
 * distance (a transposition counts as one edit), and the one-line message for an argument the
 * command line did not match.
 */
final class Suggestions {
    private Suggestions() {
    }

    /**
     * The known name nearest to {@code typed}: within two edits (one for names of up to four
     * characters), or one that {@code typed} is a prefix of; null if there is none.
     */
    static String closest(String typed, Iterable<String> known) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String t = typed.toLowerCase(Locale.ROOT);
        for (String k : known) {
            int d = distance(t, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        if (best == null) {
            return null;
        }
        int allowed = best.replaceFirst("^-+", "").length() <= 4 ? 1 : 2;
        boolean prefix = t.length() >= 3 && best.toLowerCase(Locale.ROOT).startsWith(t);
        return bestDistance <= allowed || prefix ? best : null;
    }

    /**
     * One message for arguments that matched nothing: the first unknown option (with its nearest
     * option) or, for a command with subcommands, the unknown subcommand (with its nearest); else the
     * unexpected argument. Arguments after it (values, files) are not listed as unknown.
     */
    static String message(CommandLine.UnmatchedArgumentException e) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        List<String> unmatched = e.getUnmatched();
        for (String arg : unmatched) {
            if (arg.startsWith("-") && !arg.equals("-") && !arg.matches("-\\d.*")) {
                String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
                List<String> names = new ArrayList<>();
                for (OptionSpec o : spec.options()) {
                    if (!o.hidden()) {
                        names.addAll(List.of(o.names()));
                    }
                }
                String near = closest(name, names);
                return "unknown option '" + name + "'" + (near == null ? "" : "; did you mean '" + near + "'?");
            }
        }
        String first = unmatched.isEmpty() ? "" : unmatched.get(0);
        if (!spec.subcommands().isEmpty() && e.getCommandLine().getParseResult().subcommand() == null) {
            List<String> names = new ArrayList<>();
            spec.subcommands().forEach((n, c) -> {
                if (!c.getCommandSpec().usageMessage().hidden()) {
                    names.add(n);
                }
            });
            String near = closest(first, names);
            return "unknown command '" + first + "'" + (near == null ? "" : "; did you mean '" + near + "'?")
                    + " (commands: " + String.join(", ", names) + ")";
        }
        return "unexpected argument '" + first + "'" + (unmatched.size() > 1 ? " (and " + (unmatched.size() - 1)
                + " more)" : "");
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
