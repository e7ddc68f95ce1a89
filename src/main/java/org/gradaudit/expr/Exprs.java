package org.gradaudit.expr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.gradaudit.expr.Expr.Bin;
import org.gradaudit.expr.Expr.Call;
import org.gradaudit.expr.Expr.Deriv;
import org.gradaudit.expr.Expr.Neg;
import org.gradaudit.expr.Expr.Var;

/** Walks and rewrites over expressions. */
public final class Exprs {
    private Exprs() {
    }

    /** The names used, in first-occurrence order (not function names, not Leibniz atoms). */
    public static Set<String> variables(Expr e) {
        Set<String> out = new LinkedHashSet<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, Set<String> out) {
        if (e instanceof Var v) {
            out.add(v.name());
        } else if (e instanceof Neg n) {
            collect(n.arg(), out);
        } else if (e instanceof Bin b) {
            collect(b.left(), out);
            collect(b.right(), out);
        } else if (e instanceof Call c) {
            c.args().forEach(a -> collect(a, out));
        }
    }

    /** The Leibniz atoms used, in first-occurrence order. */
    public static List<Deriv> derivatives(Expr e) {
        List<Deriv> out = new ArrayList<>();
        map(e, x -> {
            if (x instanceof Deriv d && !out.contains(d)) {
                out.add(d);
            }
            return x;
        });
        return out;
    }

    /** Replaces each variable named in {@code values} by its expression, everywhere. */
    public static Expr substitute(Expr e, Map<String, ? extends Expr> values) {
        return map(e, x -> x instanceof Var v && values.containsKey(v.name()) ? values.get(v.name()) : x);
    }

    /** Replaces each Leibniz atom found in {@code values}. */
    public static Expr substituteDerivatives(Expr e, Map<Deriv, ? extends Expr> values) {
        return map(e, x -> x instanceof Deriv d && values.containsKey(d) ? values.get(d) : x);
    }

    /**
     * Replaces each subtree equal to a key of {@code subtrees} by its value, outermost first: a
     * replaced subtree is not looked into again.
     */
    public static Expr replace(Expr e, Map<? extends Expr, ? extends Expr> subtrees) {
        Expr direct = subtrees.get(e);
        if (direct != null || subtrees.isEmpty()) {
            return direct != null ? direct : e;
        }
        if (e instanceof Neg n) {
            return new Neg(replace(n.arg(), subtrees));
        }
        if (e instanceof Bin b) {
            return new Bin(b.op(), replace(b.left(), subtrees), replace(b.right(), subtrees));
        }
        if (e instanceof Call c) {
            List<Expr> args = new ArrayList<>();
            c.args().forEach(a -> args.add(replace(a, subtrees)));
            return new Call(c.fn(), args);
        }
        return e;
    }

    /**
     * Rebuilds the tree bottom-up, applying {@code f} to each node after its children have been
     * rebuilt. A node none of whose children changed (by identity) is passed to {@code f} as it is,
     * not as a copy: the result is equal either way, and a large tree with a small change (as the
     * diagnoser makes by the thousand) is not copied whole.
     */
    public static Expr map(Expr e, UnaryOperator<Expr> f) {
        Expr rebuilt = e;
        if (e instanceof Neg n) {
            Expr arg = map(n.arg(), f);
            if (arg != n.arg()) {
                rebuilt = new Neg(arg);
            }
        } else if (e instanceof Bin b) {
            Expr left = map(b.left(), f);
            Expr right = map(b.right(), f);
            if (left != b.left() || right != b.right()) {
                rebuilt = new Bin(b.op(), left, right);
            }
        } else if (e instanceof Call c) {
            List<Expr> args = null;
            for (int i = 0; i < c.args().size(); i++) {
                Expr a = map(c.args().get(i), f);
                if (args == null && a != c.args().get(i)) {
                    args = new ArrayList<>(c.args().subList(0, i));
                }
                if (args != null) {
                    args.add(a);
                }
            }
            if (args != null) {
                rebuilt = new Call(c.fn(), args);
            }
        }
        return f.apply(rebuilt);
    }

    /** The name of the partial-derivative call {@code d(formula, v)}, written {@code d(formula)/dv}. */
    public static final String PARTIAL = "d";

