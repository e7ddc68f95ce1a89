package org.gradaudit.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Exprs;

/**
 * The expression graph of a network's forward definitions: free variables (inputs and
 * parameters, each with a sampling range) and named nodes, each defined by an expression over
 * earlier names, in topological order. The loss, when there is one, is a node too.
 * Definitions here are resolved: aliases replaced, user functions inlined, only built-ins called.
 */
public final class Graph {
    /** A free variable and the range its random values are drawn from. */
    public record Variable(String name, boolean parameter, double low, double high) {
    }

    /** Most chains {@link #paths} lists; past it a caller should use the one-step chain rule instead. */
    public static final int MAX_PATHS = 64;

    private final Map<String, Variable> variables;
    private final Map<String, Expr> nodes;
    private final String loss;
    private final String prediction;
    private final String target;
    private final Map<String, Set<String>> parents = new HashMap<>();
    /** Every name each node depends on, itself excluded; computed once, in topological order. */
    private final Map<String, Set<String>> ancestors = new HashMap<>();

    Graph(Map<String, Variable> variables, Map<String, Expr> nodes, String loss, String prediction, String target) {
        this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        this.nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        this.loss = loss;
        this.prediction = prediction;
        this.target = target;
        for (Map.Entry<String, Expr> n : this.nodes.entrySet()) {
            Set<String> used = new LinkedHashSet<>();
            Set<String> all = new HashSet<>();
            for (String v : Exprs.variables(n.getValue())) {
                if (variables.containsKey(v) || nodes.containsKey(v)) {
                    used.add(v);
                    all.add(v);
                    all.addAll(ancestors.getOrDefault(v, Set.of()));
                }
            }
            parents.put(n.getKey(), Collections.unmodifiableSet(used));
            ancestors.put(n.getKey(), all);
        }
    }

    /** A graph with no variables and no nodes, for formulas that stand on their own. */
    public static Graph empty() {
        return new Graph(Map.of(), Map.of(), null, null, null);
    }

    /** Inputs and parameters, in declaration order. */
    public Map<String, Variable> variables() {
        return variables;
    }

    /** Nodes and their definitions, in topological order. */
    public Map<String, Expr> nodes() {
        return nodes;
    }

    /** Every name: variables, then nodes in topological order. */
    public List<String> names() {
        List<String> all = new ArrayList<>(variables.keySet());
        all.addAll(nodes.keySet());
        return all;
    }

    public boolean isQuantity(String name) {
        return variables.containsKey(name) || nodes.containsKey(name);
    }

    public boolean isNode(String name) {
        return nodes.containsKey(name);
    }

    /** The loss node's name, or null when the derivation declares no loss. */
    public String loss() {
        return loss;
    }

    /** The node the loss takes as its prediction, or null. */
    public String prediction() {
        return prediction;
    }

    /** The variable the loss takes as its target, or null. */
    public String target() {
        return target;
    }

    /** The same graph with the loss node defined by {@code definition} instead. */
    public Graph withLoss(Expr definition) {
        Map<String, Expr> n = new LinkedHashMap<>(nodes);
        n.put(loss, definition);
        return new Graph(variables, n, loss, prediction, target);
    }

    /** The names a node's definition uses directly, in the order they first appear (empty for a variable). */
    public Set<String> parents(String node) {
        return parents.getOrDefault(node, Set.of());
    }

    /** Whether {@code of} depends on {@code on} through the graph (a name depends on itself). */
    public boolean dependsOn(String of, String on) {
        return of.equals(on) || ancestors.getOrDefault(of, Set.of()).contains(on);
    }

    /**
     * Every chain of names from {@code from} down to {@code to}, each starting with from and ending
     * with to; null when there are more than {@link #MAX_PATHS} (a graph of many diamonds has
     * exponentially many).
     */
    public List<List<String>> paths(String from, String to) {
        List<List<String>> out = new ArrayList<>();
        return collectPaths(from, to, new ArrayList<>(), out) ? out : null;
    }

    private boolean collectPaths(String from, String to, List<String> prefix, List<List<String>> out) {
        if (!dependsOn(from, to)) {
            return true;
        }
        prefix.add(from);
        try {
            if (from.equals(to)) {
                out.add(List.copyOf(prefix));
                return out.size() <= MAX_PATHS;
            }
            for (String p : parents(from)) {
                if (!collectPaths(p, to, prefix, out)) {
                    return false;
                }
            }
            return true;
        } finally {
            prefix.remove(prefix.size() - 1);
        }
    }

    /** The expression with every node replaced by its definition, down to the variables. */
    public Expr expand(Expr e) {
        Map<String, Expr> expanded = new LinkedHashMap<>();
        for (Map.Entry<String, Expr> n : nodes.entrySet()) {
            expanded.put(n.getKey(), Exprs.substitute(n.getValue(), expanded));
        }
        return Exprs.substitute(e, expanded);
    }
}
