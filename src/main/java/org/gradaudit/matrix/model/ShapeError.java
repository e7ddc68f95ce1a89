package org.gradaudit.matrix.model;

import org.gradaudit.matrix.expr.MExpr;

/**
 * A formula whose shapes do not fit: the node where they stop fitting, and a message naming both
 * shapes in the file's dimension names and, where one exists, the repair that fits.
 */
public final class ShapeError extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient MExpr node;
    private final boolean rankOne;

    ShapeError(MExpr node, String message, boolean rankOne) {
        super(message, null, false, false);
        this.node = node;
        this.rankOne = rankOne;
    }

    /** The node whose operands do not fit. */
    public MExpr node() {
        return node;
    }

    /** Whether the error is a rank-1 array meeting a column, which numpy broadcasts to a square. */
    public boolean rankOne() {
        return rankOne;
    }
}
