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

    /**
     * A vectorized statement's additions: {@code proof} next to {@code symbolic}, {@code shape} where the
     * shapes differ, sizes and index of the counterexample.
     */
    @SuppressWarnings("unchecked")
    private static void shaped(Map<String, Object> o, Finding f) {
        if (f.shaped() == null) {
            return;
        }
        // which proof stands behind "symbolic": next to it, null when none was found
        Map<String, Object> ordered = new java.util.LinkedHashMap<>();
        o.forEach((k, v) -> {
            ordered.put(k, v);
            if (k.equals("symbolic")) {
                ordered.put("proof", f.shaped().proof().found() ? f.shaped().proof().toString() : null);
            }
        });
        o.clear();
        o.putAll(ordered);
        if (f.shaped().mismatch()) {
            o.put("shape", Json.object("claimed", f.shaped().claimed(), "expected", f.shaped().expected()));
        }
        if (o.get("counterexample") instanceof Map<?, ?> c) {
            Map<String, Object> counterexample = (Map<String, Object>) c;
            counterexample.put("sizes", f.shaped().sizes());
            counterexample.put("index", f.shaped().index());
        }
    }

    /** The {@code audit --format json} document of one derivation. */
    public static String render(AuditResult r, String version) {
        return Json.write(document(r, version));
    }

    /**
     * Several derivations in one document: {@code {"tool", "version", "derivations": [...], "summary"}},
     * each entry the document of one file as {@link #render} writes it (without {@code tool} and
     * {@code version}), or {@code {"derivation", "error"}} for a file that could not be read.
     */
    public static String renderAll(List<AuditRun> runs, String version) {
        List<Object> docs = new ArrayList<>();
        for (AuditRun run : runs) {
            if (run instanceof AuditRun.Audited a) {
                Map<String, Object> d = document(a.result(), version);
                d.remove("tool");
                d.remove("version");
                docs.add(d);
            } else {
                docs.add(Json.object("derivation", run.file(), "error", ((AuditRun.Refused) run).message()));
            }
        }
        AuditRun.Summary s = AuditRun.Summary.of(runs);
        return Json.write(Json.object("tool", "gradaudit", "version", version, "derivations", docs,
                "summary", Json.object("derivations", s.derivations(), "clean", s.clean(), "failing", s.failing(),
                        "errors", s.refused(), "findings", s.statements(), "correct", s.correct(), "wrong", s.wrong(),
                        "unverified", s.unverified())));
    }

    /**
     * The document for input that could not be read or checked (by {@code audit}, {@code derive} or
     * {@code check}), so that a CI server reading the output shows a failure: {@code {"tool",
     * "version", "derivation" (when a file was named), "error"}}.
     */
    public static String refused(String file, String message, String version) {
        Map<String, Object> doc = Json.object("tool", "gradaudit", "version", version);
        if (file != null) {
            doc.put("derivation", file);
        }
        doc.put("error", message);
        return Json.write(doc);
    }

    private static Map<String, Object> document(AuditResult r, String version) {
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
            shaped(o, f);
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
        return doc;
    }
}
