package org.gradaudit.matrix.parse;

import java.util.List;
import org.gradaudit.matrix.expr.MExpr;
import org.gradaudit.matrix.expr.MExpr.Bin;
import org.gradaudit.matrix.expr.MExpr.BinOp;
import org.gradaudit.matrix.expr.MExpr.Fn;
import org.gradaudit.matrix.expr.MExpr.ReduceOp;

/** The function calls of the numpy subset: {@code np.dot(A, B)}, {@code sigmoid(Z)}, ... (see {@link NumpyParser}). */
final class Calls {
    private static final String SUPPORTED = "np.dot, np.matmul, np.multiply, np.divide, np.add, np.subtract, np.power,"
            + " np.square, np.exp, np.log, np.tanh, np.sqrt, np.transpose, np.maximum(0, A), np.sum, np.mean, np.int64,"
            + " np.float64, sigmoid, relu, softmax(A, axis=k), log_softmax(A, axis=k)";

    private Calls() {
    }

    /** A call whose name token {@code t} was just taken (for {@code np}, the attribute follows). */
    static MExpr call(NumpyParser p, Token t) throws SyntaxError {
        String name = t.text();
        if (name.equals("np")) {
            p.expectOp(".", "after np");
            Token attr = p.takeToken();
            if (attr.type() != Token.Type.NAME) {
                throw new SyntaxError(attr.column(), "expected a numpy function after 'np.'");
            }
            name = "np." + attr.text();
        }
        Token open = p.peekToken();
        if (!open.is("(")) {
            throw new SyntaxError(t.column(), "'" + name + "' must be called; supported functions: " + SUPPORTED);
        }
        p.takeToken();
        Token fn = new Token(Token.Type.NAME, name, t.column());
        return p.located(switch (name) {
            case "np.dot", "np.matmul" -> {
                List<MExpr> a = p.args(fn, 2).positional();
                yield new MExpr.MatMul(a.get(0), a.get(1));
            }
            case "np.multiply" -> binary(p, fn, BinOp.MUL);
            case "np.divide" -> binary(p, fn, BinOp.DIV);
            case "np.add" -> binary(p, fn, BinOp.ADD);
            case "np.subtract" -> binary(p, fn, BinOp.SUB);
            case "np.power" -> {
                List<MExpr> a = p.args(fn, 2).positional();
                if (!(a.get(1) instanceof MExpr.Num n) || Math.abs(n.value()) > 64) {
                    throw new SyntaxError(t.column(), "np.power takes a constant exponent between -64 and 64");
                }
                yield new MExpr.Pow(a.get(0), n.value());
            }
            case "np.square" -> new MExpr.Pow(one(p, fn), 2);
            case "np.exp" -> new MExpr.Apply(Fn.EXP, one(p, fn));
            case "np.log" -> new MExpr.Apply(Fn.LOG, one(p, fn));
            case "np.tanh" -> new MExpr.Apply(Fn.TANH, one(p, fn));
            case "np.sqrt" -> new MExpr.Apply(Fn.SQRT, one(p, fn));
            case "sigmoid" -> new MExpr.Apply(Fn.SIGMOID, one(p, fn));
            case "relu" -> new MExpr.Apply(Fn.RELU, one(p, fn));
            case "np.transpose" -> new MExpr.Transpose(one(p, fn));
            case "np.int64", "np.float64" -> {
                MExpr a = one(p, fn);
                if (!(a instanceof MExpr.Compare)) {
                    throw new SyntaxError(t.column(), name + " is supported only around a comparison, as a mask: "
                            + name + "(A > 0)");
                }
                yield a;
            }
            case "np.maximum" -> {
                List<MExpr> a = p.args(fn, 2).positional();
                boolean zeroFirst = isZero(a.get(0));
                if (!zeroFirst && !isZero(a.get(1))) {
                    throw new SyntaxError(t.column(), "np.maximum is supported only against 0, as relu: np.maximum(0, Z)");
                }
                yield new MExpr.Apply(Fn.RELU, zeroFirst ? a.get(1) : a.get(0));
            }
            case "np.sum", "np.mean" -> {
                NumpyParser.Args a = p.args(fn, 1);
                yield new MExpr.Reduce(name.equals("np.sum") ? ReduceOp.SUM : ReduceOp.MEAN, a.positional().get(0),
                        a.axis(), a.keepdims());
            }
            case "softmax", "log_softmax" -> {
                NumpyParser.Args a = p.args(fn, 1);
                if (a.axis() == MExpr.Reduce.ALL || a.keepdims()) {
                    throw new SyntaxError(t.column(), name + " needs the axis it normalises along: " + name
                            + "(Z, axis=0) for columns of scores, axis=1 for rows");
                }
                yield new MExpr.Softmax(a.positional().get(0), a.axis(), name.equals("log_softmax"));
            }
            default -> throw new SyntaxError(t.column(), "unsupported function '" + name + "'; supported: " + SUPPORTED);
        }, t.column());
    }

    private static MExpr one(NumpyParser p, Token fn) throws SyntaxError {
        NumpyParser.Args a = p.args(fn, 1);
        if (a.axis() != MExpr.Reduce.ALL || a.keepdims()) {
            throw new SyntaxError(fn.column(), fn.text() + " takes no axis or keepdims");
        }
        return a.positional().get(0);
    }

    private static MExpr binary(NumpyParser p, Token fn, BinOp op) throws SyntaxError {
        List<MExpr> a = p.args(fn, 2).positional();
        return new Bin(op, a.get(0), a.get(1));
    }

    private static boolean isZero(MExpr e) {
        return e instanceof MExpr.Num n && n.value() == 0;
    }
}
