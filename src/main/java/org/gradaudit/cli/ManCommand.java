package org.gradaudit.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code gradaudit man}: the manual page gradaudit(1), in roff, generated from the same annotations
 * as the help. Installed with {@code gradaudit man > ~/.local/share/man/man1/gradaudit.1}.
 */
@Command(name = "man", mixinStandardHelpOptions = true,
        header = "Prints the manual page gradaudit(1).",
        description = {"Prints the manual page in roff. Install it with",
            "  mkdir -p ~/.local/share/man/man1 && gradaudit man > ~/.local/share/man/man1/gradaudit.1",
            "and read it with 'man gradaudit'."})
final class ManCommand extends GeneratedText {
    @Override
    String generate(CommandLine root) {
        return ManPage.render(root);
    }
}
