package org.gradaudit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that prints one text generated from gradaudit's own command line (the completion
 * script, the manual page) to the command's writer, and exits clean.
 */
abstract class GeneratedText implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** The text, generated from the root command line with every subcommand. */
    abstract String generate(CommandLine root);

    @Override
    public final Integer call() {
        spec.commandLine().getOut().print(generate(Main.commandLine(new Main())));
        spec.commandLine().getOut().flush();
        return ExitCodes.CLEAN;
    }
}
