package org.gradaudit.symbolic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gradaudit.bounds.Deadline;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Exprs;
import org.gradaudit.model.Graph;

/**
 * The chain rule, in one place: total derivatives {@code dA/dB} between any two quantities of a
 * graph, accumulated in reverse over the graph and summed over every path. Each node only knows
 * its local derivatives, which come from the CAS; results are kept in two forms: chained (a sum of
 * products of Leibniz atoms, as a tutorial writes it) and closed (in the graph's names, simplified).
 * Results are cached; an instance belongs to one graph.
 */
public final class ChainRule {
    /**
     * A total derivative.
     *
     * @param chained the chain rule written out along every path, e.g. {@code dL/da2*da2/dZ2}; the
     *     one-step form when there are too many paths to write out
     * @param closed the value in the graph's names, simplified
     * @param step the one-step form: the sum over the quantities {@code c} that use {@code wrt}
     *     of {@code dA/dc * dc/dwrt}
     */
    public record Derivative(String of, String wrt, Expr chained, Expr step, Expr closed) {
    }

    private final Graph graph;
    private final Cas cas;
    private final Map<String, Expr> locals = new HashMap<>();
    private final Map<String, Derivative> totals = new HashMap<>();

    private final Deadline deadline;

    public ChainRule(Graph graph, Cas cas) {
        this(graph, cas, Deadline.NONE);
    }

    /** A chain rule whose every CAS call also ends by {@code deadline}, the command's time limit. */
    public ChainRule(Graph graph, Cas cas, Deadline deadline) {
        this.graph = graph;
        this.cas = cas;
        this.deadline = deadline;
    }

    public Graph graph() {
        return graph;
    }

    /**
     * The local derivative of a node's definition with respect to one name it uses, in the graph's
     * names: {@code da2/dZ2 = a2*(1 - a2)} rather than {@code sigmoid(Z2)*(1 - sigmoid(Z2))}.
     *
     * @throws CasException when the CAS hits its time or size bound
     */
    public Expr local(String node, String parent) throws CasException {
        String key = node + "\u0000" + parent;
        Expr cached = locals.get(key);
        if (cached == null) {
            Expr def = graph.nodes().get(node);
            cached = fold(cas.derivative(def, parent, deadline));
            if (def instanceof Expr.Bin q && q.op() == Expr.Op.DIV) {
                Expr inNode = quotientRule(node, q, parent);
                if (Exprs.size(inNode) < Exprs.size(cached)) {
                    cached = inNode;
                }
            }
            locals.put(key, cached);
        }
        return cached;
    }

    /**
     * The derivative of a quotient node {@code n = u/v} written in the node itself:
     * {@code du/v - n*(dv/v)}, each quotient folded into the node it defines. For a softmax output
     * {@code p1 = exp(o1)/(exp(o1) + exp(o2))} this gives {@code p1 - p1*p1} and {@code -p1*p2}
     * rather than a page of exponentials, which keeps every derivative downstream small.
     */
    private Expr quotientRule(String node, Expr.Bin q, String parent) throws CasException {
        Expr du = cas.derivative(q.left(), parent);
        Expr dv = cas.derivative(q.right(), parent);
        Expr first = isZero(du) ? null : fold(Expr.div(du, q.right()));
        Expr second = isZero(dv) ? null : Expr.mul(new Expr.Var(node), fold(Expr.div(dv, q.right())));
        Expr raw = first == null ? (second == null ? Expr.num(0) : new Expr.Neg(second))
                : second == null ? first : Expr.sub(first, second);
        Expr simplified = cas.simplify(raw);
        return Exprs.size(simplified) < Exprs.size(raw) ? simplified : raw;
    }

    private static boolean isZero(Expr e) {
        return e instanceof Expr.Num n && n.value() == 0;
    }

    /**
     * The total derivative {@code d of / d wrt}: zero when {@code of} does not depend on {@code wrt}.
     *
     * @throws CasException when the CAS hits its time or size bound
     */
    public Derivative derivative(String of, String wrt) throws CasException {
        String key = of + "\u0000" + wrt;
        Derivative cached = totals.get(key);
        if (cached != null) {
            return cached;
        }
        Derivative d;
        if (of.equals(wrt)) {
            d = new Derivative(of, wrt, Expr.num(1), Expr.num(1), Expr.num(1));
        } else if (!graph.dependsOn(of, wrt)) {
            d = new Derivative(of, wrt, Expr.num(0), Expr.num(0), Expr.num(0));
        } else {
            accumulateBetween(of, wrt);
            d = accumulate(of, wrt);
        }
        totals.put(key, d);
        return d;
    }

