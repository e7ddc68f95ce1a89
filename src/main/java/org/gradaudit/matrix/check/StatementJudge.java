package org.gradaudit.matrix.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gradaudit.check.Diagnosis;
import org.gradaudit.check.Finding;
import org.gradaudit.check.ShapeDetail;
import org.gradaudit.check.Tolerance;
import org.gradaudit.check.Verdict;
import org.gradaudit.matrix.expr.MExpr;
import org.gradaudit.matrix.expr.MPrinter;
import org.gradaudit.matrix.expr.Shape;
import org.gradaudit.matrix.grad.Coef;
import org.gradaudit.matrix.grad.ReverseRules;
import org.gradaudit.matrix.model.MatrixModel;
import org.gradaudit.matrix.model.ShapeError;
import org.gradaudit.matrix.numeric.Tensor;
import org.gradaudit.matrix.parse.MStatement;

/**
 * Judges one claim or code line: shape first, then every entry at every point of every size draw;
 * a wrong one is diagnosed ({@link Repairs}, then the ratio to the truth across draws).
 */
final class StatementJudge {
    private final MatrixModel model;
    private final ReverseRules named;
    private final List<List<MPoint>> draws;
    private final Tolerance tolerance;

    StatementJudge(MatrixModel model, ReverseRules named, List<List<MPoint>> draws, Tolerance tolerance) {
        this.model = model;
        this.named = named;
        this.draws = draws;
        this.tolerance = tolerance;
    }

    /** The partial gradient name a code line assigns, if it assigns one. */
    private Optional<MatrixModel.GradName> partial(Unit u) {
        MatrixModel.GradName g = u.isCode() ? model.gradNames().get(u.gradName()) : null;
        return g != null && g.partial() ? Optional.of(g) : Optional.empty();
    }

    /** The true value of the unit's target at a point: coefficient * dL/dV (or its part through one consumer). */
    private Tensor truth(Unit u, MPoint p) {
        double c = Coef.of(u.coefficient()).orElseThrow().at(p.sizes());
        Tensor base = partial(u).map(g -> p.partials().get(g.name())).orElseGet(() -> p.adjoints().get(u.target()));
        return p.evaluator(Map.of()).evalScaled(c, base);
    }

    /** The truth as a formula in the file's names. */
    private MExpr expected(Unit u) {
        MExpr base = partial(u).map(g -> named.partial(g.of(), g.via())).orElseGet(() -> named.oneStep(u.target()));
        return named.build().scale(Coef.of(u.coefficient()).orElseThrow(), base);
    }

    private String describeTarget(Unit u) {
        String lhs = lhs(u);
        return lhs + " must have " + u.target() + "'s shape " + model.shape(u.target());
    }

