package org.gradaudit.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.gradaudit.bounds.Deadline;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Expr.Bin;
import org.gradaudit.expr.Expr.Op;
import org.gradaudit.expr.Exprs;
import org.gradaudit.model.Graph;
import org.gradaudit.symbolic.Cas;
import org.gradaudit.symbolic.CasException;

/**
 * Formulas a report prints, shortened with the file's own data nodes: nodes of arithmetic on inputs
 * alone, such as a target {@code y2 = 1 - y1}. The chain rule knows nothing of what such a node
 * is, so on a two-class softmax it gives {@code p1*y1 + p1*y2 - y1} for what is {@code p1 - y1}.
 * Each sum that reads a data node is tried with the data nodes written out, simplified by the CAS,
 * and the data nodes folded back in where their terms reappear ({@code p2 + y1 - 1} is
 * {@code p2 - y2}); the shorter form is kept only when the whole formula still equals the truth.
 * A formula is never made longer, and nothing but a data node's own definition is used.
 */
final class DataNodes {
    /** Largest formula, in nodes, that is shortened; and most sums of one formula handed to the CAS. */
    static final int MAX_SIZE = 300;
    static final int MAX_SUMS = 8;
    /** Largest sum, in nodes, handed to the CAS. */
    static final int MAX_SUM = 80;

    private final Map<String, Expr> definitions = new LinkedHashMap<>();
    private final Cas cas;
    private final Deadline deadline;

    /** The data nodes of {@code graph}: defined by arithmetic alone on inputs (no parameter, no function). */
    DataNodes(Graph graph, Cas cas, Deadline deadline) {
        this.cas = cas;
        this.deadline = deadline;
        graph.nodes().forEach((node, def) -> {
            boolean data = !node.equals(graph.loss()) && graph.isData(node);
            boolean arithmetic = Exprs.subtrees(def).stream().noneMatch(x -> x instanceof Expr.Call);
            if (data && arithmetic && Exprs.size(def) <= Judge.MAX_DATA_NODE) {
                definitions.put(node, def);
            }
        });
    }

    /**
     * {@code e} with each sum that a data node makes longer than it need be replaced by its shorter
     * form, innermost sums first.
     *
     * @param rewritable whether a sum of {@code e} may be rewritten (a fix keeps what its claim wrote)
     * @param same whether a changed {@code e} still equals the truth, tested after each replacement
     */
    Expr shorten(Expr e, Predicate<Expr> rewritable, Predicate<Expr> same) {
        if (definitions.isEmpty() || Exprs.size(e) > MAX_SIZE || !readsData(e)) {
            return e;
        }
        Expr current = e;
        int tried = 0;
        for (Expr sum : maximalSums(e)) {
            if (tried >= MAX_SUMS || deadline.passed()) {
                break;
            }
            if (!readsData(sum) || !rewritable.test(sum) || Exprs.size(sum) > MAX_SUM
                    || !Exprs.derivatives(sum).isEmpty()) {
                continue;
            }
            tried++;
            Expr shorter = shorterForm(sum);
            if (shorter == null || Exprs.size(shorter) >= Exprs.size(sum)) {
                continue;
            }
            Expr candidate = Exprs.replace(current, Map.of(sum, shorter));
            if (!candidate.equals(current) && same.test(candidate)) {
                current = candidate;
            }
        }
        return current;
    }

    private boolean readsData(Expr e) {
        return Exprs.variables(e).stream().anyMatch(definitions::containsKey);
    }

    /** The sum with its data nodes written out, simplified, and folded back in; null when the CAS fails. */
    private Expr shorterForm(Expr sum) {
        Expr expanded = sum;
        for (int i = 0; i < definitions.size() && readsData(expanded); i++) {
            expanded = Exprs.substitute(expanded, definitions);
        }
        Expr simplified;
        try {
            simplified = cas.simplify(expanded, deadline);
        } catch (CasException | IllegalArgumentException e) {
            return null;
        }
        Expr folded = fold(simplified);
        return Exprs.size(folded) <= Exprs.size(simplified) ? folded : simplified;
    }

