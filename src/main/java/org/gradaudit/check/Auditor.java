package org.gradaudit.check;

import org.gradaudit.check.tolerance.BoundedAgreement;
import org.gradaudit.check.tolerance.PrintedDigits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.gradaudit.bounds.Deadline;
import org.gradaudit.bounds.TimeLimitException;
import org.gradaudit.check.grad.ProgressListener;
import org.gradaudit.expr.Expr;
import org.gradaudit.expr.Exprs;
import org.gradaudit.model.Graph;
import org.gradaudit.model.Item;
import org.gradaudit.model.Model;
import org.gradaudit.symbolic.Cas;
import org.gradaudit.symbolic.CasException;
import org.gradaudit.symbolic.ChainRule;

/**
 * Audits a derivation: judges every statement against the truth of its graph, in file order, and
 * says for each wrong one what kind of mistake it is, where it shows, and which earlier wrong
 * lines it consumes. The truth is symbolic (the chain rule over the graph), cross-checked against
 * Ridders differences; the comparison is numeric at seeded random points and symbolic.
 */
public final class Auditor {
    /**
     * How to audit.
     *
     * @param seed seed of the random points
     * @param points how many random points each statement is compared at (at least 32)
     * @param tolerance when two values count as equal
     */
    public record Options(long seed, int points, BoundedAgreement tolerance, java.time.Duration timeLimit) {
        public Options {
            if (points < 32 || points > 10_000) {
                throw new IllegalArgumentException("points must be in [32, 10000], was [" + points + "]");
            }
            if (timeLimit.isNegative() || timeLimit.isZero()) {
                throw new IllegalArgumentException("timeLimit must be positive, was [" + timeLimit + "]");
            }
        }

        /** 64 points, the default tolerance, and a minute for the whole audit. */
        public static Options defaults(long seed) {
            return new Options(seed, 64, BoundedAgreement.DEFAULT, java.time.Duration.ofSeconds(60));
        }
    }

    /** Fewest points with finite values at which a graph's statements are judged at all. */
    private static final int MIN_POINTS = 8;
    /** How many points hypotheses are tested at. */
    private static final int HYPOTHESIS_POINTS = 16;

    private final Model model;
    private final Options options;
    private final Deadline deadline;
    private final ProgressListener progress;
    private final Cas cas;
    private final Judge judge;
    private final Diagnoser diagnoser;
    private WrongStatements wrongStatements;
    private Graph truthGraph;
    private ChainRule truth;
    private WrittenLoss writtenLoss;
    private ChainRule written;
    private Points points;
    private Spaces spaces;
    private GraphForm graphForm;
    private int lossLine;
    private Finding lossFinding;
    private final List<Finding> findings = new ArrayList<>();
    private Blame blame;
    /** The cross-check of each derivative's truth, done once however often it is claimed. */
    private final Map<Expr.Deriv, Optional<String>> crossChecks = new HashMap<>();

    private Auditor(Model model, Options options, Deadline deadline, ProgressListener progress) {
        this.model = model;
        this.progress = progress;
        this.options = options;
        this.deadline = deadline;
        this.cas = Cas.get();
        this.judge = new Judge(cas, options.tolerance(), deadline);
        this.diagnoser = new Diagnoser(judge);
    }

    /** Audits every statement of the model, within the options' time limit from now. */
    public static AuditResult audit(Model model, Options options) {
        return audit(model, options, Deadline.after(options.timeLimit()));
    }

    /**
     * Audits every statement of the model by {@code deadline} (a command's time limit, started when
     * the command did). Every CAS call, the diagnoser and the code run end by it; what it cut short
     * is reported unverified, or wrong without a diagnosis, and says so.
     */
    public static AuditResult audit(Model model, Options options, Deadline deadline) {
        return audit(model, options, deadline, ProgressListener.NONE);
    }

    /**
     * {@link #audit(Model, Options, Deadline)}, telling {@code progress} after each statement how
     * many of the model's statements are judged, from the thread that called this.
     */
    public static AuditResult audit(Model model, Options options, Deadline deadline, ProgressListener progress) {
        return new Auditor(model, options, deadline, progress).run();
    }

