package org.gradaudit.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
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
    private final List<String> predictions;
    private final List<String> targets;
    private final Map<String, Set<String>> parents = new HashMap<>();
    /** Every name each node depends on, itself excluded; computed once, in topological order. */
    private final Map<String, Set<String>> ancestors = new HashMap<>();
    /** Each node's size once expanded down to the variables; computed on first use. */
    private Map<String, Long> expandedSizes;

    Graph(Map<String, Variable> variables, Map<String, Expr> nodes, String loss, List<String> predictions,
          List<String> targets) {
        this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        this.nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        this.loss = loss;
        this.predictions = List.copyOf(predictions);
        this.targets = List.copyOf(targets);
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
        return new Graph(Map.of(), Map.of(), null, List.of(), List.of());
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

    /** The node the loss takes as its (first) prediction, or null. */
    public String prediction() {
        return predictions.isEmpty() ? null : predictions.get(0);
    }

    /** The variable the loss takes as its (first) target, or null. */
    public String target() {
        return targets.isEmpty() ? null : targets.get(0);
    }

    /** Every node the loss takes as a prediction, in order; empty when there is no loss. */
    public List<String> predictions() {
        return predictions;
    }

    /** Each prediction's target (an input, or a node computed from inputs alone), in the same order. */
    public List<String> targets() {
        return targets;
    }

    /** The same graph with the loss node defined by {@code definition} instead. */
    public Graph withLoss(Expr definition) {
        Map<String, Expr> n = new LinkedHashMap<>(nodes);
        n.put(loss, definition);
        return new Graph(variables, n, loss, predictions, targets);
    }

    /** The names a node's definition uses directly, in the order they first appear (empty for a variable). */
    public Set<String> parents(String node) {
        return parents.getOrDefault(node, Set.of());
    }

    /**
     * Whether a node is data: it reads no parameter, through any node between ({@code y2 = 1 - y1});
     * false for a variable.
     */
    public boolean isData(String node) {
        return nodes.containsKey(node)
                && variables.values().stream().noneMatch(v -> v.parameter() && dependsOn(node, v.name()));
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
        if (!dependsOn(from, to)) {
            return out;
        }
        List<String> prefix = new ArrayList<>(List.of(from));
        if (from.equals(to)) {
            out.add(List.copyOf(prefix));
            return out;
        }
        // Depth first with an explicit stack, parents in order: a chain of thousands of nodes needs no deep stack.
        Deque<Iterator<String>> stack = new ArrayDeque<>();
        stack.push(parents(from).iterator());
        while (!stack.isEmpty()) {
            Iterator<String> next = stack.peek();
            if (!next.hasNext()) {
                stack.pop();
                prefix.remove(prefix.size() - 1);
                continue;
            }
            String p = next.next();
            if (!dependsOn(p, to)) {
                continue;
            }
            prefix.add(p);
            if (p.equals(to)) {
                out.add(List.copyOf(prefix));
                if (out.size() > MAX_PATHS) {
                    return null;
                }
                prefix.remove(prefix.size() - 1);
            } else {
                stack.push(parents(p).iterator());
            }
        }
        return out;
    }

    /**
     * The size in nodes that {@link #expand} would give {@code e}, measured without building it:
     * each node's expanded size is memoised, so a chain whose every definition uses the one before
     * twice is measured in linear time although its expansion is exponential. Saturates at
     * {@code Long.MAX_VALUE}.
     */
    public long expandedSize(Expr e) {
        if (expandedSizes == null) {
            Map<String, Long> sizes = new HashMap<>();
            for (Map.Entry<String, Expr> n : nodes.entrySet()) {
                sizes.put(n.getKey(), sizeWith(n.getValue(), sizes));
            }
            expandedSizes = sizes;
        }
        return sizeWith(e, expandedSizes);
    }

    private static long sizeWith(Expr e, Map<String, Long> nodeSizes) {
        if (e instanceof Expr.Var v) {
            return nodeSizes.getOrDefault(v.name(), 1L);
        }
        long s = 1;
        if (e instanceof Expr.Neg n) {
            s = saturatingAdd(s, sizeWith(n.arg(), nodeSizes));
        } else if (e instanceof Expr.Bin b) {
            s = saturatingAdd(s, saturatingAdd(sizeWith(b.left(), nodeSizes), sizeWith(b.right(), nodeSizes)));
        } else if (e instanceof Expr.Call c) {
            for (Expr a : c.args()) {
                s = saturatingAdd(s, sizeWith(a, nodeSizes));
            }
        }
        return s;
    }

    private static long saturatingAdd(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }

    /**
     * The expression with every node replaced by its definition, down to the variables. Shared
     * subtrees are shared in the result; callers that walk it should first bound
     * {@link #expandedSize}, which is what a walk would visit.
     */
    public Expr expand(Expr e) {
        Map<String, Expr> expanded = new LinkedHashMap<>();
        for (Map.Entry<String, Expr> n : nodes.entrySet()) {
            expanded.put(n.getKey(), Exprs.substitute(n.getValue(), expanded));
        }
        return Exprs.substitute(e, expanded);
    }
}