    /** Every data node's definition in {@code e} folded back into the node, as a subtree or as some terms of a sum. */
    Expr fold(Expr e) {
        Expr out = e;
        for (Map.Entry<String, Expr> d : definitions.entrySet()) {
            String form = Canonical.of(d.getValue());
            Expr name = new Expr.Var(d.getKey());
            List<Signed> own = new ArrayList<>();
            terms(d.getValue(), false, own);
            out = Exprs.map(out, x -> {
                if (!(x instanceof Expr.Var) && Canonical.of(x).equals(form)) {
                    return name;
                }
                return own.size() >= 2 && isSum(x) ? foldTerms(x, own, name) : x;
            });
        }
        return out;
    }

    /** A term of a sum and whether it is subtracted. */
    private record Signed(Expr term, boolean negated) {
        String key(boolean flip) {
            return (negated ^ flip ? "-" : "+") + Canonical.of(term);
        }
    }

    /** The sum with the terms of a data node's definition, all of the same sign or all of the opposite, as the node. */
    private static Expr foldTerms(Expr sum, List<Signed> own, Expr name) {
        List<Signed> terms = new ArrayList<>();
        terms(sum, false, terms);
        if (terms.size() <= own.size()) {
            return sum;
        }
        for (boolean flip : new boolean[] {false, true}) {
            List<Signed> left = new ArrayList<>(terms);
            int first = -1;
            boolean all = true;
            for (Signed t : own) {
                int at = indexOf(left, t.key(flip));
                if (at < 0) {
                    all = false;
                    break;
                }
                first = first < 0 ? at : Math.min(first, at);
                left.set(at, null);
            }
            if (all) {
                List<Signed> out = new ArrayList<>();
                for (int i = 0; i < left.size(); i++) {
                    if (i == first) {
                        out.add(new Signed(name, flip));
                    }
                    if (left.get(i) != null) {
                        out.add(left.get(i));
                    }
                }
                return sumOf(out);
            }
        }
        return sum;
    }

    private static int indexOf(List<Signed> terms, String key) {
        for (int i = 0; i < terms.size(); i++) {
            if (terms.get(i) != null && terms.get(i).key(false).equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isSum(Expr e) {
        return e instanceof Bin b && (b.op() == Op.ADD || b.op() == Op.SUB);
    }

    private static void terms(Expr e, boolean negated, List<Signed> out) {
        if (e instanceof Bin b && (b.op() == Op.ADD || b.op() == Op.SUB)) {
            terms(b.left(), negated, out);
            terms(b.right(), negated ^ (b.op() == Op.SUB), out);
        } else if (e instanceof Expr.Neg n) {
            terms(n.arg(), !negated, out);
        } else if (e instanceof Expr.Num n && n.value() < 0) {
            out.add(new Signed(Expr.num(-n.value()), !negated));
        } else {
            out.add(new Signed(e, negated));
        }
    }

    /** The terms as a sum written left to right, a leading subtracted term as a negation. */
    private static Expr sumOf(List<Signed> terms) {
        Expr out = null;
        for (Signed t : terms) {
            if (out == null) {
                out = t.negated() ? new Expr.Neg(t.term()) : t.term();
            } else {
                out = t.negated() ? Expr.sub(out, t.term()) : Expr.add(out, t.term());
            }
        }
        return out;
    }

    /** The sums of {@code e} that are not themselves terms of a larger sum, innermost first. */
    private static List<Expr> maximalSums(Expr e) {
        List<Expr> out = new ArrayList<>();
        collect(e, false, out);
        return out;
    }

    private static void collect(Expr e, boolean inSum, List<Expr> out) {
        boolean sum = isSum(e);
        for (Expr c : Exprs.children(e)) {
            collect(c, sum || (inSum && e instanceof Expr.Neg), out);
        }
        if (sum && !inSum) {
            out.add(e);
        }
    }
}
