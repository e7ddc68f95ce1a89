package org.gradaudit.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gradaudit.bounds.Deadline;
import org.gradaudit.bounds.TimeLimitException;
import org.gradaudit.check.grad.CheckOptions;
import org.gradaudit.check.grad.CheckResult;
import org.gradaudit.check.grad.GradientChecker;
import org.gradaudit.check.grad.Warmup;
import org.gradaudit.check.grad.Mode;
import org.gradaudit.gradient.CheckTarget;
import org.gradaudit.numeric.Method;
import org.gradaudit.numeric.loss.TimedLoss;
import org.gradaudit.numeric.mlp.Activation;
import org.gradaudit.numeric.mlp.Backprop;
import org.gradaudit.numeric.mlp.Loss;
import org.gradaudit.numeric.mlp.MlpSpec;
import org.gradaudit.numeric.mlp.MlpTargets;
import org.gradaudit.numeric.mlp.Output;
import org.gradaudit.report.CheckReport;
import org.gradaudit.testing.GradientModel;
import org.gradaudit.testing.ModelException;
import org.gradaudit.testing.ModelTargets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gradaudit check}: a gradient check of a built-in MLP or a user's model. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        header = "Checks a hand-written gradient against numeric derivatives of the loss.",
        description = {
            "Checks a hand-written gradient against numeric derivatives of the loss,",
            "element by element (--mode full) or along random directions (--mode fast),",
            "and names the elements that differ.",
            "",
            "Methods, their steps and accuracy:",
            "  central       (f(x+h) - f(x-h)) / 2h, h = cbrt(eps) max(1,|x|), about",
            "                6e-6 max(1,|x|); error about 1e-10 relative, estimated from",
            "                the third difference. 4 loss evaluations per element.",
            "  ridders       Ridders' extrapolation of central differences, steps shrinking",
            "                by 1.4 over up to 10 columns, run from first steps 0.1 and 0.01",
            "                times max(1,|x|); if they agree the smaller error is kept,",
            "                else the short start;",
            "                error about 1e-15 to 1e-13 absolute (eps |L| / h), its own",
            "                estimate. About 40 loss evaluations per element.",
            "  complex-step  Im f(x + ih) / h, h = 1e-20: no cancellation, exact to",
            "                rounding (about 1e-16 relative). Needs a complex forward",
            "                pass: the built-in MLP has one, --model classes do not. At",
            "                a kink it follows the branch the code takes. 1 evaluation.",
            "",
            "Each element's tolerance is its own noise floor (the method's error",
            "estimate, rounding of the loss over the step, rounding of the gradient),",
            "not a fixed rtol; the report states the rule. Where the left and right",
            "one-sided differences disagree (relu at 0) it reports a kink, not a failure.",
            "",
            "Three kinds of network: the built-in MLP (--layers, --activation, --output, --loss, --batch,",
            "--backprop), a derivation FILE's code lines, or a --model class; options of one kind are",
            "refused with another. A vectorized FILE (one with 'dim' lines) runs at the sizes --dims gives:",
            "  gradaudit check derivations/dlai-c1w3-planar.deriv --dims n_x=784,n_h=64,m=32",
            ""})
