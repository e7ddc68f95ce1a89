package org.gradaudit.expr;

import java.util.ArrayList;
import java.util.List;
import org.gradaudit.expr.Expr.Op;

/**
 * Reads one formula. The grammar, loosest binding first:
 * <pre>
 *   compare = sum ((">" | ">=" | "<" | "<=") sum)?     -- 1 where it holds, else 0: a mask, as ReLU backprop writes it
 *   sum     = product (("+" | "-") product)*
 *   product = unary (("*" | "/") unary | unary)*      -- juxtaposition multiplies: 2x, y ln(a2), a2(1 - a2)
 *   unary   = ("-" | "+") unary | power
 *   power   = primary ("^" exponent | superscript+)?   -- right-associative; "**" means "^"; a2² is a2^2
 *   exponent = ("-" | "+") exponent | power
 *   primary = number | name | function "(" sum ("," sum)* ")" | "(" compare ")" | "d" quantity "/d" quantity
 * </pre>
 * A name followed directly by a parenthesis multiplies when the scope says it is a quantity
 * ({@code a2(1 - a2)}) or names a quantity's gradient ({@code dh1(1 - h1^2)}); otherwise it is a call, and whether the function exists is for the caller
 * to judge. Nesting deeper than {@link #MAX_DEPTH} is refused, so hostile input cannot exhaust the stack.
 */
public final class ExprParser {
    /** Deepest nesting of parentheses and operators accepted. */
    public static final int MAX_DEPTH = 200;

    private final ExprCursor in;
    private final String text;
    private final Scope scope;
    private final List<NameRef> names = new ArrayList<>();
    private int depth;

    private ExprParser(String text, Scope scope, int firstColumn) {
        this.in = new ExprCursor(text, firstColumn);
        this.text = text;
        this.scope = scope;
    }

    /** The result of parsing: the expression and every name occurrence in it. */
    public record Parsed(Expr expr, List<NameRef> names) {
        public Parsed {
            names = List.copyOf(names);
        }
    }

    /**
     * Parses the whole of {@code text} as one formula.
     *
     * @throws ExprSyntaxException with the offset of the first problem
     */
    public static Parsed parse(String text, Scope scope) throws ExprSyntaxException {
        return parse(text, scope, 1);
    }

    /**
     * Parses the whole of {@code text}, which starts at column {@code firstColumn} of its line: a
     * message that names another position ("the '(' at column 12") counts within the line.
     *
     * @throws ExprSyntaxException with the offset of the first problem
     */
    public static Parsed parse(String text, Scope scope, int firstColumn) throws ExprSyntaxException {
        ExprParser p = new ExprParser(text, scope, firstColumn);
        Expr e = p.compare();
        p.in.skipSpace();
        if (p.in.pos < text.length()) {
            char c = text.charAt(p.in.pos);
            throw new ExprSyntaxException(p.in.pos, c == ')'
                    ? "unbalanced ')': no '(' is open here"
                    : "unexpected " + Pasted.describe(text.codePointAt(p.in.pos)) + " after a complete formula");
        }
        return new Parsed(e, p.names);
    }

    /**
     * A comparison is a number, 1 where it holds and 0 elsewhere, written with {@code step} (1 for a
     * positive argument, else 0) so that its kink rules hold: {@code z > 0} is {@code step(z)},
     * {@code z >= 0} is {@code 1 - step(-z)}.
     */
    private Expr compare() throws ExprSyntaxException {
        Expr left = sum();
        in.skipSpace();
        if (in.pos >= text.length() || (text.charAt(in.pos) != '>' && text.charAt(in.pos) != '<')) {
            return left;
        }
        boolean greater = text.charAt(in.pos) == '>';
        boolean orEqual = in.pos + 1 < text.length() && text.charAt(in.pos + 1) == '=';
        in.pos += orEqual ? 2 : 1;
        Expr right = sum();
        Expr positive = greater ? difference(left, right) : difference(right, left);
        // a >= b holds where b - a is not positive; a <= b where a - b is not
        return orEqual ? Expr.sub(Expr.num(1), Expr.call("step", greater ? difference(right, left)
                : difference(left, right))) : Expr.call("step", positive);
    }

    private static Expr difference(Expr a, Expr b) {
        if (b.equals(new Expr.Num(0))) {
            return a;
        }
        return a.equals(new Expr.Num(0)) ? Expr.neg(b) : Expr.sub(a, b);
    }

    private Expr sum() throws ExprSyntaxException {
        enter();
        Expr e = product();
        while (true) {
            in.skipSpace();
            if (in.peekOp('+')) {
                in.pos++;
                e = new Expr.Bin(Op.ADD, e, product());
            } else if (in.peekOp('-')) {
                in.pos++;
                e = new Expr.Bin(Op.SUB, e, product());
            } else {
                depth--;
                return e;
            }
        }
    }

    private Expr product() throws ExprSyntaxException {
        Expr e = unary();
        while (true) {
            in.skipSpace();
            if (in.peekTimes()) {
                in.pos++;
                e = new Expr.Bin(Op.MUL, e, unary());
            } else if (in.peekOp('/')) {
                in.pos++;
                e = new Expr.Bin(Op.DIV, e, unary());
            } else if (in.startsPrimary()) {
                e = new Expr.Bin(Op.MUL, e, unary());
            } else {
                return e;
            }
        }
    }

