package org.gradaudit.matrix.parse;

import java.util.ArrayList;
import java.util.List;
import org.gradaudit.matrix.expr.Dim;
import org.gradaudit.matrix.expr.MExpr;
import org.gradaudit.matrix.expr.MExpr.Bin;
import org.gradaudit.matrix.expr.MExpr.BinOp;
import org.gradaudit.matrix.expr.MExpr.Fn;
import org.gradaudit.matrix.expr.MExpr.ReduceOp;
import org.gradaudit.matrix.expr.Shape;

/** The function calls of the numpy subset: {@code np.dot(A, B)}, {@code sigmoid(Z)}, ... (see {@link NumpyParser}). */
final class Calls {
    private static final String SUPPORTED = "np.dot, np.matmul, np.multiply, np.divide, np.add, np.subtract, np.power,"
            + " np.square, np.exp, np.log, np.tanh, np.sqrt, np.transpose, np.maximum(0, A), np.sum, np.mean, np.int64,"
            + " np.float64, np.ones(shape), np.zeros(shape), sigmoid, relu, softmax(A, axis=k), log_softmax(A, axis=k)";

    private Calls() {
    }

    /** A call whose name token {@code t} was just taken (for {@code np}, the attribute follows). */
    static MExpr call(NumpyParser p, Token t) throws SyntaxError {
        String name = t.text();
        if (name.equals("np")) {
            p.in.expect(".", "after np");
            Token attr = p.in.take();
            if (attr.type() != Token.Type.NAME) {
                throw new SyntaxError(attr.column(), "expected a numpy function after 'np.'");
            }
            name = "np." + attr.text();
        }
        Token open = p.in.peek();
        if (!open.is("(")) {
            throw new SyntaxError(t.column(), "'" + name + "' must be called; supported functions: " + SUPPORTED);
        }
        p.in.take();
        Token fn = new Token(Token.Type.NAME, name, t.column());
        if (p.macros().isFunction(name)) {
            Macros.Function f = p.macros().function(name);
            NumpyParser.Args a = p.args(fn, f.parameters().size());
            if (a.axis() != MExpr.Reduce.ALL || a.keepdims()) {
                throw new SyntaxError(t.column(), name + " takes no axis or keepdims");
            }
            return p.macros().call(f, a.positional(), p.budget(), t.column());
        }
        if (p.macros().declares(name)) {
            throw new SyntaxError(t.column(), p.macros().notYet(name));
        }
        return p.at(switch (name) {
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
            case "np.ones", "np.zeros" -> {
                Shape shape = shape(p, fn);
                yield name.equals("np.ones") ? new MExpr.Broadcast(new MExpr.Num(1), shape) : new MExpr.Zeros(shape);
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

    /** The shape argument of np.ones and np.zeros, {@code ((N, D))}, {@code ((n,))} or {@code (n)}, and the closing parenthesis. */
    private static Shape shape(NumpyParser p, Token fn) throws SyntaxError {
        boolean tuple = p.in.peek().is("(");
        if (tuple) {
            p.in.take();
        }
        List<Dim> dims = new ArrayList<>();
        boolean trailingComma = false;
        while (!(tuple && p.in.peek().is(")"))) {
            Token t = p.in.take();
            if (t.type() == Token.Type.NAME && p.dims().contains(t.text())) {
                dims.add(new Dim.Sym(t.text()));
            } else if (t.type() == Token.Type.NUMBER && t.text().matches("[0-9]{1,2}")
                    && Integer.parseInt(t.text()) >= 1 && Integer.parseInt(t.text()) <= Declarations.MAX_FIXED) {
                dims.add(new Dim.Fixed(Integer.parseInt(t.text())));
            } else {
                throw new SyntaxError(t.column(), fn.text() + " takes a shape of declared dimensions and integers 1 to "
                        + Declarations.MAX_FIXED + ", such as " + fn.text() + "((N, D)); found "
                        + (t.type() == Token.Type.END ? "the end of the formula" : "'" + t.text() + "'"));
            }
            trailingComma = false;
            if (!tuple) {
                break;
            }
            if (p.in.peek().is(",")) {
                p.in.take();
                trailingComma = true;
            } else if (!p.in.peek().is(")")) {
                throw new SyntaxError(p.in.peek().column(), "expected ',' or ')' in the shape of " + fn.text());
            }
        }
        if (tuple) {
            p.in.expect(")", "to close the shape of " + fn.text());
            if (dims.size() == 1 && !trailingComma) {
                throw new SyntaxError(fn.column(), "(" + dims.get(0) + ") is not a shape in numpy; write (" + dims.get(0)
                        + ",) for a rank-1 array or (" + dims.get(0) + ", 1) for a column");
            }
        }
        if (dims.size() > 2) {
            throw new SyntaxError(fn.column(), fn.text() + " of rank " + dims.size() + "; vectorized files support"
                    + " scalars, rank-1 arrays (n,) and matrices (rows, cols)");
        }
        p.in.expect(")", "to close the arguments of " + fn.text());
        return new Shape(dims);
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
