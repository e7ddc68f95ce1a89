package org.gradaudit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.gradaudit.bounds.Deadline;
import org.gradaudit.model.Graph;
import org.gradaudit.model.Model;
import org.gradaudit.report.DeriveReport;
import org.gradaudit.symbolic.Cas;
import org.gradaudit.symbolic.CasException;
import org.gradaudit.symbolic.ChainRule;
import org.gradaudit.symbolic.DeriveSteps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gradaudit derive FILE}: every derivative of the graph with its chain-rule steps, for teaching. */
@Command(name = "derive", mixinStandardHelpOptions = true,
        header = "Prints every derivative of the graph with its chain-rule steps.",
        description = {"Prints the local derivative of every node, then every derivative of the loss (or of --of)"
                + " by the chain rule: the one-step form, the full chain, and the result."})
final class DeriveCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The derivation file.")
    String file;

    @Option(names = "--of", paramLabel = "NODE", description = "Differentiate this node (default: the loss, or the last node).")
    String of;

    @Option(names = "--wrt", paramLabel = "NAME", description = "Only the derivative with respect to this name.")
    String wrt;

    @Option(names = "--time-limit", defaultValue = "60", paramLabel = "SECONDS", converter = Seconds.class,
            description = "Time for the derivatives, fractions allowed; those not reached are left out"
                    + " (default: ${DEFAULT-VALUE}).")
    java.time.Duration timeLimit;

    @Option(names = "--format", defaultValue = "text", converter = Choices.FormatChoice.class,
            description = "text, or html (one self-contained page, formulas typeset) (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output-file"}, paramLabel = "FILE", description = "Write the steps to FILE instead of stdout.")
    java.nio.file.Path outputFile;

    @Override
    public Integer call() {
        if (format != Format.text && format != Format.html) {
            throw new InputException("--format " + format + " is not available for derive; use text or html");
        }
        ReportFile.checkWritable(outputFile);
        Deadline deadline = Deadline.after(timeLimit);
        String text = Derivations.text(file);
        if (org.gradaudit.matrix.Vectorized.declaresDims(text)) { // a vectorized file: see org.gradaudit.matrix
            return deriveVectorized(text);
        }
        Model model = Derivations.load(file, text);
        Graph graph = model.graph();
        String top = of != null ? canonical(model, of)
                : graph.loss() != null ? graph.loss() : lastNode(graph);
        if (!graph.isNode(top)) {
            throw new InputException("--of " + of + ": not a node of the graph (nodes: " + String.join(", ", graph.nodes().keySet()) + ")");
        }
        List<String> names = new ArrayList<>();
        if (wrt != null) {
            String w = canonical(model, wrt);
            if (!graph.isQuantity(w)) {
                throw new InputException("--wrt " + wrt + ": not a quantity of the graph (" + String.join(", ", graph.names()) + ")");
            }
            names.add(w);
        } else {
            List<String> all = graph.names();
            for (int i = all.size() - 1; i >= 0; i--) {
                if (!all.get(i).equals(top) && graph.dependsOn(top, all.get(i))) {
                    names.add(all.get(i));
                }
            }
        }
        ChainRule rule = new ChainRule(graph, Cas.get(), deadline);
        PrintWriter out = spec.commandLine().getOut();
        String report;
        try {
            DeriveSteps steps = DeriveSteps.of(rule, top, names, wrt == null, deadline);
            report = format == Format.html
                    ? org.gradaudit.report.html.DerivePage.render(model, steps, Main.VERSION)
                    : DeriveReport.render(model, steps);
        } catch (CasException e) {
            throw new InputException(file + ": a derivative could not be computed: " + e.getMessage());
        }
        ReportFile.write(out, outputFile, report);
        return 0;
    }

    private int deriveVectorized(String text) {
        if (of != null) {
            throw new InputException("--of: a vectorized derivation is differentiated from its loss only");
        }
        if (format != Format.text || outputFile != null) {
            throw new InputException("derive prints a vectorized derivation as text to stdout only;"
                    + " --format html and -o are not available for it yet");
        }
        org.gradaudit.matrix.model.MatrixModel model = Derivations.loadVectorized(file, text);
        if (wrt != null && !model.quantities().containsKey(wrt)) {
            throw new InputException("--wrt " + wrt + ": not a quantity of the file (" + String.join(", ",
                    model.quantities().keySet()) + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(org.gradaudit.report.MatrixDeriveReport.render(file, model.loss(),
                org.gradaudit.matrix.grad.Steps.of(model, wrt)));
        out.flush();
        return 0;
    }

    private static String canonical(Model model, String name) {
        return model.aliases().getOrDefault(name, name);
    }

    private static String lastNode(Graph graph) {
        if (graph.nodes().isEmpty()) {
            throw new InputException("the derivation defines no nodes, so there is nothing to differentiate");
        }
        List<String> nodes = new ArrayList<>(graph.nodes().keySet());
        return nodes.get(nodes.size() - 1);
    }
}
