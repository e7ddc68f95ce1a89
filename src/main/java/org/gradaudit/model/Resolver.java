package org.gradaudit.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.gradaudit.derivation.Position;
import org.gradaudit.derivation.Problem;
import org.gradaudit.derivation.Statement.Formula;
import org.gradaudit.expr.Builtins;
import org.gradaudit.expr.ConstantExponents;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Exprs;
import org.gradaudit.expr.NameRef;

/**
 * Turns a parsed formula into a graph expression: aliases become the names they stand for (user
 * functions stay calls, see {@link Functions#inline}), {@code e} and {@code pi} become constants, {@code dX} becomes
 * {@code dL/dX}. Every name that means nothing is reported with its position.
 */
final class Resolver {
    /** Largest constant exponent accepted: enough for any formula in a derivation, small enough to expand. */
    static final int MAX_EXPONENT = 64;

    private final Set<String> quantities;
    private final Map<String, String> aliases;
    private final Map<String, Functions.Definition> functions;
    private final String loss;
    private final List<Problem> problems;
    private final Set<String> refused = new java.util.HashSet<>();
    /** Names of formulas ({@code alias delta = (a - y)*a*(1 - a)}), each resolved where it was given. */
    private final Map<String, Expr> named = new java.util.HashMap<>();

    Resolver(Set<String> quantities, Map<String, String> aliases, Map<String, Functions.Definition> functions,
             String loss, List<Problem> problems) {
        this.quantities = quantities;
        this.aliases = aliases;
        this.functions = functions;
        this.loss = loss;
        this.problems = problems;
    }

    /** Makes {@code name} stand for {@code formula} in every formula resolved from now on. */
    void name(String name, Expr formula) {
        named.put(name, formula);
    }

    /** Every name of a formula given so far, with its formula. */
    Map<String, Expr> named() {
        return named;
    }

    /** The canonical name of a quantity or alias, or null if it is neither. */
    String canonical(String name) {
        if (quantities.contains(name)) {
            return name;
        }
        return aliases.get(name);
    }

    /**
     * Resolves {@code f}; {@code free} are names bound by the statement itself (function
     * parameters). Returns null after reporting problems.
     */
    Expr resolve(Formula f, Position at, Set<String> free) {
        return resolve(f, at, free, Map.of());
    }

    /**
     * {@link #resolve(Formula, Position, Set)}, with gradient names that stand for expressions
     * (from {@code grad} lines, or as the code last assigned them) read as those expressions.
     */
    Expr resolve(Formula f, Position at, Set<String> free, Map<String, Expr> gradients) {
        int before = problems.size();
        Expr e = Exprs.map(f.expr(), x -> x instanceof Expr.Var v && !free.contains(v.name())
                && gradients.containsKey(v.name()) ? gradients.get(v.name()) : resolveNode(x, f, at, free));
        if (problems.size() > before) {
            return null;
        }
        checkExponents(e, f, at);
        checkInlinedSize(e, f, at);
        return problems.size() > before ? null : e;
    }

    /** A function whose definition was refused: calls of it are not reported again as unknown. */
    void refused(String function) {
        refused.add(function);
    }

    /** Whether {@code e} calls a function whose definition was refused (it then cannot be inlined). */
    boolean callsRefused(Expr e) {
        return Exprs.subtrees(e).stream().anyMatch(x -> x instanceof Expr.Call c && refused.contains(c.fn()));
    }

    /**
     * Refuses a formula that would be too large once its functions are inlined, before it is: at
     * the call of the function that makes it so, or at the formula.
     */
    private void checkInlinedSize(Expr e, Formula f, Position at) {
        Functions.Size whole = Functions.measure(e, functions);
        if (!whole.tooLarge()) {
            return;
        }
        Expr.Call worst = null;
        Functions.Size worstSize = null;
        for (Expr x : Exprs.subtrees(e)) {
            if (x instanceof Expr.Call c && functions.containsKey(c.fn())) {
                Functions.Size s = Functions.measure(c, functions);
                if (s.tooLarge() && (worstSize == null || s.nodes() < worstSize.nodes())) {
                    worst = c; // the innermost call past the bound: the one to look at
                    worstSize = s;
                }
            }
        }
        String what = worst == null ? "this formula" : org.gradaudit.expr.ExprPrinter.print(worst);
        what = what.length() <= 40 ? what : what.substring(0, 37) + "...";
        String message = what + " expands to " + whole.exceeded() + " once the functions it calls are inlined;"
                + " gradaudit works on formulas of at most " + Functions.MAX_NODES + " nodes and "
                + Functions.MAX_DEPTH + " levels";
        if (worst == null) {
            problems.add(new Problem(new Position(at.file(), at.line(), f.column()), message));
        } else {
            report(f, at, worst.fn(), message);
        }
    }

