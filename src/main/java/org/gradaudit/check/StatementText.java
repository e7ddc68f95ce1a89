package org.gradaudit.check;

import java.util.List;
import org.gradaudit.derivation.Statement;
import org.gradaudit.expr.NameRef;
import org.gradaudit.model.Item;

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
}
