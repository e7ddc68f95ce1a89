package org.gradaudit.matrix.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.gradaudit.check.Diagnosis;
import org.gradaudit.matrix.expr.MExpr;
import org.gradaudit.matrix.expr.MExpr.Bin;
import org.gradaudit.matrix.expr.MExpr.BinOp;
import org.gradaudit.matrix.expr.MExpr.MatMul;
import org.gradaudit.matrix.expr.MExpr.Reduce;
import org.gradaudit.matrix.expr.MExpr.Transpose;

/**
 * Diagnosis of a wrong vectorized formula by single repairs on its matrix tree, tried in order:
 * shape repairs first, the most local first ({@code .T} removed, the other axis, {@code keepdims=True},
 * {@code np.dot} operands swapped, {@code .T} added, {@code *} for {@code np.dot} and back, a sum
 * added: so that a sum over the wrong axis is not explained as a sum of a transpose), then the scalar kinds
 * that make sense on a matrix tree (one name for another of the same shape, one term's sign). A
 * repair explains the mistake only if the repaired formula has the target's shape and equals the
 * truth at every entry (the caller's predicate decides; this class only proposes).
 */
final class Repairs {
    private Repairs() {
    }

    /** A repair that explains a mistake: its kind, the repaired formula and what changed. */
    record Repair(Diagnosis kind, MExpr fix, String change) {
    }

    /**
     * @param names the quantities and gradient names one could stand for another (same shape decided by the predicate)
     * @param explains whether a candidate has the right shape and equals the truth
     */
    static Optional<Repair> find(MExpr claimed, List<String> names, Predicate<MExpr> explains) {
        List<Repair> candidates = new ArrayList<>();
        List<MExpr> nodes = new ArrayList<>();
        collect(claimed, nodes);
        for (MExpr n : nodes) {
            if (n instanceof Transpose t) {
                candidates.add(new Repair(Diagnosis.EXTRA_TRANSPOSE, replace(claimed, n, t.a()), "remove the .T of "
                        + print(t.a())));
            }
        }
        for (MExpr n : nodes) {
            if (n instanceof Reduce r && r.axis() != Reduce.ALL) {
                int other = r.axis() == 0 ? 1 : 0;
                candidates.add(new Repair(Diagnosis.WRONG_AXIS, replace(claimed, n, new Reduce(r.op(), r.a(), other,
                        r.keepdims())), "reduce over axis " + other + ", not axis " + r.axis()));
            }
        }
        for (MExpr n : nodes) {
            if (n instanceof Reduce r && !r.keepdims() && r.axis() != Reduce.ALL) {
                candidates.add(new Repair(Diagnosis.RANK_1, replace(claimed, n, new Reduce(r.op(), r.a(), r.axis(), true)),
                        "keep the reduced axis: " + print(r.a()) + " summed with keepdims=True, not a rank-1 array"));
            }
        }
        for (MExpr n : nodes) {
            if (n instanceof MatMul m) {
                candidates.add(new Repair(Diagnosis.OPERAND_ORDER, replace(claimed, n, new MatMul(m.b(), m.a())),
                        "swap the operands of " + print(m)));
            }
        }
        for (MExpr n : nodes) {
            if (!(n instanceof Transpose) && !(n instanceof MExpr.Num) && !(n instanceof MExpr.DimRef)) {
                candidates.add(new Repair(Diagnosis.MISSING_TRANSPOSE, replace(claimed, n, new Transpose(n)),
                        "transpose " + print(n)));
            }
        }
        for (MExpr n : nodes) {
            if (n instanceof Bin b && b.op() == BinOp.MUL) {
                candidates.add(new Repair(Diagnosis.ELEMENTWISE_VS_MATMUL, replace(claimed, n, new MatMul(b.a(), b.b())),
                        "'*' is elementwise; the matrix product np.dot(" + print(b.a()) + ", " + print(b.b()) + ") belongs there"));
            } else if (n instanceof MatMul m) {
                candidates.add(new Repair(Diagnosis.ELEMENTWISE_VS_MATMUL, replace(claimed, n, new Bin(BinOp.MUL, m.a(), m.b())),
                        "np.dot is a matrix product; the elementwise product belongs there"));
            }
        }
        for (MExpr n : nodes) {
            if (!(n instanceof MExpr.Num) && !(n instanceof MExpr.DimRef) && !(n instanceof Reduce)) {
                for (int axis : new int[] {1, 0}) {
                    candidates.add(new Repair(Diagnosis.MISSING_SUM, replace(claimed, n, new Reduce(MExpr.ReduceOp.SUM, n,
                            axis, true)), "sum " + print(n) + " over axis " + axis));
                }
                candidates.add(new Repair(Diagnosis.MISSING_SUM, replace(claimed, n, new Reduce(MExpr.ReduceOp.SUM, n,
                        Reduce.ALL, false)), "sum " + print(n)));
            }
        }
        for (MExpr n : nodes) {
            if (n instanceof MExpr.Ref r) {
                for (String other : names) {
                    if (!other.equals(r.name())) {
                        candidates.add(new Repair(Diagnosis.SUBSTITUTED_SYMBOL, replace(claimed, n, new MExpr.Ref(other)),
                                "it reads " + r.name() + " where " + other + " belongs"));
                    }
                }
            }
        }
        for (MExpr n : nodes) {
            if (n instanceof Bin b && (b.op() == BinOp.ADD || b.op() == BinOp.SUB)) {
                BinOp flipped = b.op() == BinOp.ADD ? BinOp.SUB : BinOp.ADD;
                candidates.add(new Repair(Diagnosis.TERM_SIGN, replace(claimed, n, new Bin(flipped, b.a(), b.b())),
                        "the term " + print(b.b()) + " has the wrong sign"));
            }
        }
        for (Repair r : candidates) {
            if (explains.test(r.fix())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    private static String print(MExpr e) {
        return org.gradaudit.matrix.expr.MPrinter.print(e);
    }

    /** Every node, parents before children, each occurrence once (by identity). */
    private static void collect(MExpr e, List<MExpr> out) {
        out.add(e);
        for (MExpr c : e.children()) {
            collect(c, out);
        }
    }

    /** The tree with the node {@code at} (by identity) replaced. */
    static MExpr replace(MExpr root, MExpr at, MExpr with) {
        if (root == at) {
            return with;
        }
        List<MExpr> kids = root.children();
        if (kids.isEmpty()) {
            return root;
        }
        List<MExpr> changed = new ArrayList<>(kids.size());
        boolean any = false;
        for (MExpr k : kids) {
            MExpr r = replace(k, at, with);
            any |= r != k;
            changed.add(r);
        }
        return any ? root.withChildren(changed) : root;
    }
}
