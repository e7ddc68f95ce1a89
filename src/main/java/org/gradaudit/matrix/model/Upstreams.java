package org.gradaudit.matrix.model;

import java.util.List;
import java.util.Map;
import org.gradaudit.matrix.expr.MExpr;
import org.gradaudit.matrix.expr.Shape;
import org.gradaudit.matrix.parse.MStatement;

/**
 * The loss that {@code upstream} lines define, as the scalar format does: for {@code upstream dout =
 * dL/dout}, L is everything downstream of {@code out}, and to first order it is
 * {@code np.sum(dout * out)} (summed over every upstream line), which has exactly the gradients the
 * code receives. The upstream name is an input of its node's shape, drawn like any input.
 */
final class Upstreams {
    private Upstreams() {
    }

    /** Declares the upstream inputs and the loss they define, or records why they cannot. */
    static void define(List<MStatement.Upstream> ups, MatrixModelBuilder b) {
        if (ups.isEmpty()) {
            return;
        }
        String name = ups.get(0).loss();
        MExpr sum = null;
        for (MStatement.Upstream u : ups) {
            if (!b.loss().isEmpty()) {
                b.problem(u.position(), "an upstream gradient defines the loss " + u.loss() + " as everything downstream,"
                        + " but the file also declares 'loss " + b.loss() + "(...)'; keep one of the two");
                return;
            } else if (!u.loss().equals(name)) {
                b.problem(u.position(), "every upstream gradient is of one loss; line " + ups.get(0).position().line()
                        + " says " + name + ", this one " + u.loss());
            } else if (!b.definitions().containsKey(u.node())) {
                b.problem(u.position(), "'upstream " + u.name() + "': '" + u.node() + "' must be a node of the file"
                        + " (defined with '" + u.node() + " = ...')");
            } else if (b.quantities().containsKey(name) || b.definitions().containsKey(name)) {
                b.problem(u.position(), "'" + name + "' is already a quantity of the file; name the downstream loss"
                        + " otherwise");
            } else {
                b.quantities().put(u.name(), new MatrixModel.Quantity(u.name(), MatrixModel.Kind.INPUT, Shape.SCALAR,
                        u.low(), u.high(), u.position().line()));
                MExpr term = new MExpr.Reduce(MExpr.ReduceOp.SUM, new MExpr.Bin(MExpr.BinOp.MUL,
                        new MExpr.Ref(u.name()), new MExpr.Ref(u.node())), MExpr.Reduce.ALL, false);
                sum = sum == null ? term : new MExpr.Bin(MExpr.BinOp.ADD, sum, term);
            }
        }
        for (Map.Entry<String, MExpr> e : b.definitions().entrySet()) {
            for (MStatement.Upstream u : ups) {
                if (MatrixModelBuilder.reads(e.getValue(), u.name())) {
                    b.problem(b.definedAt(e.getKey()).position(), "'" + u.name() + "' is the upstream gradient of "
                            + u.node() + ", given to the backward pass; a forward definition cannot use it");
                    return;
                }
            }
        }
        if (sum != null) {
            b.setLoss(name, sum, ups.get(0));
        }
    }

    /** Gives each upstream input its node's shape, once the node's shape is known. */
    static void shape(List<MStatement.Upstream> ups, Map<String, MatrixModel.Quantity> quantities) {
        for (MStatement.Upstream u : ups) {
            MatrixModel.Quantity node = quantities.get(u.node());
            MatrixModel.Quantity q = quantities.get(u.name());
            if (node != null && q != null) {
                quantities.put(u.name(), new MatrixModel.Quantity(q.name(), q.kind(), node.shape(), q.low(), q.high(),
                        q.line()));
            }
        }
    }
}