    private AuditResult run() {
        if (deadline.passed()) { // reading and building a large file used up the time: judge nothing
            for (Item item : model.items()) {
                findings.add(unverified(item, "not judged: the audit's time limit of " + options.timeLimit().toSeconds()
                        + " s ran out while the file was read and built; split the file or raise --time-limit"));
            }
            return new AuditResult(model.derivation(), options.seed(), options.points(), options.tolerance(), "",
                    findings, null);
        }
        Graph graph = model.graph();
        truthGraph = graph;
        points = new Points(graph, List.of(), options.seed(), options.points());
        String lossNote = "";
        for (Item item : model.items()) {
            if (item instanceof Item.LossItem l) {
                LossAudit.Result r = LossAudit.judge(l, graph, points, l.written());
                lossLine = l.statement().position().line();
                lossFinding = r.finding();
                if (r.corrected() != null) {
                    truthGraph = graph.withLoss(r.corrected());
                    written = new ChainRule(graph, cas, deadline);
                    points = new Points(truthGraph, List.of(), options.seed(), options.points());
                }
                lossNote = LossAudit.note(r, graph, lossLine);
            }
        }
        truth = new ChainRule(truthGraph, cas, deadline);
        writtenLoss = written == null ? null : new WrittenLoss(written, truthGraph, lossLine, judge);
        graphForm = new GraphForm(model.functions(), truth, cas);
        spaces = new Spaces(truthGraph, points, options.seed(), options.points(), cas.limits().maxNodes());
        blame = new Blame(findings, truthGraph, truth, judge, points.slots());
        wrongStatements = new WrongStatements(judge, diagnoser, new Hypotheses(truthGraph, truth, cas, judge), graphForm,
                new DataNodes(truthGraph, cas, deadline), truthGraph, truth, blame, findings);
        boolean noPoints = points.all().size() < MIN_POINTS;
        int done = 0;
        for (Item item : model.items()) {
            progress.progress(done++, model.items().size());
            int index = findings.size();
            Finding f;
            if (item instanceof Item.CodeLine c && c.partial()) {
                continue; // a later line accumulates into the same name; that line is judged, with this one's term
            }
            if (noPoints) {
                findings.add(unverified(item, "not judged: only " + points.all().size() + " of "
                        + points.drawn() + " random points gave finite values for every node; check the"
                        + " definitions' domains and the inputs' ranges ('input x in [low, high]')"));
                continue;
            }
            if (deadline.passed()) {
                findings.add(unverified(item, "not judged: the audit's time limit of " + options.timeLimit().toSeconds()
                        + " s ran out before this line; split the file or raise --time-limit"));
                continue;
            }
            try {
                if (item instanceof Item.CodeLine c && c.overwrittenAt().isPresent()
                        && OverwrittenRuns.firstPart(c, model.items(), truth, graphForm, judge, spaces.graphSpace(Map.of()))) {
                    continue; // a '+=' written '=' later loses this run's value: that line is judged, with this one's term
                }
                f = judgeItem(item, index);
            } catch (TimeLimitException e) {
                f = unverified(item, "cut short: " + e.getMessage() + "; split the file or raise --time-limit");
            } catch (CasException e) {
                f = unverified(item, deadline.passed() ? "cut short: the audit's time limit of "
                        + options.timeLimit().toSeconds() + " s ran out while judging this line; split the file or"
                        + " raise --time-limit" : "the symbolic truth could not be computed: " + e.getMessage());
            }
            findings.add(f);
        }
        progress.progress(done, model.items().size());
        return new AuditResult(model.derivation(), options.seed(), options.points(), options.tolerance(), lossNote,
                findings, noPoints ? null : CodeRun.against(model, truthGraph, truth, points, deadline));
    }

    private Finding judgeItem(Item item, int index) throws CasException {
        if (item instanceof Item.LossItem) {
            return lossFinding;
        }
        if (item instanceof Item.Restatement r) {
            Expr truthExpr = truthGraph.nodes().get(r.node());
            return compare(item, Finding.Kind.DEFINITION, r.node(), r.claimed(), truthExpr, null, spaces.graphSpace(Map.of()), index);
        }
        if (item instanceof Item.DerivativeClaim d) {
            Expr.Deriv target = new Expr.Deriv(d.of(), d.wrt());
            Finding f = compare(item, d.statement().code() ? Finding.Kind.CODE : Finding.Kind.CLAIM,
                    d.statement().lhs().text(), d.claimed(), truth.derivative(d.of(), d.wrt()).closed(), target,
                    spaces.graphSpace(WhereValues.of(d.statement(), model)), index);
            if (!d.statement().code()) {
                blame.assigns(index, target, false);
            }
            return f;
        }
        if (item instanceof Item.CodeLine c) {
            Expr.Deriv target = c.target();
            Expr derivative = truth.derivative(target.of(), target.wrt()).closed();
            // The cross-check is of the derivative itself, before the factor the code's name carries.
            crossChecks.computeIfAbsent(target, t -> CrossCheck.against(t, derivative, points));
            Finding f = compare(item, Finding.Kind.CODE, c.statement().name(), c.claimed(), c.truth(derivative), target,
                    spaces.graphSpace(Map.of()), index);
            blame.assigns(index, target, true);
            return f;
        }
        if (item instanceof Item.Update u) {
            return update(u);
        }
        if (item instanceof Item.PartialClaim p) {
            Expr truthExpr = cas.derivative(graphForm.toGraph(p.of()), p.wrt(), deadline);
            Spaces.Space space = p.rule() ? spaces.ruleSpace(p) : spaces.graphSpace(WhereValues.of(p.statement(), model));
            return compare(item, Finding.Kind.CLAIM, p.statement().lhs().text(), p.claimed(), truthExpr, null, space, index);
        }
        if (item instanceof Item.EqualityClaim e) {
            Finding.Kind kind = e.left() instanceof Expr.Var v && truthGraph.isNode(v.name())
                    ? Finding.Kind.DEFINITION : Finding.Kind.CLAIM;
            Expr left = graphForm.toGraph(e.left());
            if (!e.where().isEmpty()) {
                Expr oneLevel = left instanceof Expr.Var v && truthGraph.isNode(v.name()) ? truthGraph.nodes().get(v.name())
                        : left;
                left = cas.simplify(Exprs.substitute(oneLevel, e.where()), deadline);
            }
            return compare(item, kind, e.statement().lhs().text(), e.claimed(), left, null, spaces.graphSpace(e.where()), index);
        }
        if (item instanceof Item.FunctionClaim fc) {
            Spaces.Space space = spaces.freeSpace(fc.params(),
                    fc.params().size() == 1 ? Display.definition(fc.function(), fc.params().get(0)) : null);
            return compare(item, Finding.Kind.DEFINITION, fc.statement().lhs().text(), fc.claimed(),
                    model.functions().inline(fc.truth()), null, space, index);
        }
        throw new IllegalStateException("no judge for " + item);
    }

