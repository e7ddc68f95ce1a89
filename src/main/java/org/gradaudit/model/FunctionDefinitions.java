package org.gradaudit.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gradaudit.derivation.Derivation;
import org.gradaudit.derivation.Problem;
import org.gradaudit.derivation.Statement;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Exprs;

/**
 * The functions a derivation defines with {@code fn}, resolved in dependency order (a body may call
 * a function defined later in the file) into the {@link Functions.Definition}s that
 * {@link Functions} inlines.
 */
final class FunctionDefinitions {
    private FunctionDefinitions() {
    }

    /**
     * Resolves the file's {@code fn} lines into {@code functions}, each body with the functions it
     * calls inlined; reports a function defined twice, one that uses names other than its
     * parameters, and one that calls itself, directly or through another.
     */
    static void define(Derivation derivation, Resolver resolver, Map<String, Functions.Definition> functions,
            List<Problem> problems) {
        List<Statement.FunctionDef> pending = new ArrayList<>();
        for (Statement s : derivation.statements()) {
            if (s instanceof Statement.FunctionDef f) {
                if (functions.containsKey(f.name()) || pending.stream().anyMatch(p -> p.name().equals(f.name()))) {
                    problems.add(new Problem(f.position(), "function '" + f.name() + "' is defined twice"));
                } else {
                    pending.add(f);
                }
            }
        }
        // Define in dependency order: a body may call functions defined later in the file.
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (var it = pending.iterator(); it.hasNext(); ) {
                Statement.FunctionDef f = it.next();
                boolean ready = Exprs.subtrees(f.body().expr()).stream().noneMatch(x -> x instanceof Expr.Call c
                        && pending.stream().anyMatch(p -> p.name().equals(c.fn())));
                if (ready) {
                    Expr body = resolver.resolve(f.body(), f.position(), Set.copyOf(f.params()));
                    if (body == null || resolver.callsRefused(body)) {
                        resolver.refused(f.name()); // reported once, where it was refused
                    } else {
                        Set<String> stray = new HashSet<>(Exprs.variables(body));
                        stray.removeAll(f.params());
                        if (!stray.isEmpty()) {
                            problems.add(new Problem(f.position(), "function '" + f.name()
                                    + "' uses " + stray + ", which are not its parameters; a function may use only its parameters"));
                        }
                        functions.put(f.name(), new Functions.Definition(f.params(), new Functions(functions).inline(body)));
                    }
                    it.remove();
                    progress = true;
                }
            }
        }
        for (Statement.FunctionDef f : pending) {
            problems.add(new Problem(f.position(), "function '" + f.name() + "' calls itself, directly or through another function"));
        }
    }
}