    private Expr resolveNode(Expr x, Formula f, Position at, Set<String> free) {
        if (x instanceof Expr.Var v) {
            return resolveName(v.name(), f, at, free);
        }
        if (x instanceof Expr.Deriv d) {
            return new Expr.Deriv(canonicalOr(d.of()), canonicalOr(d.wrt()));
        }
        if (x instanceof Expr.Call c && refused.contains(c.fn())) {
            return x;
        }
        if (x instanceof Expr.Call c && Exprs.isPartial(c) && !functions.containsKey(c.fn())) {
            if (!Exprs.derivatives(c.args().get(0)).isEmpty()) {
                report(f, at, c.fn(), "a partial derivative d(formula)/dv may not contain Leibniz derivatives");
            }
            return x;
        }
        if (x instanceof Expr.Call c && functions.containsKey(c.fn())) {
            Functions.Definition fn = functions.get(c.fn());
            if (fn.params().size() != c.args().size()) {
                report(f, at, c.fn(), "'" + c.fn() + "' takes " + fn.params().size() + " argument(s), given "
                        + c.args().size());
                return x;
            }
            return x;
        }
        if (x instanceof Expr.Call c && !Builtins.FUNCTIONS.contains(c.fn())) {
            unknownFunction(c.fn(), f, at);
            return x;
        }
        if (x instanceof Expr.Call c && c.args().size() != 1) {
            report(f, at, c.fn(), "'" + c.fn() + "' takes 1 argument, given " + c.args().size());
        }
        return x;
    }

    private String canonicalOr(String name) {
        String c = canonical(name);
        return c == null ? name : c;
    }

    private Expr resolveName(String name, Formula f, Position at, Set<String> free) {
        if (free.contains(name)) {
            return new Expr.Var(name);
        }
        if (named.containsKey(name)) {
            return named.get(name);
        }
        String c = canonical(name);
        if (c != null) {
            return new Expr.Var(c);
        }
        if (name.length() > 1 && name.charAt(0) == 'd' && canonical(name.substring(1)) != null) {
            if (loss == null) {
                report(f, at, name, "'" + name + "' means dL/d" + name.substring(1)
                        + ", but the derivation declares no loss; add 'loss L(prediction, target) = ...'");
                return new Expr.Var(name);
            }
            return new Expr.Deriv(loss, canonical(name.substring(1)));
        }
        if (Builtins.CONSTANTS.containsKey(name)) {
            return name.equals("e") ? Expr.call("exp", new Expr.Num(1)) : new Expr.Num(Builtins.CONSTANTS.get(name));
        }
        boolean called = f.names().stream().anyMatch(r -> r.name().equals(name) && r.beforeParen());
        if (called) {
            unknownFunction(name, f, at);
        } else {
            List<String> known = new ArrayList<>(new TreeSet<>(quantities));
            known.addAll(aliases.keySet());
            String hint = Builtins.closest(name, known);
            report(f, at, name, "undefined name '" + name + "'"
                    + (hint == null ? "" : "; did you mean '" + hint + "'?")
                    + " Declare it ('input " + name + "', 'param " + name + "') or define it ('" + name + " = ...').");
        }
        return new Expr.Var(name);
    }

    private void unknownFunction(String name, Formula f, Position at) {
        Set<String> known = new TreeSet<>(Builtins.FUNCTIONS);
        known.addAll(functions.keySet());
        String hint = Builtins.closest(name, known);
        report(f, at, name, "unknown function '" + name + "'"
                + (name.equals("\u03c3") ? "; to read σ as the sigmoid, write 'alias σ = sigmoid'."
                        : hint == null ? "." : "; did you mean '" + hint + "'?")
                + " A derivation can call only these functions: " + String.join(", ", known)
                + ". To multiply, write '*'.");
    }

    private void checkExponents(Expr e, Formula f, Position at) {
        Expr exponent = ConstantExponents.beyond(e, MAX_EXPONENT);
        if (exponent != null) {
            problems.add(new Problem(new Position(at.file(), at.line(), f.column()), "constant exponent "
                    + org.gradaudit.expr.ExprPrinter.print(exponent) + " is too large: gradaudit accepts constant"
                    + " exponents up to " + MAX_EXPONENT + " in absolute value"));
        }
    }

    private void report(Formula f, Position at, String name, String message) {
        int column = f.column();
        for (NameRef r : f.names()) {
            if (r.name().equals(name)) {
                column = f.columnOf(r);
                break;
            }
        }
        problems.add(new Problem(new Position(at.file(), at.line(), column), message));
    }
}