    /** Whether {@code c} is {@code d(formula, v)}: the partial derivative of a formula, as a claim may write it. */
    public static boolean isPartial(Call c) {
        return c.fn().equals(PARTIAL) && c.args().size() == 2 && c.args().get(1) instanceof Var;
    }

    /** The direct subexpressions of {@code e}: a negation's argument, both operands, a call's arguments. */
    public static List<Expr> children(Expr e) {
        if (e instanceof Neg n) {
            return List.of(n.arg());
        }
        if (e instanceof Bin b) {
            return List.of(b.left(), b.right());
        }
        if (e instanceof Call c) {
            return c.args();
        }
        return List.of();
    }

    /**
     * Whether the tree has no name and no Leibniz atom in it (a number, or arithmetic and calls on
     * numbers): {@code variables(e).isEmpty() && derivatives(e).isEmpty()}, without building either.
     */
    public static boolean isConstant(Expr e) {
        if (e instanceof Var || e instanceof Deriv) {
            return false;
        }
        if (e instanceof Neg n) {
            return isConstant(n.arg());
        }
        if (e instanceof Bin b) {
            return isConstant(b.left()) && isConstant(b.right());
        }
        if (e instanceof Call c) {
            for (Expr a : c.args()) {
                if (!isConstant(a)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Number of nodes in the tree. */
    public static int size(Expr e) {
        if (e instanceof Neg n) {
            return 1 + size(n.arg());
        }
        if (e instanceof Bin b) {
            return 1 + size(b.left()) + size(b.right());
        }
        if (e instanceof Call c) {
            int s = 1;
            for (Expr a : c.args()) {
                s += size(a);
            }
            return s;
        }
        return 1;
    }

    /**
     * The factors of a product chain, left to right: {@code a*b*c}, which parses as {@code (a*b)*c},
     * gives a, b, c (in a new list); an expression that is not a product is its own one factor.
     */
    public static List<Expr> productFactors(Expr e) {
        List<Expr> out = new ArrayList<>();
        flatten(e, out);
        return out;
    }

    private static void flatten(Expr e, List<Expr> out) {
        if (e instanceof Bin b && b.op() == Expr.Op.MUL) {
            flatten(b.left(), out);
            flatten(b.right(), out);
        } else {
            out.add(e);
        }
    }

    /** The product of {@code factors} as a chain, left to right ({@code (a*b)*c}); null for none. */
    public static Expr product(List<Expr> factors) {
        Expr p = null;
        for (Expr f : factors) {
            p = p == null ? f : Expr.mul(p, f);
        }
        return p;
    }

    /** Every subtree, parents before children (pre-order). */
    public static List<Expr> subtrees(Expr e) {
        List<Expr> out = new ArrayList<>();
        walk(e, out);
        return out;
    }

    private static void walk(Expr e, List<Expr> out) {
        out.add(e);
        if (e instanceof Neg n) {
            walk(n.arg(), out);
        } else if (e instanceof Bin b) {
            walk(b.left(), out);
            walk(b.right(), out);
        } else if (e instanceof Call c) {
            c.args().forEach(a -> walk(a, out));
        }
    }

    /**
     * Every tree obtained by replacing exactly one subtree (by identity of position, pre-order) with
     * what {@code replace} proposes for it; a proposal of null means no replacement there.
     */
    public static List<Expr> variants(Expr e, java.util.function.Function<Expr, List<Expr>> replace) {
        List<Expr> out = new ArrayList<>();
        for (Expr r : replace.apply(e)) {
            out.add(r);
        }
        if (e instanceof Neg n) {
            for (Expr v : variants(n.arg(), replace)) {
                out.add(new Neg(v));
            }
        } else if (e instanceof Bin b) {
            for (Expr v : variants(b.left(), replace)) {
                out.add(new Bin(b.op(), v, b.right()));
            }
            for (Expr v : variants(b.right(), replace)) {
                out.add(new Bin(b.op(), b.left(), v));
            }
        } else if (e instanceof Call c) {
            for (int i = 0; i < c.args().size(); i++) {
                for (Expr v : variants(c.args().get(i), replace)) {
                    List<Expr> args = new ArrayList<>(c.args());
                    args.set(i, v);
                    out.add(new Call(c.fn(), args));
                }
            }
        }
        return out;
    }
}
