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

    /** {@link #toGraph} for the diagnoser's hypotheses, where a truth the CAS cannot give rules a hypothesis out. */
    Expr toGraphOrRefuse(Expr written) {
        try {
            return toGraph(written);
        } catch (CasException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
