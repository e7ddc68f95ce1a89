package org.gradaudit.matrix.check;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.gradaudit.check.AuditResult;
import org.gradaudit.check.Finding;
import org.gradaudit.check.tolerance.BoundedAgreement;
import org.gradaudit.matrix.expr.MExpr;
import org.gradaudit.matrix.expr.Shape;
import org.gradaudit.matrix.grad.ReverseRules;
import org.gradaudit.matrix.model.MatrixModel;
import org.gradaudit.matrix.numeric.SizeDraws;
import org.gradaudit.matrix.parse.MStatement;

/**
 * Audits a vectorized derivation. The truth is the reverse-mode matrix rules, cross-checked entry
 * by entry against finite differences of the scalar loss at every size draw; each claim and code
 * line is judged by its shape first, then every entry at seeded random points for each of
 * {@link SizeDraws#DRAWS} size draws, and a wrong one is diagnosed by repairs on its matrix tree
 * and by its ratio to the truth across the draws. Code lines are also run in file order, as
 * published, and blamed on the wrong code lines whose values they consume.
 */
public final class MatrixAuditor {
    /** Fewest points with finite values per size draw at which statements are judged at all. */
    static final int MIN_POINTS_PER_DRAW = 2;

    private final MatrixModel model;
    private final long seed;
    private final BoundedAgreement tolerance;
    private final long deadline;
    private final ReverseRules rules;
    private final ReverseRules named;
    final List<List<MPoint>> draws = new ArrayList<>();
    private final Map<String, Optional<String>> crossChecks = new HashMap<>();

    private MatrixAuditor(MatrixModel model, long seed, BoundedAgreement tolerance, Duration limit) {
        this.model = model;
        this.seed = seed;
        this.tolerance = tolerance;
        this.deadline = System.nanoTime() + limit.toNanos();
        this.rules = new ReverseRules(model);
        this.named = new ReverseRules(model, true);
    }

    /**
     * @param points random points per statement, spread over the size draws (at least 32)
     */
    public static AuditResult audit(MatrixModel model, long seed, int points, BoundedAgreement tolerance, Duration limit) {
        MatrixAuditor a = new MatrixAuditor(model, seed, tolerance, limit);
        a.drawPoints(Math.max(MIN_POINTS_PER_DRAW, points / 8));
        return a.run();
    }

    private void drawPoints(int perDraw) {
        List<Map<String, Integer>> sizes = SizeDraws.draw(model.dims(), seed);
        for (int d = 0; d < sizes.size(); d++) {
            Random random = new Random(seed * 31 + d);
            List<MPoint> got = new ArrayList<>();
            for (int attempt = 0; attempt < perDraw * 8 && got.size() < perDraw; attempt++) {
                MPoint p = MPoint.draw(model, rules, sizes.get(d), random);
                if (p != null) {
                    got.add(p);
                }
            }
            draws.add(got);
        }
    }

    private AuditResult run() {
        boolean enough = draws.stream().allMatch(d -> d.size() >= MIN_POINTS_PER_DRAW);
        List<Finding> findings = new ArrayList<>();
        Map<String, Integer> assignedAt = new HashMap<>();
        Map<Integer, Finding> byLine = new HashMap<>();
        StatementJudge judge = new StatementJudge(model, named, draws, tolerance,
                new org.gradaudit.matrix.proof.MatrixProver(model, rules, null));
        for (Unit u : Unit.of(model)) {
            List<Integer> upstream = u.isCode() ? upstream(u.formula(), assignedAt, byLine) : List.of();
            Finding f;
            if (!enough) {
                f = judge.unverified(u, upstream, "fewer than " + MIN_POINTS_PER_DRAW + " random points per size draw"
                        + " gave a finite loss and gradients; check the ranges of the inputs");
            } else if (System.nanoTime() > deadline) {
                f = judge.unverified(u, upstream, "not reached within the time limit");
            } else {
                Optional<String> disagreement = crossCheck(u);
                f = disagreement.isPresent() ? judge.unverified(u, upstream, "The truth could not be confirmed: "
                        + disagreement.get() + ".") : judge.judge(u, upstream);
            }
            findings.add(f);
            byLine.put(u.line(), f);
            if (u.isCode()) {
                assignedAt.put(u.gradName(), u.line());
            }
        }
        findings.sort(java.util.Comparator.comparingInt(Finding::line));
        AuditResult.CodeRunResult codeRun = enough ? CodeRun.run(model, draws.get(0).get(0), tolerance) : null;
        return new AuditResult(model.derivation().source(), seed, draws.stream().mapToInt(List::size).sum(), tolerance,
                "", findings, codeRun);
    }

    /** The wrong code lines whose values a code line consumes, directly or through correct lines that consume them. */
    private static List<Integer> upstream(MExpr formula, Map<String, Integer> assignedAt, Map<Integer, Finding> byLine) {
        java.util.TreeSet<Integer> out = new java.util.TreeSet<>();
        for (String name : formula.names()) {
            Integer line = assignedAt.get(name);
            if (line == null) {
                continue;
            }
            Finding f = byLine.get(line);
            if (f.verdict() == org.gradaudit.check.Verdict.WRONG) {
                out.add(line);
            }
            out.addAll(f.upstream());
        }
        return new ArrayList<>(out);
    }


    /** Random directions along which the rules are checked at each larger size draw. */
    static final int DIRECTIONS = 3;

    /**
     * The matrix rules against finite differences for the unit's gradient (its part through one
     * consumer, for a partial gradient name), at the first point of every draw: entry by entry at
     * the smallest draw, and for a whole gradient along {@link #DIRECTIONS} random directions at the
     * others (a wrong rule shows along almost every direction, at a fraction of the passes).
     */
    private Optional<String> crossCheck(Unit u) {
        MatrixModel.GradName g = u.isCode() ? model.gradNames().get(u.gradName()) : null;
        boolean partial = g != null && g.partial();
        String key = partial ? g.of() + " via " + g.via() : u.target();
        return crossChecks.computeIfAbsent(key, x -> {
            for (int d = 0; d < draws.size(); d++) {
                MPoint p = draws.get(d).get(0);
                Optional<String> r = partial
                        ? DifferenceCheck.checkPartial(model, p, g.of(), g.via(), p.partials().get(g.name()))
                        : d == 0 ? DifferenceCheck.check(model, p, u.target())
                        : DifferenceCheck.checkDirections(model, p, u.target(), DIRECTIONS, seed * 131 + d);
                if (r.isPresent()) {
                    return r;
                }
            }
            return Optional.empty();
        });
    }

    /** The sizes of every draw, for messages: {@code (n_x, m) = (2, 5), (3, 6), (4, 7)}. */
    static String describe(List<List<MPoint>> draws) {
        if (draws.isEmpty() || draws.get(0).isEmpty()) {
            return "";
        }
        Map<String, Integer> first = draws.get(0).get(0).sizes();
        String names = String.join(", ", first.keySet());
        return "(" + names + ") = " + draws.stream().filter(d -> !d.isEmpty())
                .map(d -> d.get(0).sizes().values().stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")")))
                .collect(Collectors.joining(", "));
    }

    static String shape(Shape s) {
        return s.toString();
    }

    static boolean code(MStatement s) {
        return s instanceof MStatement.Code;
    }
}
