package org.gradaudit.cli;

import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The manual page gradaudit(1) in roff ({@code man 7 man}), written from the picocli model: every
 * subcommand's synopsis, description, parameters and options (with defaults), and the exit codes.
 */
final class ManPage {
    private ManPage() {
    }

    static String render(CommandLine root) {
        CommandSpec spec = root.getCommandSpec();
        StringBuilder b = new StringBuilder();
        b.append(".TH GRADAUDIT 1 \"\" \"gradaudit ").append(Main.VERSION).append("\" \"User Commands\"\n");
        b.append(".SH NAME\ngradaudit \\- ").append(roff(String.join(" ", spec.usageMessage().description())))
                .append('\n');
        b.append(".SH SYNOPSIS\n");
        for (CommandLine sub : root.getSubcommands().values()) {
            if (visible(sub)) {
                b.append(".B gradaudit ").append(sub.getCommandName()).append("\n.RI \"")
                        .append(roff(synopsisArgs(sub.getCommandSpec()))).append("\"\n.br\n");
            }
        }
        b.append(".SH OPTIONS\n");
        options(spec, b);
        b.append(".SH COMMANDS\n");
        for (CommandLine sub : root.getSubcommands().values()) {
            if (!visible(sub)) {
                continue;
            }
            CommandSpec s = sub.getCommandSpec();
            b.append(".SS \"gradaudit ").append(s.name()).append("\"\n");
            for (String line : s.usageMessage().description()) {
                b.append(line.isBlank() ? ".PP" : roffLine(line)).append('\n');
            }
            for (PositionalParamSpec p : s.positionalParameters()) {
                b.append(".TP\n.I ").append(roff(p.paramLabel())).append('\n')
                        .append(roff(String.join(" ", p.description()))).append('\n');
            }
            options(s, b);
        }
        b.append(".SH EXIT STATUS\n");
        for (Map.Entry<String, String> e : ExitCodes.help(null).entrySet()) {
            b.append(".TP\n.B ").append(e.getKey().strip()).append('\n').append(roff(e.getValue())).append('\n');
        }
        b.append(".SH SEE ALSO\nThe README and docs/ of the gradaudit distribution: derivation-format.md, check.md,"
                + " testing.md.\n");
        return b.toString();
    }

    private static boolean visible(CommandLine c) {
        return !c.getCommandSpec().usageMessage().hidden() && !c.getCommandName().equals("help");
    }

    private static String synopsisArgs(CommandSpec s) {
        StringBuilder b = new StringBuilder("[OPTIONS]");
        for (PositionalParamSpec p : s.positionalParameters()) {
            b.append(' ').append(p.arity().min() == 0 ? "[" + p.paramLabel() + "]" : p.paramLabel())
                    .append(p.arity().max() > 1 ? "..." : "");
        }
        return b.toString();
    }

    private static void options(CommandSpec s, StringBuilder b) {
        for (OptionSpec o : s.options()) {
            if (o.hidden()) {
                continue;
            }
            b.append(".TP\n.B ").append(roff(String.join(", ", o.names())));
            if (o.arity().max() > 0) {
                b.append(" \\fI").append(roff(o.paramLabel())).append("\\fR");
            }
            b.append('\n').append(roff(String.join(" ", o.description()))).append('\n');
        }
    }

    /** A line of text as a roff line: backslashes and hyphens escaped, no leading control character. */
    private static String roffLine(String line) {
        String r = roff(line);
        return r.startsWith(".") || r.startsWith("'") ? "\\&" + r : r;
    }

    private static String roff(String s) {
        return s.replace("\\", "\\e").replace("-", "\\-");
    }
}
