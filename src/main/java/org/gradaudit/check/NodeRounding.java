package org.gradaudit.check;

import java.util.ArrayList;
import java.util.List;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Exprs;
import org.gradaudit.numeric.ErrorEvaluator;

/**
 * The part of a comparison's error bound that comes from the node values a formula reads: a
 * point's nodes are themselves rounded doubles, and a formula such as {@code y2/(p1 - 1)} at
 * {@code p1 = 0.9996} magnifies their rounding a thousandfold, which the running error analysis of
 * the formula alone (its inputs taken as exact) does not see. At a point where two values seem to
 * differ, each node the formulas read is moved by a bound on its own rounding and the change of
 * each side is summed: a difference within that is no disproof.
 */
final class NodeRounding {
    /** Units of roundoff a node's value is taken to carry from its own computation. */
    static final double UNITS = 64;
    private static final double U = 0x1p-53;

    private final List<Integer> nodeSlots = new ArrayList<>();

    /** @param formulas the formulas compared; @param points the points, whose slots name the nodes */
    NodeRounding(List<Expr> formulas, Points points) {
        java.util.Set<String> read = new java.util.HashSet<>();
        formulas.forEach(f -> read.addAll(Exprs.variables(f)));
        for (String name : read) {
            if (points.graph().isNode(name)) {
                nodeSlots.add(points.slot(name));
            }
        }
    }

    /** How much the two values at {@code p} can move when every node they read moves within its rounding. */
    double spread(ErrorEvaluator claimed, ErrorEvaluator truth, double[] p) {
        double c0 = claimed.eval(p).value();
        double t0 = truth.eval(p).value();
        double sum = 0;
        double[] q = p.clone();
        for (int s : nodeSlots) {
            double v = p[s];
            double d = UNITS * U * Math.max(Math.abs(v), Double.MIN_NORMAL);
            for (double sign : new double[] {-1, 1}) {
                q[s] = v + sign * d;
                double dc = Math.abs(claimed.eval(q).value() - c0);
                double dt = Math.abs(truth.eval(q).value() - t0);
                if (Double.isFinite(dc) && Double.isFinite(dt)) {
                    sum += Math.max(dc, dt) / 2 + Math.min(dc, dt) / 2;
                }
            }
            q[s] = v;
        }
        return sum;
    }
}
