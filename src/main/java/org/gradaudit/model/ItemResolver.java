package org.gradaudit.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gradaudit.derivation.Derivation;
import org.gradaudit.derivation.Position;
import org.gradaudit.derivation.Problem;
import org.gradaudit.derivation.Statement;
import org.gradaudit.expr.Builtins;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Exprs;

/** Resolves the statements to judge, in file order, against a built graph. */
final class ItemResolver {
    private final Graph graph;
    private final Resolver resolver;
    private final List<Problem> problems;
    private final Map<String, Statement.Definition> definitions;
    /** What gradient names mean, line by line. */
    private CodeState code;

    ItemResolver(Graph graph, Resolver resolver, List<Problem> problems,
                 Map<String, Statement.Definition> definitions) {
        this.graph = graph;
        this.resolver = resolver;
        this.problems = problems;
        this.definitions = definitions;
    }

    List<Item> items(Derivation derivation, Expr lossExpr) {
        List<Item> items = new ArrayList<>();
        code = new CodeState(graph, resolver, problems, items);
        for (Statement s : derivation.statements()) {
            Item item = item(s, lossExpr);
            if (item != null) {
                items.add(item);
            }
        }
        return items;
    }

    private Item item(Statement s, Expr lossExpr) {
        if (s instanceof Statement.Grad g) {
            code.grad(g);
            return null;
        }
        if (s instanceof Statement.Update u) {
            return code.update(u);
        }
        if (s instanceof Statement.Loss l && lossExpr != null) {
            return new Item.LossItem(l, lossExpr);
        }
        if (s instanceof Statement.Definition d && definitions.get(d.name()) != d) {
            Expr claimed = resolver.resolve(d.rhs(), d.position(), Set.of());
            String node = resolver.canonical(d.name());
            if (node == null || !graph.isNode(node)) {
                problems.add(new Problem(d.position(), "'" + d.name() + "' is an input or parameter and cannot be defined"));
                return null;
            }
            return claimed == null ? null : new Item.Restatement(d, node, claimed);
        }
        if (s instanceof Statement.Code c) {
            if (graph.loss() == null && !code.claimNames().containsKey(c.name())) {
                problems.add(new Problem(c.position(), "code lines compute gradients of the loss, but the derivation "
                        + "declares no loss; add 'loss L(prediction, target) = ...', or say what '" + c.name()
                        + "' stands for with 'grad " + c.name() + " = dF/dX'"));
                return null;
            }
            return code.code(c);
        }
        if (s instanceof Statement.Claim c) {
            return claim(c);
        }
        return null;
    }

    private Item claim(Statement.Claim c) {
        Map<String, Expr> where = new LinkedHashMap<>();
        for (Statement.Where w : c.where()) {
            String name = resolver.canonical(w.name());
            if (name == null || !graph.variables().containsKey(name)) {
                problems.add(new Problem(at(c, w.column()), "'where' can hold an input or parameter; '" + w.name()
                        + "' is not one"));
                return null;
            }
            Expr value = resolve(w.value(), c.position(), Set.of());
            if (value == null) {
                return null;
            }
            where.put(name, value);
        }
        if (c.lhs() instanceof Statement.LeibnizLhs l) {
            String of = resolver.canonical(l.of());
            String wrt = resolver.canonical(l.wrt());
            if (of == null || wrt == null) {
                String missing = of == null ? l.of() : l.wrt();
                problems.add(new Problem(at(c, l.column()), "claim about d" + l.of() + "/d" + l.wrt() + ": '" + missing
                        + "' is not a quantity of the graph (known: " + String.join(", ", graph.names()) + ")"));
                return null;
            }
            if (!graph.isNode(of)) {
                problems.add(new Problem(at(c, l.column()), "claim about d" + l.of() + "/d" + l.wrt() + ": '" + l.of()
                        + "' is an input or parameter, so its derivative says nothing; claim derivatives of nodes"));
                return null;
            }
            Expr claimed = resolve(c.rhs(), c.position(), Set.of());
            return claimed == null ? null : new Item.DerivativeClaim(c, of, wrt, claimed);
        }
        if (c.lhs() instanceof Statement.ExprDerivLhs d) {
            String wrt = resolver.canonical(d.wrt());
            // A rule such as d(ln(u))/du = 1/u: the variable is the rule's own, held by nothing in the graph.
            boolean rule = wrt == null && !Builtins.CONSTANTS.containsKey(d.wrt());
            Set<String> free = rule ? Set.of(d.wrt()) : Set.of();
            Expr of = resolve(d.of(), c.position(), free);
            Expr claimed = resolve(c.rhs(), c.position(), free);
            if (of == null || claimed == null) {
                return null;
            }
            return new Item.PartialClaim(c, of, rule ? d.wrt() : wrt, claimed, rule);
        }
        Statement.ExprLhs lhs = (Statement.ExprLhs) c.lhs();
        List<String> params = functionParams(lhs.expr().expr());
        if (params != null && where.isEmpty()) {
            Set<String> free = new HashSet<>(params);
            Expr truth = resolve(lhs.expr(), c.position(), free);
            Expr claimed = resolve(c.rhs(), c.position(), free);
            String fn = ((Expr.Call) lhs.expr().expr()).fn();
            if (truth == null || claimed == null) {
                return null;
            }
            Set<String> others = new java.util.LinkedHashSet<>(Exprs.variables(claimed));
            others.removeAll(params);
            if (!others.isEmpty() || !Exprs.derivatives(claimed).isEmpty()) {
                problems.add(new Problem(at(c, c.rhs().column()), "a formula for " + lhs.text() + " may use only "
                        + String.join(", ", params) + "; it uses " + (others.isEmpty()
                        ? Exprs.derivatives(claimed).get(0).toString() : String.join(", ", others))));
                return null;
            }
            return new Item.FunctionClaim(c, fn, params, truth, claimed);
        }
        Expr left = resolve(lhs.expr(), c.position(), Set.of());
        Expr claimed = resolve(c.rhs(), c.position(), Set.of());
        return left == null || claimed == null ? null : new Item.EqualityClaim(c, left, claimed, where);
    }

    /** Resolves a claim's formula, reading gradient names as the {@code grad} lines so far declare them. */
    private Expr resolve(Statement.Formula f, Position at, Set<String> free) {
        return resolver.resolve(f, at, free, code.claimNames());
    }

    /** The parameters of {@code f(z, w)} when every argument is a distinct name outside the graph; else null. */
    private List<String> functionParams(Expr lhs) {
        if (!(lhs instanceof Expr.Call call)) {
            return null;
        }
        List<String> params = new ArrayList<>();
        for (Expr a : call.args()) {
            if (!(a instanceof Expr.Var v) || resolver.canonical(v.name()) != null || params.contains(v.name())
                    || Builtins.CONSTANTS.containsKey(v.name())) {
                return null;
            }
            params.add(v.name());
        }
        return params;
    }

    private static Position at(Statement s, int column) {
        return new Position(s.position().file(), s.position().line(), column);
    }
}