    Finding judge(Unit u, List<Integer> upstream) {
        Shape target = model.shape(u.target());
        String expected = MPrinter.print(expected(u));
        Shape claimed;
        String claimedShape;
        String typeError = "";
        try {
            claimed = model.shapes().infer(u.formula());
            claimedShape = claimed.toString();
        } catch (ShapeError e) {
            claimed = null;
            claimedShape = "does not type-check";
            typeError = e.getMessage();
        }
        Map<String, Integer> sizes = draws.get(0).get(0).sizes();
        if (!target.equals(claimed)) {
            Optional<Repairs.Repair> repair = Repairs.find(u.formula(), sameShapeNames(), c -> explains(u, c));
            String why = claimed == null ? typeError : MPrinter.print(u.formula()) + " has shape " + claimed;
            String message = "The shapes do not fit: " + describeTarget(u) + ", but " + why + (why.endsWith("?") ? "" : ".")
                    + repair.map(r -> " Repair: " + r.change() + "; then it has that shape and equals the truth.").orElse("")
                    + " Expected " + expected + ".";
            return finding(u, Verdict.WRONG, expected, repair.map(Repairs.Repair::kind).orElse(Diagnosis.OTHER),
                    repair.map(r -> MPrinter.print(r.fix())).orElse(null), upstream,
                    new Finding.Counterexample(Map.of(), Map.of(), Double.NaN, Double.NaN), 0, 0, message,
                    new ShapeDetail(claimedShape, target.toString(), sizes, List.of()));
        }
        int points = 0;
        double maxRel = 0;
        MPoint worstPoint = null;
        EntryComparison worst = null;
        Tensor worstTensor = null;
        for (List<MPoint> draw : draws) {
            for (MPoint p : draw) {
                Tensor c = p.eval(u.formula());
                EntryComparison cmp = EntryComparison.of(c, truth(u, p), tolerance);
                points++;
                maxRel = Math.max(maxRel, cmp.maxRelError());
                if (!cmp.agrees() && worst == null) {
                    worst = cmp;
                    worstPoint = p;
                    worstTensor = c;
                }
            }
        }
        if (worst == null) {
            String how = "Equal to the truth at every entry, at " + points + " random points over the size draws "
                    + MatrixAuditor.describe(draws) + "; the truth is the reverse-mode matrix rules, confirmed by"
                    + " finite differences of the loss." + partial(u).map(g -> " (" + g.name() + " is the part of d"
                    + model.loss() + "/d" + g.of() + " through " + g.via() + ".)").orElse("");
            return finding(u, Verdict.CORRECT, null, null, null, upstream, null, points, maxRel, how,
                    new ShapeDetail(target.toString(), target.toString(), sizes, List.of()));
        }
        // the shape is right: a ratio to the truth that is constant or tracks a size is the simplest
        // explanation, and is tried before repairs that keep the shape
        Optional<Repairs.Repair> ratio = Ratio.diagnose(u.formula(), draws, p -> p.eval(u.formula()),
                p -> truth(u, p), model.dims(), named.build());
        Optional<Repairs.Repair> diagnosis = ratio.isPresent() ? ratio
                : Repairs.find(u.formula(), sameShapeNames(), c -> explains(u, c));
        List<Integer> index = new ArrayList<>();
        for (int i : worstTensor.index(worst.worst())) {
            index.add(i);
        }
        String message = String.format(Locale.ROOT, "%s differs from the truth at entry %s for sizes %s: claimed %.10g,"
                        + " true %.10g.", lhs(u), DifferenceCheck.index(worstTensor, worst.worst()),
                worstPoint.sizes(), worst.claimed(), worst.expected())
                + diagnosis.map(r -> " " + capital(r.change()) + ".").orElse("") + " Expected " + expected + ".";
        return finding(u, Verdict.WRONG, expected, diagnosis.map(Repairs.Repair::kind).orElse(Diagnosis.OTHER),
                diagnosis.map(r -> MPrinter.print(r.fix())).orElse(null), upstream,
                // the point is its size draw and the seed (counterexample.sizes); entries are not names of the file
                new Finding.Counterexample(Map.of(), Map.of(), worst.claimed(), worst.expected()),
                points, maxRel, message, new ShapeDetail(target.toString(), target.toString(), worstPoint.sizes(), index));
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Whether a repaired formula has the target's shape and equals the truth at the first two points of every draw. */
    private boolean explains(Unit u, MExpr candidate) {
        if (!model.shape(u.target()).equals(model.shapes().tryInfer(candidate))) {
            return false;
        }
        for (List<MPoint> draw : draws) {
            for (MPoint p : draw.subList(0, Math.min(2, draw.size()))) {
                if (!EntryComparison.of(p.eval(candidate), truth(u, p), tolerance).agrees()) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Names that may stand for one another: quantities and gradient names. */
    private List<String> sameShapeNames() {
        List<String> out = new ArrayList<>(model.quantities().keySet());
        out.remove(model.loss());
        out.addAll(model.gradNames().keySet());
        return out;
    }

    Finding unverified(Unit u, List<Integer> upstream, String why) {
        return finding(u, Verdict.UNVERIFIED, MPrinter.print(expected(u)), null, null, upstream, null, 0, 0, why,
                new ShapeDetail(model.shape(u.target()).toString(), model.shape(u.target()).toString(),
                        draws.isEmpty() || draws.get(0).isEmpty() ? Map.of() : draws.get(0).get(0).sizes(), List.of()));
    }

    private static String lhs(Unit u) {
        return u.statement() instanceof MStatement.Code c ? c.lhs() : ((MStatement.Claim) u.statement()).lhs();
    }

    private Finding finding(Unit u, Verdict verdict, String expected, Diagnosis diagnosis, String fix,
                            List<Integer> upstream, Finding.Counterexample counterexample, int points, double maxRel,
                            String message, ShapeDetail shaped) {
        MStatement s = u.statement();
        String claimed = u.folded().isEmpty() ? text(s) : MPrinter.print(u.formula());
        String note = u.folded().isEmpty() ? "" : " (Judged with line" + (u.folded().size() > 1 ? "s " : " ")
                + u.folded().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "))
                + " folded in, as the in-place update composes them.)";
        String lhs = u.folded().isEmpty() ? lhs(u) : u.gradName();
        Finding.Subject subject = new Finding.Subject(s.position().line(), s.section(),
                u.isCode() ? Finding.Kind.CODE : Finding.Kind.CLAIM, lhs, claimed);
        Finding.Evidence evidence = new Finding.Evidence(Finding.Symbolic.UNKNOWN, points, maxRel);
        Finding f = switch (verdict) {
            case CORRECT -> Finding.correct(subject, evidence, upstream, 0, message + note);
            case WRONG -> Finding.wrong(subject, evidence, expected, diagnosis, fix, counterexample, upstream, 0,
                    message + note);
            case UNVERIFIED -> Finding.unverified(subject, evidence, expected, upstream, 0, message + note);
        };
        return f.withShapes(shaped);
    }

    private static String text(MStatement s) {
        return s instanceof MStatement.Code c ? c.text() : ((MStatement.Claim) s).text();
    }
}
