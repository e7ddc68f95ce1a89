package org.gradaudit.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gradaudit.check.AuditResult;
import org.gradaudit.check.Finding;
import org.gradaudit.check.Verdict;

/** The audit as one JSON document, per the contract in DESIGN.md (fields may be added, never renamed). */
public final class AuditJsonReport {
    private AuditJsonReport() {
    }

    private static Map<String, Object> codeRun(AuditResult.CodeRunResult run) {
        if (run == null) {
            return null;
        }
        List<Object> gradients = new ArrayList<>();
        for (AuditResult.Gradient g : run.gradients()) {
            gradients.add(Json.object("name", g.name(), "line", g.line(), "executed", g.executed(), "true", g.truth(),
                    "agrees", g.agrees()));
        }
        return Json.object("point", run.point(), "gradients", gradients, "note", run.note());
    }

    public static String render(AuditResult r, String version) {
        List<Object> findings = new ArrayList<>();
        for (Finding f : r.findings()) {
            Map<String, Object> o = Json.object(
                    "line", f.line(),
                    "section", f.section(),
                    "kind", f.kind(),
                    "lhs", f.lhs(),
                    "claimed", f.claimed(),
                    "verdict", f.verdict().toString(),
                    "expected", f.expected(),
                    "diagnosis", f.diagnosis() == null ? null : f.diagnosis().toString(),
                    "upstream", f.upstream(),
                    "counterexample", f.counterexample() == null ? null : Json.object(
                            "point", f.counterexample().point(),
                            "values", f.counterexample().values(),
                            "claimed", f.counterexample().claimed(),
                            "expected", f.counterexample().expected()),
                    "symbolic", f.symbolic(),
                    "numeric", Json.object("points", f.points(), "max_rel_error", f.maxRelError()),
                    "message", f.message());
            o.put("fix", f.fix());
            o.put("inherited", f.inherited());
            if (!f.changes().isEmpty()) {
                List<Object> changes = new ArrayList<>();
                f.changes().forEach(c -> changes.add(Json.object("kind", c.kind().toString(),
                        "description", c.description(), "fix", c.fix())));
                o.put("changes", changes);
            }
            o.put("corrected_loss_line", f.correctedLossLine() == 0 ? null : f.correctedLossLine());
            findings.add(o);
        }
        Map<String, Object> doc = Json.object(
                "tool", "gradaudit",
                "version", version,
                "derivation", r.derivation().file(),
                "seed", r.seed(),
                "tolerance", r.tolerance().explain(),
                "loss", r.lossNote(),
                "findings", findings,
                "code_run", codeRun(r.codeRun()),
                "summary", Json.object(
                        "findings", r.findings().size(),
                        "correct", r.count(Verdict.CORRECT),
                        "wrong", r.count(Verdict.WRONG),
                        "unverified", r.count(Verdict.UNVERIFIED)));
        return Json.write(doc);
    }
}
