package org.gradaudit.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.gradaudit.bounds.TimeLimitException;
import org.gradaudit.check.tolerance.PrintedDigits;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Exprs;
import org.gradaudit.model.Graph;
import org.gradaudit.model.Item;
import org.gradaudit.numeric.BoundedValue;
import org.gradaudit.symbolic.CasException;
import org.gradaudit.symbolic.ChainRule;

/**
 * What the audit says of a statement that differs from the truth: which mistake it is (a
 * hypothesis that explains it, an upstream line's mistake carried on, or {@code other}), its fix,
 * the expected formula in the file's names and the wrong lines it comes from.
 */
final class WrongStatements {
    /**
     * A statement the judge found wrong, with what the auditor already knows of it.
     *
     * @param claimed the claim in the graph's names; {@code claimedWritten} as the file writes it
     * @param target the derivative the statement claims, or null for a formula of the graph
     * @param points the points the hypotheses are tested at
     * @param printed the claim's printed precision when it is a worked value (see {@link PrintedDigits})
     * @param upstream the wrong lines it consumes so far (the written loss's line first, where it counts)
     * @param lossRemark the sentence on the loss as written, or ""
     */
    record Statement(Item item, int index, String lhs, Expr claimedWritten, Expr claimed, Expr truthExpr,
                     Expr.Deriv target, Spaces.Space space, List<double[]> points, Judgement judgement,
                     Optional<PrintedDigits> printed, Finding.Subject subject, Function<Expr, String> printer, List<Integer> upstream,
                     int correctedLoss, String lossRemark) {
    }

    private final Judge judge;
    private final Diagnoser diagnoser;
    private final Hypotheses hypotheses;
    private final GraphForm graphForm;
    private final DataNodes dataNodes;
    private final Graph truthGraph;
    private final ChainRule truth;
    private final Blame blame;
    /** The findings so far, in file order: an inherited mistake is read from them. */
    private final List<Finding> findings;

    WrongStatements(Judge judge, Diagnoser diagnoser, Hypotheses hypotheses, GraphForm graphForm, DataNodes dataNodes,
                    Graph truthGraph, ChainRule truth, Blame blame, List<Finding> findings) {
        this.judge = judge;
        this.diagnoser = diagnoser;
        this.hypotheses = hypotheses;
        this.graphForm = graphForm;
        this.dataNodes = dataNodes;
        this.truthGraph = truthGraph;
        this.truth = truth;
        this.blame = blame;
        this.findings = findings;
    }

