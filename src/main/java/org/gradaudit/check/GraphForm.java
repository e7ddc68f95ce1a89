package org.gradaudit.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gradaudit.expr.Expr;
import org.gradaudit.model.Functions;
import org.gradaudit.symbolic.Cas;
import org.gradaudit.symbolic.CasException;
import org.gradaudit.symbolic.ChainRule;

/**
 * A statement's formula in the graph's names, as the judge compares it: the file's own functions
 * inlined, every partial derivative {@code d(formula)/dv} taken by the CAS, and every Leibniz atom
 * {@code dA/dB} replaced by its true value from the chain rule.
 */
final class GraphForm {
    private final Functions functions;
    private final ChainRule truth;
    private final Cas cas;

    GraphForm(Functions functions, ChainRule truth, Cas cas) {
        this.functions = functions;
        this.truth = truth;
        this.cas = cas;
    }

    /** The claimed expression in the graph's names: user functions inlined, Leibniz atoms given their true values. */
    Expr toGraph(Expr written) throws CasException {
        Expr inlined = partials(functions.inline(written));
        Map<Expr.Deriv, Expr> values = new HashMap<>();
        for (Expr.Deriv d : org.gradaudit.expr.Exprs.derivatives(inlined)) {
            values.put(d, truth.derivative(d.of(), d.wrt()).closed());
        }
        return org.gradaudit.expr.Exprs.substituteDerivatives(inlined, values);
    }

    /** Every partial derivative {@code d(formula)/dv} a formula writes, replaced by its value from the CAS. */
    private Expr partials(Expr e) throws CasException {
        if (e instanceof Expr.Call c && org.gradaudit.expr.Exprs.isPartial(c)) {
            return cas.derivative(partials(c.args().get(0)), ((Expr.Var) c.args().get(1)).name());
        }
        if (e instanceof Expr.Neg n) {
            return new Expr.Neg(partials(n.arg()));
        }
        if (e instanceof Expr.Bin b) {
            return new Expr.Bin(b.op(), partials(b.left()), partials(b.right()));
        }
        if (e instanceof Expr.Call c) {
            List<Expr> args = new ArrayList<>();
            for (Expr a : c.args()) {
                args.add(partials(a));
            }
            return new Expr.Call(c.fn(), args);
        }
        return e;
    }

    /**
     * {@link #toGraph} for the diagnoser's hypotheses, where a truth the CAS cannot give rules a hypothesis out.
     * The hypotheses are thousands of formulas that differ from the claim in one place or two and share
     * the rest of its tree, so each operator's graph form is remembered by the identity of its node:
     * only the path from a change to the root is converted again.
     */
    Expr toGraphOrRefuse(Expr written) {
        try {
            if (converted.size() > MAX_REMEMBERED) {
                converted.clear();
            }
            return shared(written);
        } catch (CasException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Most nodes whose graph forms are remembered; past it they are forgotten and remembered afresh.
     * Small for the reason {@code SharedErrorCompiler}'s table is: consecutive hypotheses share trees.
     */
    private static final int MAX_REMEMBERED = 2_000;
    private final Map<Expr, Expr> converted = new java.util.IdentityHashMap<>();

    /**
     * {@link #toGraph}, computed node by node: toGraph of a sum, product, quotient, power or negation is
     * that operator applied to toGraph of its operands (inlining, partial derivatives and Leibniz atoms
     * all act below it), so only calls and Leibniz atoms are converted whole.
     */
    private Expr shared(Expr e) throws CasException {
        if (e instanceof Expr.Var || e instanceof Expr.Num) {
            return e;
        }
        Expr known = converted.get(e);
        if (known != null) {
            return known;
        }
        Expr out;
        if (e instanceof Expr.Neg n) {
            Expr arg = shared(n.arg());
            out = arg == n.arg() ? e : new Expr.Neg(arg);
        } else if (e instanceof Expr.Bin b) {
            Expr left = shared(b.left());
            Expr right = shared(b.right());
            out = left == b.left() && right == b.right() ? e : new Expr.Bin(b.op(), left, right);
        } else {
            out = toGraph(e);
        }
        converted.put(e, out);
        return out;
    }
}
