package org.gradaudit.cli;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gradaudit.check.grad.CheckOptions;
import org.gradaudit.check.grad.CheckResult;
import org.gradaudit.check.grad.CheckTarget;
import org.gradaudit.check.grad.CheckTargets;
import org.gradaudit.check.grad.GradientChecker;
import org.gradaudit.check.grad.ModelException;
import org.gradaudit.check.grad.Mode;
import org.gradaudit.numeric.Method;
import org.gradaudit.numeric.mlp.Activation;
import org.gradaudit.numeric.mlp.Backprop;
import org.gradaudit.numeric.mlp.Loss;
import org.gradaudit.numeric.mlp.MlpSpec;
import org.gradaudit.numeric.mlp.Output;
import org.gradaudit.report.CheckReport;
import org.gradaudit.testing.GradientModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gradaudit check}: a gradient check of a built-in MLP or a user's model. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
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
            ""},
        footer = {"", "Exit codes: 0 every element agrees, 1 a mismatch, 2 bad input, 3 internal error."})
public final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Parameters(arity = "0..1", paramLabel = "FILE",
            description = "A derivation file: run its backprop code lines, as published, against its loss"
                    + " (instead of a built-in network).")
    String file;

    @Option(names = "--layers", split = ",", paramLabel = "N", defaultValue = "2,3,1",
            description = "Layer sizes from input to output (default: ${DEFAULT-VALUE}).")
    List<Integer> layers;

    @Option(names = "--activation", defaultValue = "sigmoid", converter = ActivationConverter.class,
            description = "Hidden activation: sigmoid, tanh, relu, identity (default: ${DEFAULT-VALUE}).")
    Activation activation;

    @Option(names = "--output", defaultValue = "sigmoid", converter = OutputConverter.class,
            description = "Output activation: sigmoid, softmax, identity (default: ${DEFAULT-VALUE}).")
    Output output;

    @Option(names = "--loss", defaultValue = "bce", converter = LossConverter.class,
            description = "Loss: bce, cross-entropy, mse; averaged over the batch (default: ${DEFAULT-VALUE}).")
    Loss loss;

    @Option(names = "--batch", defaultValue = "1", description = "Examples in the batch (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of parameters, inputs, targets and directions (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--method", converter = MethodConverter.class,
            description = "central, ridders or complex-step (default: ridders in full mode; in fast mode"
                    + " complex-step where the loss has a complex forward pass, else ridders).")
    Method method;

    @Option(names = "--mode", defaultValue = "full", converter = ModeConverter.class,
            description = "full: every element; fast: random directions, then narrow down (default: ${DEFAULT-VALUE}).")
    Mode mode;

    @Option(names = "--directions", defaultValue = "1",
            description = "Random directions over all parameters in fast mode (default: ${DEFAULT-VALUE}).")
    int directions;

    @Option(names = "--backprop", defaultValue = "correct", converter = BackpropConverter.class,
            description = "correct, or published-dz1: the tutorial's dZ1 = dW2 * dZ2 * primesigmoid(Z1)"
                    + " (default: ${DEFAULT-VALUE}).")
    Backprop backprop;

    @Option(names = "--max-failures", defaultValue = "10",
            description = "List at most this many failing elements, count the rest (default: ${DEFAULT-VALUE}).")
    int maxFailures;

    @Option(names = "--threads", description = "Threads (default: every core).")
    Integer threads;

    @Option(names = "--format", defaultValue = "text", description = "text, json, junit (JUnit XML for CI servers), or"
            + " html (one self-contained page, with plots) (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output-file"}, paramLabel = "FILE", description = "Write the report to FILE instead of stdout.")
    Path outputFile;

    @Option(names = "--classpath", paramLabel = "JAR",
            description = "A jar (or class directory) holding the --model class.")
    Path classpath;

    @Option(names = "--model", paramLabel = "CLASS",
            description = "A class implementing org.gradaudit.testing.GradientModel, with a public no-argument"
                    + " constructor; replaces the built-in network.")
    String model;

    enum Format { text, json, junit, html }

    @Override
    public Integer call() {
        CheckOptions options;
        CheckTarget target;
        ReportFile.checkWritable(outputFile);
        try {
            target = file != null ? derivation() : model != null ? CheckTargets.model(loadModel(), seed) : builtIn();
            options = new CheckOptions(method != null ? method : GradientChecker.defaultMethod(mode, target.loss()),
                    mode, directions, maxFailures, seed,
                    threads == null ? Runtime.getRuntime().availableProcessors() : threads);
        } catch (IllegalArgumentException | ModelException e) {
            throw new InputException(e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        CheckResult result;
        try (ProgressBar bar = new ProgressBar(err, System.console() != null && System.getenv("TERM") != null
                && !"dumb".equals(System.getenv("TERM")))) {
            result = GradientChecker.check(target, options, bar);
        } catch (IllegalArgumentException | ModelException e) {
            throw new InputException(e.getMessage());
        }
        PrintWriter out = spec.commandLine().getOut();
        String report = switch (format) {
            case json -> CheckReport.json(result, Main.VERSION);
            case junit -> org.gradaudit.report.JunitXml.check(result);
            case html -> org.gradaudit.report.html.CheckPage.render(
                    org.gradaudit.check.grad.StepCurves.attach(target, result), Main.VERSION);
            case text -> CheckReport.text(result);
        };
        ReportFile.write(out, outputFile, report);
        return result.passed() ? 0 : 1;
    }

    private CheckTarget derivation() {
        if (model != null || classpath != null || backprop != Backprop.CORRECT) {
            throw new IllegalArgumentException("a derivation FILE cannot be combined with --model, --classpath or --backprop");
        }
        if (method == Method.COMPLEX_STEP) {
            throw new IllegalArgumentException("--method complex-step needs a complex forward pass, which a derivation"
                    + " file's network does not have here; use central or ridders");
        }
        return org.gradaudit.check.CodeRun.target(Derivations.load(file), seed);
    }

    private CheckTarget builtIn() {
        if (classpath != null) {
            throw new IllegalArgumentException("--classpath needs --model CLASS");
        }
        return CheckTargets.mlp(new MlpSpec(layers, activation, output, loss, batch), seed, backprop);
    }

    private GradientModel loadModel() {
        if (backprop != Backprop.CORRECT) {
            throw new IllegalArgumentException("--backprop applies to the built-in network, not to --model");
        }
        ClassLoader loader = getClass().getClassLoader();
        String where = "the classpath";
        if (classpath != null) {
            if (!Files.exists(classpath)) {
                throw new IllegalArgumentException("--classpath " + classpath + ": no such file or directory");
            }
            try {
                // The user's own code, loaded by their explicit choice of --classpath and --model.
                loader = new URLClassLoader(new URL[] {classpath.toUri().toURL()}, loader);
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("--classpath " + classpath + ": " + e.getMessage());
            }
            where = classpath.toString();
        }
        Class<?> c;
        try {
            c = Class.forName(model, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("--model " + model + ": class not found in " + where
                    + (e instanceof ClassNotFoundException ? "" : " (" + e + ")"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--model " + model + ": its static initializer threw " + e);
        }
        if (!GradientModel.class.isAssignableFrom(c)) {
            throw new IllegalArgumentException("--model " + model + " does not implement "
                    + GradientModel.class.getName());
        }
        try {
            return (GradientModel) c.getDeclaredConstructor().newInstance();
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalArgumentException("--model " + model + " needs a public no-argument constructor");
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("--model " + model + ": its constructor threw " + e.getCause());
        } catch (InstantiationException e) {
            throw new IllegalArgumentException("--model " + model + " is abstract or an interface");
        }
    }

    static final class ActivationConverter implements CommandLine.ITypeConverter<Activation> {
        @Override
        public Activation convert(String s) {
            return parse(() -> Activation.parse(s));
        }
    }

    static final class OutputConverter implements CommandLine.ITypeConverter<Output> {
        @Override
        public Output convert(String s) {
            return parse(() -> Output.parse(s));
        }
    }

    static final class LossConverter implements CommandLine.ITypeConverter<Loss> {
        @Override
        public Loss convert(String s) {
            return parse(() -> Loss.parse(s));
        }
    }

    static final class BackpropConverter implements CommandLine.ITypeConverter<Backprop> {
        @Override
        public Backprop convert(String s) {
            return parse(() -> Backprop.parse(s));
        }
    }

    static final class MethodConverter implements CommandLine.ITypeConverter<Method> {
        @Override
        public Method convert(String s) {
            for (Method m : Method.values()) {
                if (m.toString().equals(s)) {
                    return m;
                }
            }
            throw new CommandLine.TypeConversionException("unknown method [" + s
                    + "]; expected central, ridders or complex-step");
        }
    }

    static final class ModeConverter implements CommandLine.ITypeConverter<Mode> {
        @Override
        public Mode convert(String s) {
            for (Mode m : Mode.values()) {
                if (m.toString().equals(s)) {
                    return m;
                }
            }
            throw new CommandLine.TypeConversionException("unknown mode [" + s + "]; expected full or fast");
        }
    }

    private static <T> T parse(java.util.function.Supplier<T> p) {
        try {
            return p.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
