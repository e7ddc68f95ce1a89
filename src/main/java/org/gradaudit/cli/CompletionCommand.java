package org.gradaudit.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code gradaudit completion}: the bash completion script picocli generates from the same
 * annotations as the help (zsh loads it through {@code bashcompinit}). Installed with
 * {@code gradaudit completion > ~/.local/share/bash-completion/completions/gradaudit}.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        header = "Prints the bash/zsh completion script.",
        description = {"Prints the shell completion script for bash and zsh. Install it with",
            "  gradaudit completion > ~/.local/share/bash-completion/completions/gradaudit",
            "(zsh: 'autoload -U +X bashcompinit && bashcompinit' in ~/.zshrc, then source the script)."})
final class CompletionCommand extends GeneratedText {
    @Override
    String generate(CommandLine root) {
        return AutoComplete.bash("gradaudit", root);
    }
}
