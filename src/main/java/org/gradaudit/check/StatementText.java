package org.gradaudit.check;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.gradaudit.check.tolerance.PrintedDigits;
import org.gradaudit.derivation.Statement;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Exprs;
import org.gradaudit.expr.NameRef;
import org.gradaudit.model.Item;
import org.gradaudit.model.Model;

/** A statement's sides as the derivation wrote them, for findings. */
final class StatementText {
    private StatementText() {
    }

    /** The left-hand side as written: {@code dL/da2}, {@code Z2}, or the assigned gradient {@code dZ1}. */
    static String lhs(Item item) {
        Statement s = item.statement();
        if (s instanceof Statement.Claim c) {
            return c.lhs().text();
        }
        if (s instanceof Statement.Code c) {
            return c.name();
        }
        if (s instanceof Statement.Update u) {
            return u.name();
        }
        if (s instanceof Statement.Definition d) {
            return d.name();
        }
        return s.text();
    }

    /** The right-hand side as written, with any 'where' clause. */
    static String claimed(Item item) {
        Statement s = item.statement();
        if (s instanceof Statement.Claim c) {
            String where = c.where().isEmpty() ? "" : " where " + c.where().stream()
                    .map(w -> w.name() + " = " + w.value().text()).reduce((a, b) -> a + ", " + b).orElse("");
            return c.rhs().text() + where;
        }
        if (s instanceof Statement.Code c) {
            return assigned(c.name(), c.op(), c.rhs().text());
        }
        if (s instanceof Statement.Update u) {
            return assigned(u.name(), u.op(), u.rhs().text());
        }
        if (s instanceof Statement.Definition d) {
            return d.rhs().text();
        }
        return s.text();
    }

    /**
     * The precision of a claim whose right-hand side is one decimal number, a worked value such as
     * {@code dE/dw5 = 0.082167041 where ...}; empty for any other statement.
     */
    static Optional<PrintedDigits> printedValue(Item item) {
        return item.statement() instanceof Statement.Claim c && !c.code() ? PrintedDigits.of(c.rhs().text())
                : Optional.empty();
    }

    /** What {@code name op rhs} assigns, as a formula: {@code dW += x*dz} assigns {@code dW + x*dz}. */
    static String assigned(String name, Statement.Assign op, String rhs) {
        if (op == Statement.Assign.SET) {
            return rhs;
        }
        boolean sum = rhs.indexOf('+', 1) > 0 || rhs.indexOf('-', 1) > 0;
        return name + (op == Statement.Assign.ADD ? " + " : " - ") + (sum ? "(" + rhs + ")" : rhs);
    }

    /** The names the right-hand side wrote, with their positions. */
    static List<NameRef> names(Statement s) {
        if (s instanceof Statement.Claim c) {
            return c.rhs().names();
        }
        if (s instanceof Statement.Code c) {
            return c.rhs().names();
        }
        if (s instanceof Statement.Update u) {
            return u.rhs().names();
        }
        if (s instanceof Statement.Definition d) {
            return d.rhs().names();
        }
        return List.of();
    }

    /** The statement as a finding's subject: its line, section, kind and sides as written. */
    static Finding.Subject subject(Item item) {
        Statement s = item.statement();
        boolean code = item instanceof Item.CodeLine || s instanceof Statement.Claim c && c.code();
        Finding.Kind kind = code ? Finding.Kind.CODE : item instanceof Item.Update ? Finding.Kind.UPDATE
                : item instanceof Item.LossItem ? Finding.Kind.LOSS
                : item instanceof Item.Restatement || item instanceof Item.FunctionClaim ? Finding.Kind.DEFINITION
                : Finding.Kind.CLAIM;
        return new Finding.Subject(s.position().line(), s.section(), kind, lhs(item), claimed(item));
    }

    /** {@code -(a - b)} written {@code b - a}, everywhere in {@code e}. */
    private static Expr differencesFlipped(Expr e) {
        return Exprs.map(e, x -> x instanceof Expr.Neg n && n.arg() instanceof Expr.Bin b && b.op() == Expr.Op.SUB
                ? new Expr.Bin(Expr.Op.SUB, b.right(), b.left()) : x);
    }

    /**
     * Prints a formula of this statement in the statement's own spelling: the aliases it wrote
     * ({@code A2} for {@code a2}), and in code lines {@code dX} for {@code dL/dX}.
     */
    static Function<Expr, String> printer(Item item, Model model, String loss) {
        Map<String, String> aliases = model.aliases();
        Map<String, String> spelling = new HashMap<>();
        for (var ref : StatementText.names(item.statement())) {
            String name = ref.name();
            String target = aliases.get(name);
            if (target != null) {
                spelling.putIfAbsent(target, name);
            } else if (name.length() > 1 && name.charAt(0) == 'd' && aliases.containsKey(name.substring(1))) {
                spelling.putIfAbsent("d" + aliases.get(name.substring(1)), name);
            }
        }
        // Without a loss, a code line's gradients are of what its own gradient is of ('grad dx = df/dx').
        String of = loss != null ? loss : item instanceof Item.CodeLine c ? c.target().of() : null;
        // code spells dL/dX as dX, unless the line itself writes its gradients in Leibniz form
        String rhs = claimed(item);
        boolean code = (item instanceof Item.CodeLine || item instanceof Item.Update)
                && !rhs.contains("d" + of + "/d") && !rhs.contains("\u2202" + of + "/");
        Map<Expr, Expr> named = new HashMap<>();
        for (var ref : StatementText.names(item.statement())) {
            Expr formula = model.named().get(ref.name());
            if (formula != null) {
                named.put(formula, new Expr.Var(ref.name()));
            }
        }
        (item instanceof Item.CodeLine c ? c.spelling() : item instanceof Item.Update u ? u.spelling()
                : Map.<Expr, String>of()).forEach((meaning, name) -> named.put(meaning, new Expr.Var(name)));
        // Every formula alias the file has defined by this line (a fix never names what the reader has
        // not met yet), also in the sign form a formula of the truth takes:
        // 'alias delta_o2 = -(target_o2 - out_o2)*...' names (out_o2 - target_o2)*... in a fix's term.
        int line = item.statement().position().line();
        Map<String, Integer> definedAt = new HashMap<>();
        for (Statement st : model.derivation().statements()) {
            if (st instanceof Statement.Named n) {
                definedAt.putIfAbsent(n.name(), n.position().line());
            }
        }
        new java.util.TreeMap<>(model.named()).forEach((name, formula) -> {
            if (definedAt.getOrDefault(name, 0) > line) {
                return;
            }
            Expr flipped = differencesFlipped(formula);
            for (Expr form : List.of(formula, flipped, FixForm.tidy(formula), FixForm.tidy(flipped))) {
                named.putIfAbsent(form, new Expr.Var(name));
            }
        });
        return e -> Display.print(Exprs.map(Exprs.replace(e, named), x -> {
            if (code && x instanceof Expr.Deriv d && d.of().equals(of)) {
                String plain = "d" + d.wrt();
                return new Expr.Var(spelling.getOrDefault(plain, plain));
            }
            if (x instanceof Expr.Var v && spelling.containsKey(v.name())) {
                return new Expr.Var(spelling.get(v.name()));
            }
            return x;
        }));
    }
}