public final class CheckCommand implements Callable<Integer> {
    /** The options that describe the built-in network, refused with a FILE or a --model. */
    private static final List<String> BUILT_IN_ONLY =
            List.of("--layers", "--activation", "--output", "--loss", "--batch", "--backprop");

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "FILE",
            description = "A derivation file: run its backprop code lines, as published, against its loss"
                    + " (instead of a built-in network).")
    String file;

    @Option(names = "--layers", split = ",", paramLabel = "N", defaultValue = "2,3,1",
            description = "Layer sizes from input to output (default: ${DEFAULT-VALUE}).")
    List<Integer> layers;

    @Option(names = "--activation", defaultValue = "sigmoid", converter = Choices.ActivationChoice.class,
            completionCandidates = Choices.ActivationChoice.class,
            description = "Hidden activation: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Activation activation;

    @Option(names = "--output", defaultValue = "sigmoid", converter = Choices.OutputChoice.class,
            completionCandidates = Choices.OutputChoice.class,
            description = "Output activation: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Output output;

    @Option(names = "--loss", defaultValue = "bce", converter = Choices.LossChoice.class,
            completionCandidates = Choices.LossChoice.class,
            description = "Loss: ${COMPLETION-CANDIDATES}; averaged over the batch (default: ${DEFAULT-VALUE}).")
    Loss loss;

    @Option(names = "--batch", defaultValue = "1", description = "Examples in the batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--dims", paramLabel = "NAME=SIZE,...",
            description = "With a vectorized derivation FILE (one with 'dim' lines): the size of every dimension it"
                    + " declares, e.g. n_x=784,n_h=64,m=32; its code lines run at these sizes.")
    String dims;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of parameters, inputs, targets and directions (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--method", converter = Choices.MethodChoice.class, completionCandidates = Choices.MethodChoice.class,
            description = "${COMPLETION-CANDIDATES} (default: ridders in full mode; in fast mode"
                    + " complex-step where the loss has a complex forward pass, else ridders).")
    Method method;

    @Option(names = "--mode", defaultValue = "full", converter = Choices.ModeChoice.class,
            completionCandidates = Choices.ModeChoice.class,
            description = "full: every element; fast: random directions, then narrow down (default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = "--directions", defaultValue = "1",
            description = "Random directions over all parameters, with --mode fast (default: ${DEFAULT-VALUE}).")
    int directions;

    @Option(names = "--backprop", defaultValue = "correct", converter = Choices.BackpropChoice.class,
            completionCandidates = Choices.BackpropChoice.class,
            description = "correct, or published-dz1: the tutorial's dZ1 = dW2 * dZ2 * primesigmoid(Z1)"
                    + " (default: ${DEFAULT-VALUE}).")
    Backprop backprop;

    @Option(names = "--max-failures", defaultValue = "10",
            description = "List at most this many failing elements, count the rest (default: ${DEFAULT-VALUE}).")
    int maxFailures;

    @Option(names = "--threads", description = "Threads (default: every core).")
    Integer threads;

    @Option(names = "--format", defaultValue = "text", converter = Choices.FormatChoice.class,
            completionCandidates = Choices.FormatChoice.class,
            description = "text, json, junit (JUnit XML for CI servers), or html (one self-contained page, with plots)"
                    + " (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output-file"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    java.nio.file.Path outputFile;

    @Option(names = "--classpath", paramLabel = "PATHS",
            description = "Jars and class directories holding the --model class and what it needs, separated by"
                    + " '${sys:path.separator}' as for java -cp.")
    String classpath;

    @Option(names = "--model", paramLabel = "CLASS",
            description = "A class implementing org.gradaudit.testing.GradientModel, with a public no-argument"
                    + " constructor; replaces the built-in network. Its code runs with your full rights.")
    String model;

    @Option(names = "--time-limit", defaultValue = "300", paramLabel = "SECONDS", converter = Seconds.class,
            description = "Time for the whole check (a --model's own code included), fractions allowed; past it"
                    + " the check stops with exit code 2 (default: ${DEFAULT-VALUE}).")
    Duration timeLimit;

    /** What the watchdog hands back: the target (the HTML page plots it) and the result. */
    private record Checked(CheckTarget target, CheckResult result) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Checked checked;
        try {
            refuseInapplicable();
            ReportFile.checkWritable(outputFile);
            PrintWriter err = spec.commandLine().getErr();
            checked = ModelGuard.run(model != null ? "the check of --model " + model : "the gradient check", timeLimit,
                    () -> {
                        Deadline deadline = Deadline.after(timeLimit);
                        try (ProgressBar bar = new ProgressBar(err, Terminal.progress())) {
                            Warmup warmup = warmup(deadline);
                            CheckTarget built = target();
                            CheckTarget target = built.withLoss(new TimedLoss(built.loss(), deadline));
                            CheckOptions options = options(target);
                            if (warmup != null) {
                                warmup.finish();
                            }
                            return new Checked(target, GradientChecker.check(target, options, bar));
                        } catch (IllegalArgumentException | ModelException e) {
                            throw new InputException(e.getMessage(), e.getCause());
                        } catch (TimeLimitException e) {
                            throw new InputException(e.getMessage() + "; raise --time-limit, or try --mode fast");
                        }
                    });
        } catch (InputException e) {
            Refusals.write(format, out, "check", file, e.getMessage());
            throw e;
        }
        CheckResult result = checked.result();
        String report = switch (format) {
            case json -> CheckReport.json(result, Main.VERSION);
            case junit -> org.gradaudit.report.JunitXml.check(result);
            case html -> org.gradaudit.report.html.CheckPage.render(
                    org.gradaudit.check.grad.StepCurves.attach(checked.target(), result), Main.VERSION);
            case text -> CheckReport.text(result);
        };
        ReportFile.write(out, outputFile, report);
        return result.passed() ? ExitCodes.CLEAN : ExitCodes.MISMATCH;
    }

    private CheckOptions options(CheckTarget target) {
        return new CheckOptions(method != null ? method : GradientChecker.defaultMethod(mode, target.loss()), mode,
                directions, maxFailures, seed, threads == null ? Runtime.getRuntime().availableProcessors() : threads);
    }

    /**
     * For the built-in network, a warm-up of the checker on a miniature of it while the network is
     * built (see {@link Warmup}); null for a derivation FILE or a --model, whose losses are other code.
     * The miniature's loss is timed as the real one is, so that the real check runs the code the warm-up
     * ran (a class the warm-up never met would undo what the JIT compiled on the assumption that
     * there was none).
     */
    private Warmup warmup(Deadline deadline) {
        if (file != null || model != null) {
            return null;
        }
        MlpSpec miniature = new MlpSpec(layers, activation, output, loss, batch).miniature();
        return Warmup.start(() -> {
            CheckTarget small = MlpTargets.mlp(miniature, seed, backprop);
            return small.withLoss(new TimedLoss(small.loss(), deadline));
        }, options(MlpTargets.mlp(miniature, seed, Backprop.CORRECT)));
    }

    /** Options of one kind of network given with another are refused, not ignored. */
    private void refuseInapplicable() {
        String kind = file != null ? "a derivation FILE" : model != null ? "--model" : null;
        if (file != null && model != null) {
            throw new InputException("a derivation FILE and --model cannot be combined: check one or the other");
        }
        if (kind != null) {
            List<String> given = new ArrayList<>();
            for (String o : BUILT_IN_ONLY) {
                if (given(o)) {
                    given.add(o);
                }
            }
            if (!given.isEmpty()) {
                throw new InputException(String.join(", ", given) + (given.size() == 1 ? " describes" : " describe")
                        + " the built-in network and cannot be combined with " + kind);
            }
        }
        if (classpath != null && model == null) {
            throw new InputException("--classpath needs --model CLASS");
        }
        if (given("--directions") && mode != Mode.FAST) {
            throw new InputException("--directions applies to --mode fast only");
        }
        if (dims != null && file == null) {
            throw new InputException("--dims needs a vectorized derivation FILE (one that declares 'dim')");
        }
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private CheckTarget target() {
        if (file != null) {
            String text = Derivations.text(file);
            if (org.gradaudit.matrix.Vectorized.declaresDims(text)) { // a vectorized file: see org.gradaudit.matrix
                org.gradaudit.matrix.model.MatrixModel m = Derivations.loadVectorized(file, text);
                int evaluators = (threads == null ? Runtime.getRuntime().availableProcessors() : threads) + 2;
                return org.gradaudit.matrix.Vectorized.checkTarget(m, DimsOption.sizes(dims, m, file), seed, evaluators);
            }
            if (dims != null) {
                throw new InputException(file + ": --dims gives sizes to a vectorized derivation's dimensions, and this"
                        + " file declares none ('dim')");
            }
            if (method == Method.COMPLEX_STEP) {
                throw new InputException("--method complex-step needs a complex forward pass, which a scalar derivation"
                        + " file's network does not have here; use central or ridders");
            }
            return org.gradaudit.producer.DerivationTarget.of(Derivations.load(file, text), seed);
        }
        if (model != null) {
            ClassLoader loader = ModelLoader.classLoader(classpath);
            GradientModel m = ModelLoader.load(model, loader, classpath == null ? "the classpath" : classpath);
            return ModelTargets.model(m, seed);
        }
        return MlpTargets.mlp(new MlpSpec(layers, activation, output, loss, batch), seed, backprop);
    }
}
