package org.gradaudit.matrix.parse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gradaudit.matrix.expr.MExpr;

/**
 * The file's own functions ({@code fn sigmoid_prime(z) = sigmoid(z)*(1-sigmoid(z))}) and named
 * formulas ({@code alias s = sigmoid(Z)}), as the scalar format has them. Both are written out where
 * they are used: a call is the body with the arguments put in for the parameters, an alias its
 * formula, each a fresh copy positioned at the use, so that shapes, gradients and diagnoses see the
 * formula as if it had been written there. They are read in file order before every other
 * statement, so one may use another declared above it; what they add to one formula is bounded.
 */
final class Macros {
    /** Most nodes that written-out functions and aliases may add to one formula. */
    static final int MAX_NODES = 10_000;

    /** A function of the file: its parameters and body. */
    record Function(String name, List<String> parameters, MExpr body, int line) {
        Function {
            parameters = List.copyOf(parameters);
        }
    }

    /** A named formula. */
    record Alias(String name, MExpr formula, int line) {
    }

    /** Every name declared with fn or alias, and the line declaring it (known before any is read). */
    private final Map<String, Integer> declared = new HashMap<>();
    private final Map<String, Function> functions = new HashMap<>();
    private final Map<String, Alias> aliases = new HashMap<>();

    void declare(String name, int line) {
        declared.putIfAbsent(name, line);
    }

    boolean declares(String name) {
        return declared.containsKey(name);
    }

    void add(Function f) {
        functions.put(f.name(), f);
    }

    void add(Alias a) {
        aliases.put(a.name(), a);
    }

    boolean isFunction(String name) {
        return functions.containsKey(name);
    }

    boolean isAlias(String name) {
        return aliases.containsKey(name);
    }

    Function function(String name) {
        return functions.get(name);
    }

    /** Why a declared name cannot be used yet: it is declared further down (or its line was refused). */
    String notYet(String name) {
        return "'" + name + "' is declared at line " + declared.get(name) + " with fn or alias, after this use, or"
                + " that line was refused; functions and aliases may use only those declared above them";
    }

    /** A copy of an alias's formula. */
    MExpr alias(String name, Budget budget, int column) throws SyntaxError {
        return budget.copy(aliases.get(name).formula(), Map.of(), column);
    }

    /** The body of a function with the arguments put in for its parameters. */
    MExpr call(Function f, List<MExpr> args, Budget budget, int column) throws SyntaxError {
        Map<String, MExpr> bound = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            bound.put(f.parameters().get(i), args.get(i));
        }
        return budget.copy(f.body(), bound, column);
    }

    /** Counts the nodes written out in one formula, and records the column of every copied node. */
    static final class Budget {
        private final Map<MExpr, Integer> columns;
        private long used;

        Budget(Map<MExpr, Integer> columns) {
            this.columns = columns;
        }

        MExpr copy(MExpr body, Map<String, MExpr> bound, int column) throws SyntaxError {
            used += size(body, bound);
            if (used > MAX_NODES) {
                throw new SyntaxError(column, "the functions and aliases used here write out to more than " + MAX_NODES
                        + " nodes; gradaudit bounds what one formula may expand to");
            }
            return substitute(body, bound, column);
        }

        private static long size(MExpr e, Map<String, MExpr> bound) {
            if (e instanceof MExpr.Ref r && bound.containsKey(r.name())) {
                return size(bound.get(r.name()), Map.of());
            }
            long n = 1;
            for (MExpr c : e.children()) {
                n += size(c, bound);
                if (n > MAX_NODES) {
                    return n;
                }
            }
            return n;
        }

        /** A fresh copy (new identities, positioned at the use), with bound parameters replaced. */
        private MExpr substitute(MExpr e, Map<String, MExpr> bound, int column) {
            MExpr out;
            if (e instanceof MExpr.Ref r && bound.containsKey(r.name())) {
                return bound.get(r.name()); // the argument as written, with its own columns
            } else if (e instanceof MExpr.Num n) {
                out = new MExpr.Num(n.value());
            } else if (e instanceof MExpr.DimRef d) {
                out = new MExpr.DimRef(d.name());
            } else if (e instanceof MExpr.Ref r) {
                out = new MExpr.Ref(r.name());
            } else if (e instanceof MExpr.Adjoint a) {
                out = new MExpr.Adjoint(a.loss(), a.of());
            } else if (e.children().isEmpty()) {
                out = e; // np.zeros(shape): no position of its own is needed
            } else {
                List<MExpr> kids = new ArrayList<>();
                for (MExpr c : e.children()) {
                    kids.add(substitute(c, bound, column));
                }
                out = e.withChildren(kids);
            }
            columns.putIfAbsent(out, column);
            return out;
        }
    }
}
