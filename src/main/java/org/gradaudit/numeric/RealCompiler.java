package org.gradaudit.numeric;

import java.util.Map;
import java.util.Objects;
import org.gradaudit.expr.Builtin;
import org.gradaudit.expr.Expr;

/** Turns an {@link Expr} into a tree of lambdas over doubles, one per node, specialised per operator and function. */
final class RealCompiler {
    private final Map<String, Integer> slots;

    RealCompiler(Map<String, Integer> slots) {
        this.slots = slots;
    }

    Evaluator compile(Expr e) {
        Objects.requireNonNull(e, "expression");
        if (e instanceof Expr.Num n) {
            double c = n.value();
            return v -> c;
        }
        if (e instanceof Expr.Var x) {
            int i = Evaluators.slot(x, slots);
            return v -> v[i];
        }
        if (e instanceof Expr.Neg g) {
            Evaluator a = compile(g.arg());
            return v -> -a.eval(v);
        }
        if (e instanceof Expr.Bin b) {
            return binary(b);
        }
        if (e instanceof Expr.Call c) {
            return call(c);
        }
        if (e instanceof Expr.Deriv d) {
            throw Evaluators.derivative(d);
        }
        throw new AssertionError(e);
    }

    private Evaluator binary(Expr.Bin b) {
        Evaluator l = compile(b.left());
        double k = Evaluators.constant(b.right());
        if (b.op() == Expr.Op.POW && !Double.isNaN(k)) {
            return v -> Math.pow(l.eval(v), k);
        }
        Evaluator r = compile(b.right());
        switch (b.op()) {
            case ADD: return v -> l.eval(v) + r.eval(v);
            case SUB: return v -> l.eval(v) - r.eval(v);
            case MUL: return v -> l.eval(v) * r.eval(v);
            case DIV: return v -> l.eval(v) / r.eval(v);
            case POW: return v -> Math.pow(l.eval(v), r.eval(v));
            default: throw new AssertionError(b.op());
        }
    }

    private Evaluator call(Expr.Call c) {
        Builtin f = Evaluators.builtin(c);
        Evaluator a = compile(c.args().get(0));
        return switch (f) {
            case EXP -> v -> Math.exp(a.eval(v));
            case LOG -> v -> Math.log(a.eval(v));
            case SQRT -> v -> Math.sqrt(a.eval(v));
            case SIN -> v -> Math.sin(a.eval(v));
            case COS -> v -> Math.cos(a.eval(v));
            case TANH -> v -> Math.tanh(a.eval(v));
            case SIGMOID -> v -> Builtin.sigmoid(a.eval(v));
            case SOFTPLUS -> v -> Builtin.softplus(a.eval(v));
            case RELU -> v -> Builtin.relu(a.eval(v));
            case STEP -> v -> Builtin.step(a.eval(v));
        };
    }
}
