package org.gradaudit.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.gradaudit.derivation.Position;
import org.gradaudit.derivation.Problem;
import org.gradaudit.derivation.Statement;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Exprs;

/**
 * What the names of backprop code mean at each point of the file, as published code uses them:
 * {@code grad} lines say what a gradient name stands for from there on; a code line's name is
 * read with the meaning of the line that last assigned it (so {@code code do = dsigmoid(o)*do}
 * after {@code grad do = dL/dzo} reads the old {@code do}); {@code +=} and {@code -=} accumulate;
 * an update {@code W = W - lr*dW} changes what later code lines read as {@code W}.
 */
final class CodeState {
    private final Graph graph;
    private final Resolver resolver;
    private final List<Problem> problems;
    private final List<Item> items;
    /** The meaning each name was given by the latest {@code grad} line. */
    private final Map<String, Expr> declared = new LinkedHashMap<>();
    /** The meaning of each name as the code line that last assigned it gave it. */
    private final Map<String, Expr> assigned = new HashMap<>();
    /** Each parameter's value after the updates so far, and the line of its latest update. */
    private final Map<String, Expr> updated = new HashMap<>();
    private final Map<String, Integer> updatedAt = new HashMap<>();
    /** The run of accumulating lines each name is in: the index of its last item in {@link #items}. */
    private final Map<String, Integer> runs = new HashMap<>();
    /** The names some code line or update has read since they were last assigned. */
    private final Set<String> read = new java.util.HashSet<>();

    /** @param items the items resolved so far, in file order; code lines are added to it here */
    CodeState(Graph graph, Resolver resolver, List<Problem> problems, List<Item> items) {
        this.graph = graph;
        this.resolver = resolver;
        this.problems = problems;
        this.items = items;
    }

    /** The gradient names a claim reads, with what each stands for. */
    Map<String, Expr> claimNames() {
        return declared;
    }

    /** {@code grad NAME = factor * dA/dB, ...}: the meaning of each name from here on. */
    void grad(Statement.Grad g) {
        for (Statement.Meaning m : g.meanings()) {
            Expr e = resolver.resolve(m.formula(), g.position(), Set.of());
            if (e == null) {
                continue;
            }
            List<Expr.Deriv> ds = Exprs.derivatives(e);
            Expr factor = ds.size() == 1 ? factor(e, ds.get(0)) : null;
            if (factor == null || !Exprs.derivatives(factor).isEmpty()) {
                problems.add(new Problem(at(g, m.formula().column()), "'grad " + m.name() + " = "
                        + m.formula().text() + "': a gradient name stands for a factor times one derivative, "
                        + "e.g. 'grad dZ2 = m * dL/dZ2' or 'grad delta2 = -dE/dz2'"));
                continue;
            }
            Expr.Deriv d = ds.get(0);
            if (!graph.isNode(d.of()) || !graph.names().contains(d.wrt())) {
                problems.add(new Problem(at(g, m.formula().column()), "'grad " + m.name() + "': d" + d.of() + "/d"
                        + d.wrt() + " is not a derivative of a node of the graph with respect to one of its quantities"));
                continue;
            }
            declared.put(m.name(), e);
        }
    }

    /** A code line, as what its name means at this point; null after reporting a problem. */
    Item.CodeLine code(Statement.Code c) {
        Expr meaning = meaningOf(c.name());
        if (meaning == null) {
            problems.add(new Problem(c.position(), "a code line assigns a gradient: dX of a quantity X of the graph, "
                    + "or a name declared with 'grad NAME = factor * dA/dB'; '" + c.name() + "' is neither"));
            return null;
        }
        Map<String, Expr> reads = reads();
        Expr original = resolver.resolve(c.rhs(), c.position(), Set.of(), reads);
        if (original == null) {
            return null;
        }
        Expr term = updated.isEmpty() ? original : Exprs.substitute(original, updated);
        Map<String, Integer> updatesRead = new LinkedHashMap<>();
        Exprs.variables(original).stream().filter(updatedAt::containsKey).forEach(p -> updatesRead.put(p, updatedAt.get(p)));
        Expr.Deriv target = Exprs.derivatives(meaning).get(0);
        Expr factor = factor(meaning, target);
        Map<Expr, String> spelling = spelling(c.rhs(), reads);
        Integer run = runs.get(c.name());
        boolean continues = c.op() != Statement.Assign.SET;
        c.rhs().names().forEach(r -> read.add(r.name()));
        // An '=' to a name whose run nobody read, with the same meaning: that run's value is lost here
        // (a '+=' written '='); both lines keep what they say, and the audit tests whether it was meant.
        Optional<Item.Overwritten> overwrites = Optional.empty();
        if (!continues && run != null && meaning.equals(assigned.get(c.name())) && !read.contains(c.name())) {
            Item.CodeLine previous = (Item.CodeLine) items.get(run);
            overwrites = Optional.of(new Item.Overwritten(previous.claimed(), previous.lines()));
            items.set(run, previous.overwrittenAt(c.position().line()));
        }
        if (continues && (run == null || !meaning.equals(assigned.get(c.name())))) {
            problems.add(new Problem(c.position(), "'" + c.name() + " " + c.op().symbol() + "' accumulates into "
                    + c.name() + ", but no earlier code line assigns it with this meaning; write 'code " + c.name()
                    + " = 0' first, as 'np.zeros_like' does"));
            return null;
        }
        Expr claimed = term;
        Expr beforeUpdates = original;
        List<Integer> lines = new ArrayList<>();
        if (continues) {
            Item.CodeLine previous = (Item.CodeLine) items.get(run);
            claimed = c.op() == Statement.Assign.ADD ? Expr.add(previous.claimed(), term)
                    : Expr.sub(previous.claimed(), term);
            beforeUpdates = c.op() == Statement.Assign.ADD ? Expr.add(previous.beforeUpdates(), original)
                    : Expr.sub(previous.beforeUpdates(), original);
            previous.updatesRead().forEach(updatesRead::putIfAbsent);
            lines.addAll(previous.lines());
            Map<Expr, String> both = new HashMap<>(previous.spelling());
            both.putAll(spelling);
            spelling = both;
            items.set(run, new Item.CodeLine(previous.statement(), previous.target(), previous.factor(),
                    previous.claimed(), true, previous.lines(), previous.spelling(), previous.updatesRead(),
                    previous.beforeUpdates(), OptionalInt.empty(), previous.overwrites()));
            overwrites = previous.overwrites();
        }
        lines.add(c.position().line());
        assigned.put(c.name(), meaning);
        runs.put(c.name(), items.size());
        read.remove(c.name());
        return new Item.CodeLine(c, target, factor, claimed, false, lines, spelling, updatesRead, beforeUpdates,
                OptionalInt.empty(), overwrites);
    }