    /** A gradient-descent step: judged with the true gradients, and with those of the loss as written. */
    private Finding update(Item.Update u) throws CasException {
        if (truthGraph.loss() == null) {
            return unverified(u, "an update descends a loss, but the derivation declares none");
        }
        Expr step = Expr.sub(u.updated(), new Expr.Var(u.parameter()));
        Expr writtenStep = writtenLoss == null ? null : writtenLoss.step(step, model.functions());
        return UpdateCheck.judge(u, truthGraph.loss(), graphForm.toGraph(step), truth.derivative(truthGraph.loss(), u.parameter()).closed(),
                writtenStep, points, lossLine, blame.consumed(u.updated(), true),
                StatementText.printer(u, model, truthGraph.loss()));
    }

    private Finding compare(Item item, Finding.Kind kind, String lhs, Expr claimedWritten, Expr truthExpr, Expr.Deriv target,
                            Spaces.Space space, int index) throws CasException {
        Expr claimed = graphForm.toGraph(claimedWritten);
        blame.claims(index, claimed, target);
        List<double[]> at = space.at();
        List<String> slots = space.points().slots();
        Optional<PrintedDigits> printed = StatementText.printedValue(item);
        Judgement j = judge.judge(claimed, truthExpr, space.points(), at, space.expand(), printed);
        var statement = item.statement();
        int line = statement.position().line();
        Finding.Subject subject = new Finding.Subject(line, statement.section(), kind, lhs, StatementText.claimed(item));
        Finding.Evidence evidence = j.evidence();
        Function<Expr, String> printer = StatementText.printer(item, model, truthGraph.loss());
        List<Integer> upstream = new ArrayList<>(blame.consumed(claimedWritten, item instanceof Item.CodeLine));
        WrittenLoss.Remark loss = writtenLoss == null ? WrittenLoss.Remark.NONE
                : writtenLoss.remark(claimed, target, j.failure() == null, sample(at), slots);
        int correctedLoss = loss.correctedLoss();
        String lossRemark = loss.text();
        if (loss.fromWrittenLoss()) {
            upstream.add(0, lossLine);
        }
        Optional<String> disagreement = target == null ? Optional.empty() : crossChecks.computeIfAbsent(target,
                t -> CrossCheck.against(t, truthExpr, points));
        if (disagreement.isPresent()) {
            return Finding.unverified(subject, evidence, Display.print(truthExpr), dedupe(upstream), correctedLoss,
                    disagreement.get());
        }
        if (j.points() < Math.min(MIN_POINTS, at.size()) && j.symbolic() != Finding.Symbolic.EQUAL) {
            return Finding.unverified(subject, evidence, Display.print(truthExpr), dedupe(upstream), correctedLoss,
                    "only " + j.points() + " of " + at.size()
                    + " random points gave finite values on both sides; the formula may be outside its domain there");
        }
        if (j.failure() == null) {
            String how = j.symbolic() == Finding.Symbolic.EQUAL
                    ? "proven equal to the true value symbolically, and equal at " + j.points() + " random points"
                    : "equal to the true value at " + j.points() + " random points (" + j.symbolicNote() + ")";
            return Finding.correct(subject, evidence, dedupe(upstream), correctedLoss,
                    how + "." + lossRemark + AuditMessages.consumed(upstream, lossLine));
        }
        return wrongStatements.explain(new WrongStatements.Statement(item, index, lhs, claimedWritten, claimed, truthExpr,
                target, space, sample(at), j, printed, subject, printer, upstream, correctedLoss, lossRemark));
    }

    static List<double[]> sample(List<double[]> at) {
        return at.subList(0, Math.min(HYPOTHESIS_POINTS, at.size()));
    }


    static List<Integer> dedupe(List<Integer> lines) {
        return new ArrayList<>(new LinkedHashSet<>(lines));
    }

    private Finding unverified(Item item, String why) {
        return Finding.unverified(StatementText.subject(item), Finding.Evidence.NONE, null, List.of(), 0, why);
    }

}
