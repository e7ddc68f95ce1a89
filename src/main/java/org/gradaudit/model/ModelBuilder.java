package org.gradaudit.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gradaudit.derivation.Derivation;
import org.gradaudit.derivation.DerivationException;
import org.gradaudit.derivation.Position;
import org.gradaudit.derivation.Problem;
import org.gradaudit.derivation.Statement;
import org.gradaudit.expr.Builtins;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Exprs;
import org.gradaudit.expr.WrittenOut;

/**
 * Builds the graph of a derivation and resolves every statement to judge. Reports every problem
 * (undefined names, unknown functions, cycles, claims about names outside the graph) with its
 * position.
 */
public final class ModelBuilder {
    /** Range random values of inputs and parameters are drawn from, unless declared. */
    public static final double DEFAULT_LOW = -2;
    public static final double DEFAULT_HIGH = 2;
    /** Range of a function claim's parameters, such as z in {@code sigmoid(z) = ...}. */
    public static final double FREE_LOW = -4;
    public static final double FREE_HIGH = 4;

    private final Derivation derivation;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Graph.Variable> variables = new LinkedHashMap<>();
    private final Map<String, Statement> definedAt = new HashMap<>();
    private final Map<String, Statement.Definition> definitions = new LinkedHashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();
    private final List<Statement.Named> named = new ArrayList<>();
    private final Map<String, Functions.Definition> functions = new HashMap<>();
    private Statement.Loss loss;

    private ModelBuilder(Derivation derivation) {
        this.derivation = derivation;
    }

    /**
     * @throws DerivationException listing every problem, each with its position
     */
    public static Model build(Derivation derivation) throws DerivationException {
        return new ModelBuilder(derivation).build();
    }

    private Model build() throws DerivationException {
        declare();
        Set<String> quantities = new HashSet<>(variables.keySet());
        quantities.addAll(definitions.keySet());
        if (loss != null) {
            quantities.add(loss.name());
        }
        derivation.statements().stream().filter(s -> s instanceof Statement.Upstream)
                .forEach(s -> quantities.add(((Statement.Upstream) s).loss()));
        checkAliases(quantities);
        String lossName = loss != null ? loss.name() : derivation.statements().stream()
                .filter(s -> s instanceof Statement.Upstream).map(s -> ((Statement.Upstream) s).loss()).findFirst()
                .orElse(null);
        Resolver resolver = new Resolver(quantities, aliases, functions, lossName, problems);
        FunctionDefinitions.define(derivation, resolver, functions, problems);
        // A named formula may use earlier ones, so its size is measured before it is substituted:
        // twenty names each using the one before twice would otherwise stand for a million nodes.
        Map<String, Long> namedSizes = new HashMap<>();
        for (Statement.Named n : named) {
            long size = expandedSize(n.formula().expr(), namedSizes);
            namedSizes.put(n.name(), size);
            if (size > Functions.MAX_NODES) {
                problems.add(new Problem(n.position(), "'" + n.name() + "' stands for a formula of more than "
                        + Functions.MAX_NODES + " nodes once the names it uses are written out; name a node instead"
                        + " ('" + n.name() + " = ...')"));
                continue;
            }
            Expr e = resolver.resolve(n.formula(), n.position(), Set.of());
            if (e != null) {
                resolver.name(n.name(), e);
            }
        }
        Functions inliner = new Functions(functions);
        Map<String, Expr> nodes = new LinkedHashMap<>();
        for (Statement.Definition d : definitions.values()) {
            Expr e = resolver.resolve(d.rhs(), d.position(), Set.of());
            if (e != null) {
                // an activation written out (1/(1 + e^-z)) is read as the function it is
                nodes.put(d.name(), WrittenOut.recognize(inliner.inline(noDerivatives(e, d.position(), d.rhs().column()))));
            }
        }
        Expr lossExpr = null;
        String upstreamLoss = UpstreamLoss.define(derivation, loss, nodes, definitions.keySet(), variables.keySet(),
                problems);
        if (loss != null) {
            lossExpr = resolver.resolve(loss.rhs(), loss.position(), Set.of());
            LossArguments.check(loss, resolver, nodes, definitions.keySet(), variables, problems);
            if (lossExpr != null) {
                nodes.put(loss.name(), inliner.inline(noDerivatives(lossExpr, loss.position(), loss.rhs().column())));
            }
        }
        fail();
        Map<String, Expr> ordered = DefinitionOrder.of(nodes, definedAt, problems);
        fail();
        Graph graph = new Graph(variables, ordered, loss == null ? upstreamLoss : loss.name(),
                loss == null ? List.of() : loss.predictions().stream().map(resolver::canonical).toList(),
                loss == null ? List.of() : loss.targets().stream().map(resolver::canonical).toList());
        refuseUnusedGradientNames(graph, resolver);
        fail();
        List<Item> items = new ItemResolver(graph, resolver, problems, definitions).items(derivation, lossExpr);
        fail();
        return new Model(derivation, graph, items, aliases, inliner, resolver.named());
    }

