package org.gradaudit.matrix.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.gradaudit.check.AuditResult;
import org.gradaudit.check.Diagnosis;
import org.gradaudit.check.Finding;
import org.gradaudit.check.tolerance.BoundedAgreement;
import org.gradaudit.check.Verdict;
import org.gradaudit.matrix.Vectorized;
import org.gradaudit.matrix.expr.MExpr;
import org.gradaudit.matrix.expr.MPrinter;
import org.gradaudit.matrix.grad.ReverseRules;
import org.gradaudit.matrix.model.MatrixModel;
import org.junit.jupiter.api.Test;

/**
 * A seeded property: in random shaped graphs, the true gradient of a parameter with one shape
 * mistake seeded (a {@code .T} dropped, a {@code .T} added, the operands of {@code np.dot} swapped)
 * is judged wrong, named as that kind, and given a fix.
 */
class ShapeDiagnosisPropertyTest {
    @Test
    void randomSingleShapeMistakesAreNamed() throws Exception {
        List<String> problems = new ArrayList<>();
        int seeded = 0;
        for (int g = 0; g < 80 && seeded < 40; g++) {
            String text = new RandomGraphs(5000 + g).file();
            MatrixModel model = Vectorized.load("random.deriv", text);
            ReverseRules named = new ReverseRules(model, true);
            Random random = new Random(g);
            for (MatrixModel.Quantity q : model.free()) {
                MExpr truth = named.oneStep(q.name());
                String printed = MPrinter.print(truth);
                if (printed.contains("broadcast_to") || printed.contains("expand_dims") || printed.contains("zeros")) {
                    continue; // helpers of gradients the file syntax does not have
                }
                Seeded s = seed(truth, random);
                if (s == null || model.shapes().tryInfer(s.claim()) != null
                        && model.shapes().tryInfer(s.claim()).equals(model.shape(q.name()))) {
                    continue; // only mistakes that change the shape: others may be right by symmetry
                }
                String file = text + "dL/d" + q.name() + " = " + MPrinter.print(s.claim()) + "\n";
                AuditResult r = Vectorized.audit(Vectorized.load("random.deriv", file), 1, 64, BoundedAgreement.DEFAULT,
                        Duration.ofSeconds(60));
                Finding f = r.findings().get(r.findings().size() - 1);
                seeded++;
                if (f.verdict() != Verdict.WRONG || f.diagnosis() != s.kind() || f.fix() == null) {
                    problems.add(s.kind() + " seeded in dL/d" + q.name() + " = " + MPrinter.print(s.claim()) + ": got "
                            + f.verdict() + " " + f.diagnosis() + " fix " + f.fix() + "\n" + text);
                }
            }
        }
        assertTrue(seeded >= 30, "only " + seeded + " mistakes seeded");
        assertEquals(List.of(), problems.subList(0, Math.min(6, problems.size())), problems.size() + " of " + seeded);
    }

    record Seeded(MExpr claim, Diagnosis kind) {
    }

    private static Seeded seed(MExpr truth, Random random) {
        List<MExpr> nodes = new ArrayList<>();
        collect(truth, nodes);
        List<Seeded> options = new ArrayList<>();
        for (MExpr n : nodes) {
            if (nodes.stream().filter(x -> x == n).count() > 1) {
                continue; // a subtree shared by the rules occurs twice: one edit there would be two mistakes
            }
            if (n instanceof MExpr.Transpose t) {
                options.add(new Seeded(Repairs.replace(truth, n, t.a()), Diagnosis.MISSING_TRANSPOSE));
            }
            if (n instanceof MExpr.MatMul m) {
                options.add(new Seeded(Repairs.replace(truth, n, new MExpr.MatMul(m.b(), m.a())), Diagnosis.OPERAND_ORDER));
            }
            if (n instanceof MExpr.Ref) {
                options.add(new Seeded(Repairs.replace(truth, n, new MExpr.Transpose(n)), Diagnosis.EXTRA_TRANSPOSE));
            }
        }
        return options.isEmpty() ? null : options.get(random.nextInt(options.size()));
    }

    private static void collect(MExpr e, List<MExpr> out) {
        out.add(e);
        e.children().forEach(c -> collect(c, out));
    }
}
