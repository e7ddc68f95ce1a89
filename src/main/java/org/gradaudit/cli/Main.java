package org.gradaudit.cli;

import java.io.PrintWriter;
import org.gradaudit.report.TerminalText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The {@code gradaudit} command: subcommands only. Exit codes: 0 all agree, 1 a mismatch,
 * 2 usage or input error, or a bound hit (time, memory, depth, size), 3 internal error (stack trace
 * only with {@code --debug}). No {@link Throwable} escapes: every command ends in one of these
 * codes with one message.
 */
@Command(name = "gradaudit", mixinStandardHelpOptions = true, version = "gradaudit " + Main.VERSION,
        description = "Checks derivatives symbolically, numerically and against hand-written backprop.",
        subcommands = {AuditCommand.class, CheckCommand.class, DeriveCommand.class, CompletionCommand.class,
            ManCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** The tool's version, as printed in reports. */
    public static final String VERSION = "0.1.0";

    /**
     * Stack of the thread a command runs on. Depths are bounded where they are built (formulas,
     * inlined functions, expansions), and the walks over the graph are iterative; the large stack is
     * the margin that keeps a bounded depth well clear of an overflow. It is reserved, not committed.
     */
    static final long STACK_BYTES = 512L << 20;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "On an internal error, print the stack trace; for a --model's error, the model's own.")
    boolean debug;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a subcommand is required");
    }

    public static void main(String[] args) {
        // Symja takes most of a second to start: let it start while the command line and the file are read
        // (not for vectorized files, whose proofs are its own canonical form first).
        if (CasPreload.wanted(args)) {
            org.gradaudit.symbolic.Cas.get();
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * The command line as picocli sees it: every subcommand with {@code --version} and the list of
     * exit codes in its help. Also what shell completion and the man page are generated from.
     */
    static CommandLine commandLine(Main main) {
        CommandLine cmd = new CommandLine(main);
        configure(cmd, null);
        for (CommandLine sub : cmd.getSubcommands().values()) {
            configure(sub, sub.getCommandName());
        }
        return cmd;
    }

    private static void configure(CommandLine cmd, String name) {
        CommandSpec spec = cmd.getCommandSpec();
        spec.version("gradaudit " + VERSION);
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.help(name));
    }

    /**
     * Runs the command line with the given streams and returns the exit code; never calls exit and
     * never throws. The command runs on a thread of its own with a {@link #STACK_BYTES} stack.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Main main = new Main();
        int[] code = {3};
        Thread command = new Thread(null, () -> {
            try {
                code[0] = execute(main, args, out, err);
            } catch (Throwable t) { // an Error picocli does not catch: OutOfMemoryError, StackOverflowError, ...
                code[0] = Failures.report(t, err, main.debug);
            }
        }, "gradaudit-command", STACK_BYTES);
        command.start();
        try {
            command.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            command.interrupt();
            err.println("gradaudit: interrupted");
            code[0] = 3;
        }
        out.flush();
        err.flush();
        return code[0];
    }

    private static int execute(Main main, String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cmd = commandLine(main);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExitCodeExceptionMapper(e -> Failures.exitCode(e));
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InputException && ex.getCause() != null) {
                // what a --model did: its own stack trace under --debug
                err.println("gradaudit: " + TerminalText.escape(ex.getMessage()));
                if (main.debug) {
                    err.println("what it threw:");
                    ex.getCause().printStackTrace(err);
                } else {
                    err.println("(run again with --debug for its stack trace)");
                }
                return ExitCodes.INPUT;
            }
            return Failures.report(ex, err, main.debug);
        });
        cmd.setParameterExceptionHandler((ex, args1) -> {
            String message = ex instanceof CommandLine.UnmatchedArgumentException u ? Suggestions.message(u)
                    : ex.getMessage();
            err.println("gradaudit: " + TerminalText.escape(message));
            err.println("(see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return ExitCodes.INPUT;
        });
        return cmd.execute(args);
    }
}