    /**
     * A definition named d + an existing quantity that nothing in the graph uses ({@code dw = dz*x})
     * is a backprop line written without {@code code}: taken as a new node it would be silently
     * accepted and never judged, so it is refused with the line that was probably meant.
     */
    private void refuseUnusedGradientNames(Graph graph, Resolver resolver) {
        for (Statement.Definition d : definitions.values()) {
            String name = d.name();
            if (name.length() < 2 || name.charAt(0) != 'd' || resolver.canonical(name.substring(1)) == null
                    || name.equals(graph.loss())) {
                continue;
            }
            boolean used = graph.nodes().keySet().stream().anyMatch(n -> graph.parents(n).contains(name));
            if (!used) {
                problems.add(new Problem(d.position(), "'" + name + "' names the gradient of '" + name.substring(1)
                        + "', but this line defines a new quantity that nothing uses; did you mean 'code "
                        + d.text().strip() + "'?"));
            }
        }
    }

    private void declare() {
        for (Statement s : derivation.statements()) {
            if (s instanceof Statement.Declare d) {
                for (int i = 0; i < d.names().size(); i++) {
                    String n = d.names().get(i);
                    if (claimName(n, s, d.columns().get(i))) {
                        double low = Double.isNaN(d.low()) ? DEFAULT_LOW : d.low();
                        double high = Double.isNaN(d.high()) ? DEFAULT_HIGH : d.high();
                        variables.put(n, new Graph.Variable(n, d.kind() == Statement.Declare.Kind.PARAM, low, high));
                    }
                }
            } else if (s instanceof Statement.Alias a) {
                if (claimName(a.alias(), s, s.position().column() + "alias ".length())) {
                    aliases.put(a.alias(), a.target());
                    definedAt.put(a.alias(), a);
                }
            } else if (s instanceof Statement.Definition d && !definitions.containsKey(d.name())
                    && !variables.containsKey(d.name()) && !aliases.containsKey(d.name())) {
                if (claimName(d.name(), s, s.position().column())) {
                    definitions.put(d.name(), d);
                }
            } else if (s instanceof Statement.Named n) {
                if (claimName(n.name(), s, s.position().column() + "alias ".length())) {
                    named.add(n);
                }
            } else if (s instanceof Statement.Upstream u) {
                if (claimName(u.name(), s, s.position().column() + "upstream ".length())) {
                    double low = Double.isNaN(u.low()) ? DEFAULT_LOW : u.low();
                    double high = Double.isNaN(u.high()) ? DEFAULT_HIGH : u.high();
                    variables.put(u.name(), new Graph.Variable(u.name(), false, low, high));
                }
            } else if (s instanceof Statement.Loss l) {
                if (loss != null) {
                    problems.add(new Problem(l.position(), "a second loss; the loss is already defined at line "
                            + loss.position().line()));
                } else if (claimName(l.name(), s, s.position().column() + "loss ".length())) {
                    loss = l;
                }
            }
        }
    }

    /** Registers a new name; reports it when it is taken. */
    private boolean claimName(String name, Statement at, int column) {
        Statement earlier = definedAt.get(name);
        if (earlier != null || Builtins.FUNCTIONS.contains(name) || Builtins.CONSTANTS.containsKey(name)) {
            problems.add(new Problem(new Position(at.position().file(), at.position().line(), column),
                    "'" + name + "' is already " + (earlier != null ? "declared at line " + earlier.position().line()
                            : Builtins.FUNCTIONS.contains(name) ? "a built-in function"
                            : "a built-in constant and cannot be redefined")));
            return false;
        }
        definedAt.put(name, at);
        return true;
    }

    private void checkAliases(Set<String> quantities) {
        for (Statement s : derivation.statements()) {
            if (s instanceof Statement.Alias a && aliases.get(a.alias()) != null && !quantities.contains(a.target())) {
                problems.add(new Problem(new Position(a.position().file(), a.position().line(), a.targetColumn()),
                        "alias '" + a.alias() + "' names '" + a.target() + "', which is not an input, parameter or node"));
                aliases.remove(a.alias());
            }
        }
    }

    /** The size of {@code e} with every named formula it uses written out (saturating, never overflowing). */
    private static long expandedSize(Expr e, Map<String, Long> namedSizes) {
        if (e instanceof Expr.Var v && namedSizes.containsKey(v.name())) {
            return namedSizes.get(v.name());
        }
        long size = 1;
        if (e instanceof Expr.Neg n) {
            size += expandedSize(n.arg(), namedSizes);
        } else if (e instanceof Expr.Bin b) {
            size += expandedSize(b.left(), namedSizes) + expandedSize(b.right(), namedSizes);
        } else if (e instanceof Expr.Call c) {
            for (Expr a : c.args()) {
                size += expandedSize(a, namedSizes);
            }
        }
        return Math.min(size, Long.MAX_VALUE / 4);
    }

    private Expr noDerivatives(Expr e, Position at, int column) {
        Expr partial = Exprs.subtrees(e).stream().filter(x -> x instanceof Expr.Call c && Exprs.isPartial(c))
                .findFirst().orElse(null);
        if (partial != null) {
            problems.add(new Problem(new Position(at.file(), at.line(), column),
                    "a definition cannot use derivatives (" + partial + "); write it as a claim, 'q = ... = " + partial
                            + "' with q defined on a line of its own"));
        } else if (!Exprs.derivatives(e).isEmpty()) {
            problems.add(new Problem(new Position(at.file(), at.line(), column),
                    "a definition cannot use derivatives (" + Exprs.derivatives(e).get(0) + ")"));
        }
        return e;
    }

    private void fail() throws DerivationException {
        if (!problems.isEmpty()) {
            problems.sort((a, b) -> a.position().line() != b.position().line()
                    ? Integer.compare(a.position().line(), b.position().line())
                    : Integer.compare(a.position().column(), b.position().column()));
            throw new DerivationException(problems);
        }
    }
}
