package org.gradaudit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code gradaudit man}: the manual page gradaudit(1), in roff, generated from the same annotations
 * as the help. Installed with {@code gradaudit man > ~/.local/share/man/man1/gradaudit.1}.
 */
@Command(name = "man", mixinStandardHelpOptions = true,
        header = "Prints the manual page gradaudit(1).",
        description = {"Prints the manual page in roff. Install it with",
            "  mkdir -p ~/.local/share/man/man1 && gradaudit man > ~/.local/share/man/man1/gradaudit.1",
            "and read it with 'man gradaudit'."})
final class ManCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(ManPage.render(Main.commandLine(new Main())));
        spec.commandLine().getOut().flush();
        return ExitCodes.CLEAN;
    }
}