    /**
     * The wrong finding of a statement, diagnosed.
     *
     * @throws CasException when the truth of a hypothesis or of the chain could not be computed
     */
    Finding explain(Statement s) throws CasException {
        Item item = s.item();
        int index = s.index();
        String lhs = s.lhs();
        Expr claimedWritten = s.claimedWritten();
        Expr claimed = s.claimed();
        Expr truthExpr = s.truthExpr();
        Expr.Deriv target = s.target();
        Spaces.Space space = s.space();
        List<double[]> hp = s.points();
        Judgement j = s.judgement();
        Function<Expr, String> printer = s.printer();
        List<Integer> upstream = new ArrayList<>(s.upstream());
        List<String> slots = space.points().slots();
        var statement = item.statement();
        List<BoundedValue> truthValues = Judge.values(truthExpr, hp, slots);
        boolean leibniz = item instanceof Item.DerivativeClaim;
        // The truth as printed, and as the hypotheses take their terms and factors from: the file's data
        // nodes (y2 = 1 - y1) folded in where that shortens it, so p1 - y1 rather than p1*y1 + p1*y2 - y1.
        Expr shown = dataNodes.shorten(truthExpr, x -> true, c -> judge.matches(c, hp, truthValues, slots));
        Optional<PrintedDigits> printed = s.printed();
        Diagnoser.Hypothesis h = UpdateCheck.readsUpdated(item, hp, truthValues, slots, judge, graphForm);
        Integer inherited = blame.inherited(index, claimed, target, hp, truthValues);
        if (h == null && printed.isPresent()) {
            h = WorkedValue.sign(printed.get(), claimedWritten, truthValues).orElse(null);
        }
        boolean cutShort = false;
        if (h == null) {
            try {
                // Two changes found here would give way to the inherited mistake below, so they are not searched for.
                h = diagnoser.diagnose(new Diagnoser.Context(claimedWritten, graphForm::toGraphOrRefuse, space.names(),
                        Factors.candidates(shown, claimed, space.names(), truthGraph, truth), leibniz ? target : null,
                        printer, hp, truthValues, slots),
                        plan(item, shown, target), inherited == null);
            } catch (TimeLimitException e) {
                cutShort = true;
            }
        }
        if (h != null && !h.changes().isEmpty() && inherited != null) {
            h = null; // an upstream line's mistake carried on explains it better than two changes here
        }
        Diagnosis diagnosis = h != null ? h.diagnosis()
                : inherited != null ? findings.get(inherited).diagnosis() : Diagnosis.OTHER;
        if (inherited != null) {
            upstream.add(findings.get(inherited).line());
            upstream.addAll(findings.get(inherited).upstream());
        }
        String expected = space.display() != null ? space.display() : Display.print(shown);
        Expr fixExpr = h == null || h.fix() == null ? null : dataNodes.shorten(h.fix(),
                x -> !Exprs.subtrees(claimedWritten).contains(x), c -> fits(c, hp, truthValues, slots));
        // A fix as a reader writes it down (no 1*dxpy, no -(-2*a)/3); the changes' formulas likewise.
        Function<Expr, String> fixPrinter = e -> printer.apply(FixForm.tidy(e));
        String fix = fixExpr == null ? null
                : printed.flatMap(p -> WorkedValue.fix(p, fixExpr)).orElseGet(() -> fixPrinter.apply(fixExpr));
        String chain = target != null && diagnosis == Diagnosis.WRONG_CHAIN
                ? Display.print(truth.derivative(target.of(), target.wrt()).chained()) : null;
        String step = statement instanceof org.gradaudit.derivation.Statement.Claim c && c.step() > 0
                ? "Step " + c.step() + " of the chain of equalities: " : "";
        String msg = step + AuditMessages.wrong(lhs, h, inherited == null ? 0 : findings.get(inherited).line(), cutShort,
                target, chain, expected, fix) + s.lossRemark();
        return Finding.wrong(s.subject(), j.evidence(), expected, diagnosis, fix, j.failure(), Auditor.dedupe(upstream), s.correctedLoss(),
                msg).inheritedFrom(h == null && inherited != null).withChanges(h == null ? List.of() : lastFixed(h.changes(fixPrinter), fix));
    }

    /** The families a statement is diagnosed with; a line that overwrites an unread run tries that run's loss first of the late ones. */
    private Hypotheses.Plan plan(Item item, Expr shown, Expr.Deriv target) {
        Hypotheses.Plan plan = hypotheses.forStatement(shown, target, item instanceof Item.CodeLine);
        if (item instanceof Item.CodeLine c && c.overwrites().isPresent()) {
            // the run's first line is the '=' that overwrites
            plan = plan.withLateFirst(new OverwriteHypotheses(c.overwrites().get(), c.statement().name(), c.lines().get(0)));
        }
        return plan;
    }

    /** Whether a fix in the statement's own names equals the truth at the points. */
    private boolean fits(Expr fix, List<double[]> at, List<BoundedValue> truthValues, List<String> slots) {
        try {
            return judge.matches(graphForm.toGraphOrRefuse(fix), at, truthValues, slots);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The changes, the last one's formula being the fix as printed (shortened, where it was). */
    private static List<Finding.Change> lastFixed(List<Finding.Change> changes, String fix) {
        if (changes.isEmpty() || fix == null) {
            return changes;
        }
        List<Finding.Change> out = new ArrayList<>(changes);
        Finding.Change last = out.get(out.size() - 1);
        out.set(out.size() - 1, new Finding.Change(last.kind(), last.description(), fix));
        return out;
    }
}
