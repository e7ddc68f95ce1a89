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

    private final String text;
    private final Scope scope;
    /** The column of the text's first character in the line it comes from, for messages that name another column. */
    private final int firstColumn;
    private final List<NameRef> names = new ArrayList<>();
    private int pos;
    private int depth;

    private ExprParser(String text, Scope scope, int firstColumn) {
        this.text = text;
        this.scope = scope;
        this.firstColumn = firstColumn;
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
        p.skipSpace();
        if (p.pos < text.length()) {
            char c = text.charAt(p.pos);
            throw new ExprSyntaxException(p.pos, c == ')'
                    ? "unbalanced ')': no '(' is open here"
                    : "unexpected " + Pasted.describe(text.codePointAt(p.pos)) + " after a complete formula");
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
        skipSpace();
        if (pos >= text.length() || (text.charAt(pos) != '>' && text.charAt(pos) != '<')) {
            return left;
        }
        boolean greater = text.charAt(pos) == '>';
        boolean orEqual = pos + 1 < text.length() && text.charAt(pos + 1) == '=';
        pos += orEqual ? 2 : 1;
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
            skipSpace();
            if (peekOp('+')) {
                pos++;
                e = new Expr.Bin(Op.ADD, e, product());
            } else if (peekOp('-')) {
                pos++;
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
            skipSpace();
            if (peekTimes()) {
                pos++;
                e = new Expr.Bin(Op.MUL, e, unary());
            } else if (peekOp('/')) {
                pos++;
                e = new Expr.Bin(Op.DIV, e, unary());
            } else if (startsPrimary()) {
                e = new Expr.Bin(Op.MUL, e, unary());
            } else {
                return e;
            }
        }
    }

    private Expr unary() throws ExprSyntaxException {
        skipSpace();
        if (peekOp('-')) {
            pos++;
            enter();
            Expr e = new Expr.Neg(unary());
            depth--;
            return e;
        }
        if (peekOp('+')) {
            pos++;
            return unary();
        }
        return power();
    }

    private Expr power() throws ExprSyntaxException {
        Expr base = primary();
        if (pos < text.length() && Pasted.superscriptDigit(text.charAt(pos)) >= 0) {
            int exponent = 0;
            while (pos < text.length() && Pasted.superscriptDigit(text.charAt(pos)) >= 0) {
                exponent = Math.min(10 * exponent + Pasted.superscriptDigit(text.charAt(pos++)), 1_000_000);
            }
            return new Expr.Bin(Op.POW, base, new Expr.Num(exponent));
        }
        skipSpace();
        if (peekPow()) {
            pos += text.charAt(pos) == '^' ? 1 : 2;
            enter();
            Expr e = new Expr.Bin(Op.POW, base, exponent());
            depth--;
            return e;
        }
        return base;
    }

    private Expr exponent() throws ExprSyntaxException {
        skipSpace();
        if (peekOp('-')) {
            pos++;
            enter();
            Expr e = new Expr.Neg(exponent());
            depth--;
            return e;
        }
        if (peekOp('+')) {
            pos++;
            return exponent();
        }
        return power();
    }

    private Expr primary() throws ExprSyntaxException {
        skipSpace();
        if (pos >= text.length()) {
            throw new ExprSyntaxException(pos, "formula ends where a number, a name or '(' is expected");
        }
        char c = text.charAt(pos);
        if (c == '(') {
            int open = pos++;
            Expr e = compare();
            expectClose(open);
            return e;
        }
        if (isDigit(c) || (c == '.' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)))) {
            return number();
        }
        if (Names.isStart(c)) {
            return named();
        }
        if (c == ')') {
            throw new ExprSyntaxException(pos, "unbalanced ')': no '(' is open here");
        }
        if (c == '[' || c == ']' || c == '{' || c == '}') {
            throw new ExprSyntaxException(pos, "'" + c + "' is not part of the formula syntax; group with '(' and ')'");
        }
        throw new ExprSyntaxException(pos, "unexpected " + Pasted.describe(text.codePointAt(pos))
                + " where a number, a name or '(' is expected");
    }

    private Expr named() throws ExprSyntaxException {
        int start = pos;
        String name = word();
        Expr leibniz = leibniz(start, name);
        if (leibniz != null) {
            return leibniz;
        }
        boolean paren = pos < text.length() && text.charAt(pos) == '(';
        names.add(new NameRef(name, start, paren));
        if (paren && (scope.isFunction(name) || !(scope.isQuantity(name) || isGradientName(name)))) {
            int open = pos++;
            List<Expr> args = new ArrayList<>();
            args.add(sum());
            skipSpace();
            while (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
                args.add(sum());
                skipSpace();
            }
            expectClose(open);
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
        int slash = pos;
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
        pos = end;
        names.add(new NameRef(first.substring(1), start + 1, false));
        names.add(new NameRef(wrt, slash + 2, false));
        return new Expr.Deriv(first.substring(1), wrt);
    }

    private String word() throws ExprSyntaxException {
        int start = pos;
        while (pos < text.length() && Names.isPart(text.charAt(pos))) {
            pos++;
        }
        String w = text.substring(start, pos);
        if (w.length() > Names.MAX_LENGTH) {
            throw new ExprSyntaxException(start, "name longer than " + Names.MAX_LENGTH + " characters");
        }
        return w;
    }

    private Expr number() throws ExprSyntaxException {
        int start = pos;
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int mark = pos + 1;
            if (mark < text.length() && (text.charAt(mark) == '+' || text.charAt(mark) == '-')) {
                mark++;
            }
            if (mark < text.length() && isDigit(text.charAt(mark))) {
                pos = mark;
                while (pos < text.length() && isDigit(text.charAt(pos))) {
                    pos++;
                }
            }
        }
        double v = Double.parseDouble(text.substring(start, pos));
        if (!Double.isFinite(v)) {
            throw new ExprSyntaxException(start, "number too large: " + text.substring(start, pos));
        }
        return new Expr.Num(v);
    }

    private void expectClose(int open) throws ExprSyntaxException {
        skipSpace();
        if (pos >= text.length()) {
            throw new ExprSyntaxException(open, "unbalanced '(': it is never closed");
        }
        if (text.charAt(pos) != ')') {
            throw new ExprSyntaxException(pos, "expected ')' to close the '(' at column " + (firstColumn + open)
                    + ", found " + Pasted.describe(text.codePointAt(pos)));
        }
        pos++;
    }

    private void enter() throws ExprSyntaxException {
        if (++depth > MAX_DEPTH) {
            throw new ExprSyntaxException(pos, "formula nested more than " + MAX_DEPTH + " levels deep");
        }
    }

    private boolean startsPrimary() {
        if (pos >= text.length()) {
            return false;
        }
        char c = text.charAt(pos);
        return c == '(' || isDigit(c) || Names.isStart(c);
    }

    private boolean peekOp(char op) {
        if (pos >= text.length()) {
            return false;
        }
        char c = text.charAt(pos);
        return c == op || (op == '-' && c == '\u2212');
    }

    private boolean peekTimes() {
        if (pos >= text.length()) {
            return false;
        }
        char c = text.charAt(pos);
        if (c == '*') {
            return !(pos + 1 < text.length() && text.charAt(pos + 1) == '*');
        }
        return c == '\u00d7' || c == '\u00b7';
    }

    private boolean peekPow() {
        if (pos >= text.length()) {
            return false;
        }
        return text.charAt(pos) == '^' || text.startsWith("**", pos);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