    /** {@code W = W - lr*dW}: the parameter's value after the step; later code lines read it. */
    Item.Update update(Statement.Update u) {
        String parameter = resolver.canonical(u.name());
        Graph.Variable v = parameter == null ? null : graph.variables().get(parameter);
        if (v == null || !v.parameter()) {
            problems.add(new Problem(u.position(), "'" + u.name() + " " + u.op().symbol() + " ...' updates '"
                    + u.name() + "', which is not a parameter; only a 'param' can take a gradient-descent step"));
            return null;
        }
        Map<String, Expr> reads = reads();
        u.rhs().names().forEach(r -> read.add(r.name()));
        Expr rhs = read(u.rhs(), u.position(), reads);
        if (rhs == null) {
            return null;
        }
        Expr before = updated.getOrDefault(parameter, new Expr.Var(parameter));
        Expr after = switch (u.op()) {
            case SET -> rhs;
            case ADD -> Expr.add(before, rhs);
            case SUBTRACT -> Expr.sub(before, rhs);
        };
        updated.put(parameter, after);
        updatedAt.put(parameter, u.position().line());
        return new Item.Update(u, parameter, after, spelling(u.rhs(), reads));
    }

    /** The names a code line reads: each as its last assignment left it, else as declared. */
    private Map<String, Expr> reads() {
        Map<String, Expr> reads = new HashMap<>(declared);
        reads.putAll(assigned);
        return reads;
    }

    /** A code formula resolved as the code reads it at this point: gradient names and updated parameters. */
    private Expr read(Statement.Formula f, Position at, Map<String, Expr> reads) {
        Expr e = resolver.resolve(f, at, Set.of(), reads);
        return e == null || updated.isEmpty() ? e : Exprs.substitute(e, updated);
    }

    /** The meaning a code line's name has when assigned here; null if it names no gradient. */
    private Expr meaningOf(String name) {
        Expr declaredMeaning = declared.get(name);
        if (declaredMeaning != null) {
            return declaredMeaning;
        }
        String wrt = name.length() > 1 && name.charAt(0) == 'd' ? resolver.canonical(name.substring(1)) : null;
        if (wrt == null || graph.loss() == null) {
            return null;
        }
        return new Expr.Deriv(graph.loss(), wrt);
    }

    private static Map<Expr, String> spelling(Statement.Formula f, Map<String, Expr> reads) {
        Map<Expr, String> out = new HashMap<>();
        f.names().forEach(r -> {
            Expr meaning = reads.get(r.name());
            if (meaning != null) {
                out.putIfAbsent(meaning, r.name());
            }
        });
        // The other gradient names in effect, for a fix that reads one the line does not ('dit' for
        // dL/dzi where the line wrote dft): a plain gradient only, the first name in order when several
        // mean it.
        new java.util.TreeMap<>(reads).forEach((name, meaning) -> {
            if (meaning instanceof Expr.Deriv) {
                out.putIfAbsent(meaning, name);
            }
        });
        return out;
    }

    /**
     * The factor {@code c} of an expression {@code c * d}, where {@code d} occurs once: a product, a
     * quotient by or a negation of something containing {@code d}; null when {@code e} is not of that
     * form.
     */
    private static Expr factor(Expr e, Expr.Deriv d) {
        if (e.equals(d)) {
            return Expr.num(1);
        }
        if (e instanceof Expr.Neg n) {
            Expr f = factor(n.arg(), d);
            return f == null ? null : f.equals(Expr.num(1)) ? Expr.num(-1) : Expr.neg(f);
        }
        if (e instanceof Expr.Bin b && (b.op() == Expr.Op.MUL || b.op() == Expr.Op.DIV)) {
            boolean left = Exprs.derivatives(b.left()).contains(d);
            boolean right = Exprs.derivatives(b.right()).contains(d);
            if (left == right || (right && b.op() == Expr.Op.DIV)) {
                return null;
            }
            Expr inner = factor(left ? b.left() : b.right(), d);
            if (inner == null) {
                return null;
            }
            Expr other = left ? b.right() : b.left();
            if (b.op() == Expr.Op.DIV) {
                return inner.equals(Expr.num(1)) ? Expr.div(Expr.num(1), other) : Expr.div(inner, other);
            }
            return inner.equals(Expr.num(1)) ? other : left ? Expr.mul(inner, other) : Expr.mul(other, inner);
        }
        return null;
    }

    private static Position at(Statement s, int column) {
        return new Position(s.position().file(), s.position().line(), column);
    }
}