    private Expr unary() throws ExprSyntaxException {
        in.skipSpace();
        if (in.peekOp('-')) {
            in.pos++;
            enter();
            Expr e = new Expr.Neg(unary());
            depth--;
            return e;
        }
        if (in.peekOp('+')) {
            in.pos++;
            return unary();
        }
        return power();
    }

    private Expr power() throws ExprSyntaxException {
        Expr base = primary();
        if (in.pos < text.length() && Pasted.superscriptDigit(text.charAt(in.pos)) >= 0) {
            int exponent = 0;
            while (in.pos < text.length() && Pasted.superscriptDigit(text.charAt(in.pos)) >= 0) {
                exponent = Math.min(10 * exponent + Pasted.superscriptDigit(text.charAt(in.pos++)), 1_000_000);
            }
            return new Expr.Bin(Op.POW, base, new Expr.Num(exponent));
        }
        in.skipSpace();
        if (in.peekPow()) {
            in.pos += text.charAt(in.pos) == '^' ? 1 : 2;
            enter();
            Expr e = new Expr.Bin(Op.POW, base, exponent());
            depth--;
            return e;
        }
        return base;
    }

    private Expr exponent() throws ExprSyntaxException {
        in.skipSpace();
        if (in.peekOp('-')) {
            in.pos++;
            enter();
            Expr e = new Expr.Neg(exponent());
            depth--;
            return e;
        }
        if (in.peekOp('+')) {
            in.pos++;
            return exponent();
        }
        return power();
    }

    private Expr primary() throws ExprSyntaxException {
        in.skipSpace();
        if (in.pos >= text.length()) {
            throw new ExprSyntaxException(in.pos, "formula ends where a number, a name or '(' is expected");
        }
        char c = text.charAt(in.pos);
        if (c == '(') {
            int open = in.pos++;
            Expr e = compare();
            in.expectClose(open);
            return e;
        }
        if (ExprCursor.isDigit(c) || (c == '.' && in.pos + 1 < text.length() && ExprCursor.isDigit(text.charAt(in.pos + 1)))) {
            return in.number();
        }
        if (Names.isStart(c)) {
            return named();
        }
        if (c == ')') {
            throw new ExprSyntaxException(in.pos, "unbalanced ')': no '(' is open here");
        }
        if (c == '[' || c == ']' || c == '{' || c == '}') {
            throw new ExprSyntaxException(in.pos, "'" + c + "' is not part of the formula syntax; group with '(' and ')'");
        }
        throw new ExprSyntaxException(in.pos, "unexpected " + Pasted.describe(text.codePointAt(in.pos))
                + " where a number, a name or '(' is expected");
    }

    private Expr named() throws ExprSyntaxException {
        int start = in.pos;
        String name = in.word();
        Expr leibniz = leibniz(start, name);
        if (leibniz != null) {
            return leibniz;
        }
        boolean paren = in.pos < text.length() && text.charAt(in.pos) == '(';
        names.add(new NameRef(name, start, paren));
        if (paren && (scope.isFunction(name) || !(scope.isQuantity(name) || isGradientName(name)))) {
            int open = in.pos++;
            List<Expr> args = new ArrayList<>();
            args.add(sum());
            in.skipSpace();
            while (in.pos < text.length() && text.charAt(in.pos) == ',') {
                in.pos++;
                args.add(sum());
                in.skipSpace();
            }
            in.expectClose(open);
            return new Expr.Call(scope.function(name), args);
        }
        return new Expr.Var(name);
    }

    /** {@code dX} for a quantity X: a gradient's name, which multiplies a parenthesis after it ({@code dh1(1 - h1^2)}). */
    private boolean isGradientName(String name) {
        return name.length() > 1 && name.charAt(0) == 'd' && scope.isQuantity(name.substring(1));
    }

    /** {@code dA/dB} written without spaces, where A and B are both quantities; null otherwise. */
    private Expr leibniz(int start, String first) {
        if (first.length() < 2 || first.charAt(0) != 'd' || !scope.isQuantity(first.substring(1))) {
            return null;
        }
        int slash = in.pos;
        if (slash + 2 >= text.length() || text.charAt(slash) != '/' || text.charAt(slash + 1) != 'd') {
            return null;
        }
        int end = slash + 2;
        while (end < text.length() && Names.isPart(text.charAt(end))) {
            end++;
        }
        String wrt = text.substring(slash + 2, end);
        if (!Names.isName(wrt) || !scope.isQuantity(wrt)) {
            return null;
        }
        in.pos = end;
        names.add(new NameRef(first.substring(1), start + 1, false));
        names.add(new NameRef(wrt, slash + 2, false));
        return new Expr.Deriv(first.substring(1), wrt);
    }

    private void enter() throws ExprSyntaxException {
        if (++depth > MAX_DEPTH) {
            throw new ExprSyntaxException(in.pos, "formula nested more than " + MAX_DEPTH + " levels deep");
        }
    }
}
