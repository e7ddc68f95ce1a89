package org.gradaudit.expr;

import java.util.List;

/**
 * An immutable mathematical expression: the one expression type that every part of gradaudit
 * speaks. Names are kept exactly as the user wrote them; nothing here knows about a CAS.
 *
 * <p>Numbers are never negative: a negative constant is a {@link Neg} of a {@link Num}, so that
 * {@code parse(print(e))} gives back {@code e}.
 */
public sealed interface Expr permits Expr.Num, Expr.Var, Expr.Neg, Expr.Bin, Expr.Call, Expr.Deriv {

    /** A finite, non-negative constant. */
    record Num(double value) implements Expr {
        public Num {
            if (!Double.isFinite(value) || value < 0 || (value == 0 && 1 / value < 0)) {
                throw new IllegalArgumentException("Num must be finite and >= +0, was [" + value + "]");
            }
        }

        // equals and hashCode here and below compute what a record's own would (component by component,
        // hash = 31 * hash + component's), written out: the records' generated ones go through method
        // handles, which a cold run of the audit, comparing and hashing formulas by the thousand, pays for.
        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof Num n && Double.compare(value, n.value) == 0;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(value);
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** A name: an input, a parameter, a node of the graph, or a function's parameter. */
    record Var(String name) implements Expr {
        public Var {
            Names.checkName(name);
        }

        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof Var v && name.equals(v.name);
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Unary minus. */
    record Neg(Expr arg) implements Expr {
        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof Neg n && java.util.Objects.equals(arg, n.arg);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hashCode(arg);
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** A binary operation. */
    record Bin(Op op, Expr left, Expr right) implements Expr {
        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof Bin b && op == b.op && java.util.Objects.equals(left, b.left)
                    && java.util.Objects.equals(right, b.right);
        }

        @Override
        public int hashCode() {
            return (java.util.Objects.hashCode(op) * 31 + java.util.Objects.hashCode(left)) * 31
                    + java.util.Objects.hashCode(right);
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /** A function applied to arguments: a built-in such as {@code exp} or one the derivation defines. */
    record Call(String fn, List<Expr> args) implements Expr {
        public Call {
            Names.checkName(fn);
            args = List.copyOf(args);
        }

        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof Call c && fn.equals(c.fn) && args.equals(c.args);
        }

        @Override
        public int hashCode() {
            return fn.hashCode() * 31 + args.hashCode();
        }

        @Override
        public String toString() {
            return ExprPrinter.print(this);
        }
    }

    /**
     * A derivative written in Leibniz notation, {@code dL/da2}: the value of the derivative of the
     * quantity {@code of} with respect to {@code wrt}.
     */
    record Deriv(String of, String wrt) implements Expr {
        public Deriv {
            Names.checkName(of);
            Names.checkName(wrt);
        }

        @Override
        public boolean equals(Object o) {
            return this == o || o instanceof Deriv d && of.equals(d.of) && wrt.equals(d.wrt);
        }

        @Override
        public int hashCode() {
            return of.hashCode() * 31 + wrt.hashCode();
        }

        @Override
        public String toString() {
            return "d" + of + "/d" + wrt;
        }
    }

    /** Binary operators, with their precedence for printing and parsing. */
    enum Op {
        ADD("+", 1), SUB("-", 1), MUL("*", 2), DIV("/", 2), POW("^", 4);

        final String symbol;
        final int precedence;

        Op(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** A constant: a {@link Num}, or the {@link Neg} of one for a negative value (-0.0 included). */
    static Expr num(double v) {
        return v < 0 || (v == 0 && 1 / v < 0) ? new Neg(new Num(-v)) : new Num(v);
    }

    static Expr var(String name) {
        return new Var(name);
    }

    static Expr add(Expr a, Expr b) {
        return new Bin(Op.ADD, a, b);
    }

    static Expr sub(Expr a, Expr b) {
        return new Bin(Op.SUB, a, b);
    }

    static Expr mul(Expr a, Expr b) {
        return new Bin(Op.MUL, a, b);
    }

    static Expr div(Expr a, Expr b) {
        return new Bin(Op.DIV, a, b);
    }

    static Expr pow(Expr a, Expr b) {
        return new Bin(Op.POW, a, b);
    }

    static Expr neg(Expr a) {
        return new Neg(a);
    }

    static Expr call(String fn, Expr... args) {
        return new Call(fn, List.of(args));
    }
}
