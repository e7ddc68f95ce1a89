package org.gradaudit.matrix.parse;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gradaudit.matrix.expr.MExpr;
import org.gradaudit.matrix.expr.MExpr.Bin;
import org.gradaudit.matrix.expr.MExpr.BinOp;
import org.gradaudit.matrix.expr.MExpr.CmpOp;
import org.gradaudit.matrix.expr.MExpr.Reduce;
import org.gradaudit.matrix.expr.MExpr.ReduceOp;

/**
 * The numpy subset a vectorized derivation's formulas are written in, read into {@link MExpr}.
 *
 * <pre>
 * formula  := sum [ ('&gt;' | '&gt;=' | '&lt;' | '&lt;=') sum ]           a 0/1 mask
 * sum      := product (('+' | '-') product)*
 * product  := unary (('*' | '/' | '@') unary)*
 * unary    := ('-' | '+') unary | power
 * power    := postfix ['**' unary]                              constant exponents only
 * postfix  := atom ('.T' | '.dot(' formula ')' | '.transpose()' | '.sum(' kw ')' | '.mean(' kw ')')*
 * atom     := number | name | dL/dX | '(' formula ')' | call
 * call     := np.dot | np.matmul | np.multiply | np.divide | np.add | np.subtract | np.power | np.square
 *           | np.exp | np.log | np.tanh | np.sqrt | np.transpose | np.maximum(0, A) | np.sum | np.mean
 *           | np.int64 | np.float64 | sigmoid | relu | softmax(A, axis=k) | log_softmax(A, axis=k)
 * </pre>
 * Names are dimensions (read as numbers), quantities, or gradient names; anything else is refused
 * with its column and a hint. Nesting is bounded.
 */
final class NumpyParser {
    /** Deepest nesting of a formula. */
    static final int MAX_DEPTH = 200;

    /** The formula's tokens, read by this parser and by {@link Calls} and {@link Arguments}. */
    final Tokens in;
    private final Vocabulary vocabulary;
    private final Map<MExpr, Integer> columns;
    private final Macros.Budget budget;
    private int depth;

    private NumpyParser(List<Token> tokens, Vocabulary vocabulary, Map<MExpr, Integer> columns) {
        this.in = new Tokens(tokens);
        this.vocabulary = vocabulary;
        this.columns = columns;
        this.budget = new Macros.Budget(columns);
    }

    /**
     * Parses one formula.
     *
     * @param offset the column of the text's first character, minus one
     * @param columns receives the column of every node, by identity
     * @throws SyntaxError with the column of the first token outside the subset
     */
    static MExpr parse(String text, int offset, Vocabulary vocabulary, IdentityHashMap<MExpr, Integer> columns)
            throws SyntaxError {
        NumpyParser p = new NumpyParser(Lexer.lex(text, offset, vocabulary.loss(), vocabulary.quantities()), vocabulary,
                columns);
        MExpr e = p.formula();
        Token t = p.in.peek();
        if (t.type() != Token.Type.END) {
            throw new SyntaxError(t.column(), "unexpected '" + t.text() + "' after a complete formula");
        }
        return e;
    }

    /** Records where {@code e} was written, by identity; the first position recorded stands. */
    <T extends MExpr> T at(T e, int column) {
        columns.putIfAbsent(e, column);
        return e;
    }

    /** {@code formula}, the grammar's start, also for the arguments of a call. */
    MExpr formula() throws SyntaxError {
        if (++depth > MAX_DEPTH) {
            throw new SyntaxError(in.peek().column(), "formula is nested more than " + MAX_DEPTH + " deep");
        }
        try {
            MExpr left = sum();
            Token t = in.peek();
            for (CmpOp op : CmpOp.values()) {
                if (t.is(op.symbol)) {
                    in.take();
                    return at(new MExpr.Compare(op, left, sum()), t.column());
                }
            }
            if (t.is("==") || t.is("!=")) {
                throw new SyntaxError(t.column(), "'" + t.text() + "' masks are not supported; use > 0, >= 0, < 0 or <= 0");
            }
            return left;
        } finally {
            depth--;
        }
    }

    private MExpr sum() throws SyntaxError {
        MExpr e = product();
        while (in.peek().is("+") || in.peek().is("-")) {
            Token t = in.take();
            e = at(new Bin(t.is("+") ? BinOp.ADD : BinOp.SUB, e, product()), t.column());
        }
        return e;
    }

    private MExpr product() throws SyntaxError {
        MExpr e = unary();
        while (in.peek().is("*") || in.peek().is("/") || in.peek().is("@")) {
            Token t = in.take();
            MExpr right = unary();
            e = at(t.is("@") ? new MExpr.MatMul(e, right) : new Bin(t.is("*") ? BinOp.MUL : BinOp.DIV, e, right),
                    t.column());
        }
        return e;
    }

