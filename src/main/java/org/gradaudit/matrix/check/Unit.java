package org.gradaudit.matrix.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gradaudit.matrix.expr.MExpr;
import org.gradaudit.matrix.expr.MExpr.Bin;
import org.gradaudit.matrix.expr.MExpr.BinOp;
import org.gradaudit.matrix.model.MatrixModel;
import org.gradaudit.matrix.parse.MStatement;

/**
 * One judged statement of a vectorized file: a claim, or a code line with the in-place updates
 * that follow it folded in. {@code dZ = f} followed by {@code dZ[Z <= 0] = 0} is judged once, at
 * the update's line, as {@code f * (Z > 0)}; {@code dW += reg * W} as {@code previous + reg * W}.
 *
 * @param statement the statement reported (for a folded group, its last line)
 * @param formula the formula judged
 * @param target the quantity V whose gradient it states
 * @param coefficient the convention: the statement holds {@code coefficient * dL/dV}
 * @param folded the lines folded into this one (empty unless in-place updates were folded)
 * @param gradName the gradient name a code line assigns, or "" for a claim
 */
record Unit(MStatement statement, MExpr formula, String target, MExpr coefficient, List<Integer> folded,
            String gradName) {

    /** The judged units of a model, in file order. */
    static List<Unit> of(MatrixModel model) {
        List<MStatement> judged = model.judged();
        List<Unit> out = new ArrayList<>();
        Map<String, Integer> open = new HashMap<>();
        for (MStatement s : judged) {
            if (s instanceof MStatement.Claim c) {
                out.add(new Unit(c, c.formula(), c.of(), new MExpr.Num(1), List.of(), ""));
                continue;
            }
            MStatement.Code code = (MStatement.Code) s;
            MatrixModel.GradName g = model.gradNames().get(code.name());
            Integer previous = open.get(code.name());
            if (code.op() == MStatement.Code.Op.ASSIGN || previous == null) {
                MExpr f = code.op() == MStatement.Code.Op.ASSIGN ? code.formula()
                        : combine(code, new MExpr.Ref(code.name()));
                open.put(code.name(), out.size());
                out.add(new Unit(code, f, g.of(), g.coefficient(), List.of(), code.name()));
            } else {
                Unit before = out.get(previous);
                List<Integer> folded = new ArrayList<>(before.folded());
                folded.add(before.statement().position().line());
                out.set(previous, null);
                open.put(code.name(), out.size());
                out.add(new Unit(code, combine(code, before.formula()), g.of(), g.coefficient(), folded, code.name()));
            }
        }
        return out.stream().filter(java.util.Objects::nonNull).toList();
    }

    /** The value after an in-place update of {@code previous}. */
    static MExpr combine(MStatement.Code code, MExpr previous) {
        return switch (code.op()) {
            case ASSIGN -> code.formula();
            case ADD -> new Bin(BinOp.ADD, previous, code.formula());
            case SUB -> new Bin(BinOp.SUB, previous, code.formula());
            case MUL, MASK -> new Bin(BinOp.MUL, previous, code.formula());
            case DIV -> new Bin(BinOp.DIV, previous, code.formula());
        };
    }

    boolean isCode() {
        return statement instanceof MStatement.Code;
    }

    int line() {
        return statement.position().line();
    }
}
