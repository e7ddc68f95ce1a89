package org.gradaudit.numeric;

import java.util.Map;
import org.gradaudit.expr.Expr;

/** The plainest possible evaluator, written independently of the package, to check the compiled ones against. */
final class Interpreter {
    private Interpreter() {
    }

    static double eval(Expr e, Map<String, Double> env) {
        if (e instanceof Expr.Num n) {
            return n.value();
        }
        if (e instanceof Expr.Var v) {
            return env.get(v.name());
        }
        if (e instanceof Expr.Neg g) {
            return -eval(g.arg(), env);
        }
        if (e instanceof Expr.Bin b) {
            double l = eval(b.left(), env);
            double r = eval(b.right(), env);
            switch (b.op()) {
                case ADD: return l + r;
                case SUB: return l - r;
                case MUL: return l * r;
                case DIV: return l / r;
                case POW: return Math.pow(l, r);
                default: throw new AssertionError(b.op());
            }
        }
        if (e instanceof Expr.Call c) {
            double a = eval(c.args().get(0), env);
            switch (c.fn()) {
                case "exp": return Math.exp(a);
                case "log": case "ln": return Math.log(a);
                case "sqrt": return Math.sqrt(a);
                case "sin": return Math.sin(a);
                case "cos": return Math.cos(a);
                case "tanh": return Math.tanh(a);
                case "sigmoid": return a >= 0 ? 1 / (1 + Math.exp(-a)) : Math.exp(a) / (1 + Math.exp(a));
                case "softplus": return Math.max(a, 0) + Math.log1p(Math.exp(-Math.abs(a)));
                case "relu": return Math.max(0.0, a);
                case "step": return Double.isNaN(a) ? a : a > 0 ? 1 : 0;
                default: throw new AssertionError(c.fn());
            }
        }
        throw new AssertionError(e);
    }
}