    private MExpr unary() throws SyntaxError {
        Token t = in.peek();
        if (in.accept("-")) {
            MExpr a = unary();
            return at(a instanceof MExpr.Num n ? new MExpr.Num(-n.value()) : new MExpr.Neg(a), t.column());
        }
        if (in.accept("+")) {
            return unary();
        }
        if (++depth > MAX_DEPTH) {
            throw new SyntaxError(t.column(), "formula is nested more than " + MAX_DEPTH + " deep");
        }
        try {
            return power();
        } finally {
            depth--;
        }
    }

    private MExpr power() throws SyntaxError {
        MExpr base = postfix();
        Token t = in.peek();
        if (in.accept("**")) {
            return at(new MExpr.Pow(base, constantExponent(unary(), t.column())), t.column());
        }
        return base;
    }

    private static double constantExponent(MExpr e, int column) throws SyntaxError {
        if (e instanceof MExpr.Num n && Math.abs(n.value()) <= 64) {
            return n.value();
        }
        throw new SyntaxError(column, "only constant exponents between -64 and 64 are supported, found "
                + org.gradaudit.matrix.expr.MPrinter.print(e));
    }

    private MExpr postfix() throws SyntaxError {
        MExpr e = atom();
        while (in.peek().is(".")) {
            Token dot = in.take();
            Token name = in.take();
            if (name.type() != Token.Type.NAME) {
                throw new SyntaxError(name.column(), "expected an attribute after '.'");
            }
            switch (name.text()) {
                case "T" -> e = at(new MExpr.Transpose(e), dot.column());
                case "transpose" -> {
                    in.expect("(", "after transpose");
                    in.expect(")", "after transpose(");
                    e = at(new MExpr.Transpose(e), dot.column());
                }
                case "dot" -> {
                    in.expect("(", "after .dot");
                    MExpr b = formula();
                    in.expect(")", "after the argument of .dot");
                    e = at(new MExpr.MatMul(e, b), dot.column());
                }
                case "sum", "mean" -> {
                    in.expect("(", "after ." + name.text());
                    Args a = args(name, 0);
                    e = at(new Reduce(name.text().equals("sum") ? ReduceOp.SUM : ReduceOp.MEAN, e, a.axis(),
                            a.keepdims()), dot.column());
                }
                default -> throw new SyntaxError(name.column(), "unsupported attribute '." + name.text()
                        + "'; supported: .T, .transpose(), .dot(B), .sum(axis=k, keepdims=True), .mean(...)");
            }
        }
        return e;
    }

    private MExpr atom() throws SyntaxError {
        Token t = in.take();
        switch (t.type()) {
            case NUMBER -> {
                try {
                    return at(new MExpr.Num(Double.parseDouble(t.text())), t.column());
                } catch (IllegalArgumentException e) {
                    throw new SyntaxError(t.column(), "'" + t.text() + "' is not a number");
                }
            }
            case LEIBNIZ -> {
                return at(new MExpr.Adjoint(vocabulary.loss(), t.text()), t.column());
            }
            case NAME -> {
                if (in.peek().is("(") || t.text().equals("np")) {
                    return Calls.call(this, t);
                }
                if (vocabulary.quantities().contains(t.text())) { // a function's parameter shadows the file's names
                    return at(new MExpr.Ref(t.text()), t.column());
                }
                if (vocabulary.dims().contains(t.text())) {
                    return at(new MExpr.DimRef(t.text()), t.column());
                }
                if (vocabulary.macros().isAlias(t.text())) {
                    return vocabulary.macros().alias(t.text(), budget, t.column());
                }
                if (vocabulary.macros().declares(t.text())) {
                    throw new SyntaxError(t.column(), vocabulary.macros().notYet(t.text()));
                }
                if (!vocabulary.parameters().isEmpty()) {
                    throw new SyntaxError(t.column(), "unknown name '" + t.text() + "': a function's body uses only its"
                            + " parameters (" + String.join(", ", vocabulary.parameters()) + "), numbers, dimensions,"
                            + " built-in functions and the file's functions and aliases");
                }
                throw new SyntaxError(t.column(), "unknown name '" + t.text() + "': declare it with dim, input or param,"
                        + " define it, or declare a gradient name with grad");
            }
            case OP -> {
                if (t.is("(")) {
                    MExpr e = formula();
                    in.expect(")", "to close the '(' at column " + t.column());
                    return e;
                }
                throw new SyntaxError(t.column(), t.is("[") ? "indexing is not supported in a formula; masks are written"
                        + " (Z > 0), and masked assignment as 'code dZ[Z <= 0] = 0'"
                        : "unexpected '" + t.text() + "'");
            }
            default -> throw new SyntaxError(t.column(), "the formula ends too early");
        }
    }

    /** The positional arguments of a call and its {@code axis} and {@code keepdims} (see {@link Arguments}). */
    record Args(List<MExpr> positional, int axis, boolean keepdims) {
    }

    Args args(Token fn, int positionalWanted) throws SyntaxError {
        return Arguments.read(this, fn, positionalWanted);
    }

    Set<String> dims() {
        return vocabulary.dims();
    }

    Macros macros() {
        return vocabulary.macros();
    }

    Macros.Budget budget() {
        return budget;
    }
}