    /**
     * Computes {@code d of / d c} for every quantity {@code c} strictly between {@code wrt} and
     * {@code of}, latest in topological order first. Each needs only the derivatives with respect to
     * its users, which come later and are then already known, so no call recurses more than one level:
     * a chain of thousands of definitions is walked in a loop, not on the stack.
     */
    private void accumulateBetween(String of, String wrt) throws CasException {
        List<String> names = graph.names();
        for (int i = names.size() - 1; i >= 0; i--) {
            String c = names.get(i);
            String key = of + "\u0000" + c;
            if (!c.equals(of) && !c.equals(wrt) && !totals.containsKey(key) && graph.dependsOn(of, c)
                    && graph.dependsOn(c, wrt)) {
                totals.put(key, accumulate(of, c));
            }
        }
    }

    /** dA/dB = sum over the nodes c that use B directly and depend on nothing else: dA/dc * dc/dB. */
    private Derivative accumulate(String of, String wrt) throws CasException {
        Expr closed = null;
        Expr step = null;
        List<String> users = users(of, wrt);
        for (String c : users) {
            Derivative upper = derivative(of, c);
            Expr term = multiply(upper.closed(), local(c, wrt));
            closed = closed == null ? term : Expr.add(closed, term);
            Expr stepTerm = c.equals(of) ? new Expr.Deriv(c, wrt)
                    : Expr.mul(new Expr.Deriv(of, c), new Expr.Deriv(c, wrt));
            step = step == null ? stepTerm : Expr.add(step, stepTerm);
        }
        // One path and no quotient: the factors are already simplified and nothing can cancel, so the
        // CAS is not asked (on a deep network it would spend seconds on long products).
        if (users.size() > 1 || hasQuotient(closed)) {
            closed = cas.simplify(closed, deadline);
        }
        List<List<String>> paths = graph.paths(of, wrt);
        if (paths == null) {
            return new Derivative(of, wrt, step, step, closed);
        }
        Expr chained = null;
        for (List<String> path : paths) {
            Expr product = null;
            for (int i = 0; i + 1 < path.size(); i++) {
                Expr atom = new Expr.Deriv(path.get(i), path.get(i + 1));
                product = product == null ? atom : Expr.mul(product, atom);
            }
            chained = chained == null ? product : Expr.add(chained, product);
        }
        return new Derivative(of, wrt, chained, step, closed);
    }

    /** Whether a formula divides, or raises to a negative power: where a product can cancel. */
    private static boolean hasQuotient(Expr e) {
        for (Expr x : Exprs.subtrees(e)) {
            if (x instanceof Expr.Bin b && (b.op() == Expr.Op.DIV
                    || (b.op() == Expr.Op.POW && !(b.right() instanceof Expr.Num)))) {
                return true;
            }
        }
        return false;
    }

    /** The nodes that use {@code wrt} directly and lie on a path to {@code of}. */
    private List<String> users(String of, String wrt) {
        List<String> out = new ArrayList<>();
        for (String n : graph.nodes().keySet()) {
            if (graph.parents(n).contains(wrt) && graph.dependsOn(of, n)) {
                out.add(n);
            }
        }
        return out;
    }

    /** a*b with b's factors appended one by one, so that products read a*b*c*d, not a*b*(c*d). */
    private static Expr multiply(Expr a, Expr b) {
        if (a instanceof Expr.Num n && n.value() == 1) {
            return b;
        }
        if (b instanceof Expr.Num n && n.value() == 1) {
            return a;
        }
        if (b instanceof Expr.Bin m && m.op() == Expr.Op.MUL) {
            return Expr.mul(multiply(a, m.left()), m.right());
        }
        return Expr.mul(a, b);
    }

    /** Replaces every subexpression equal to a node's definition by the node's name. */
    private Expr fold(Expr e) {
        return Exprs.map(e, x -> {
            for (Map.Entry<String, Expr> n : graph.nodes().entrySet()) {
                if (!(x instanceof Expr.Var) && n.getValue().equals(x)) {
                    return new Expr.Var(n.getKey());
                }
            }
            return x;
        });
    }
}
