package org.gradaudit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The data flow of DESIGN.md, read from the main sources: text -> derivation -> model -> symbolic
 * and numeric -> check -> report -> the test API and the CLI. A package may use its own package,
 * a package of the same layer and family ({@code check} and {@code check.grad}), or a lower layer;
 * never one above it, so {@code check} and everything below it know nothing of {@code testing},
 * {@code cli} or {@code report}, and the checker nothing of the producers above it. A subpackage
 * not in the table takes the layer of its nearest listed parent; a new top-level package must be
 * placed in the table.
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/org/gradaudit");

    /** Layers, lowest first. */
    private static final Map<String, Integer> LAYER = Map.ofEntries(
            // Time and memory bounds: every layer is bounded by them, so they use nothing above.
            Map.entry("bounds", -1),
            Map.entry("expr", 0),
            Map.entry("derivation", 1),
            Map.entry("model", 2),
            // The vectorized derivations: each part sits beside its scalar counterpart.
            Map.entry("matrix.expr", 2),
            Map.entry("matrix.parse", 2),
            Map.entry("matrix.model", 2),
            Map.entry("symbolic", 3),
            Map.entry("numeric", 3),
            Map.entry("numeric.loss", 3),
            Map.entry("matrix.grad", 3),
            // What producers hand the checker; the MLP (a producer) builds one.
            Map.entry("gradient", 4),
            Map.entry("numeric.mlp", 5),
            // Vectorized files' numbers; its TapeLoss, like the MLP's loss, is a producer's PerturbableLoss.
            Map.entry("matrix.numeric", 5),
            Map.entry("check", 6),
            // The vectorized audit judges with check's tolerance and returns check's AuditResult.
            Map.entry("matrix", 7),
            // Gradient-check targets that need the audit's judgement of the loss first.
            Map.entry("producer", 7),
            Map.entry("report", 8),
            Map.entry("testing", 9),
            Map.entry("cli", 10));

    private static final Pattern PACKAGE = Pattern.compile("(?m)^package org\\.gradaudit\\.([a-z][\\w.]*);");
    /** A reference to a class of another package: {@code org.gradaudit.pkg.Class}, imported or written out. */
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.gradaudit\\.((?:[a-z]\\w*\\.)*[a-z]\\w*)\\.[A-Z]");
    private static final Pattern COMMENT_OR_STRING = Pattern.compile(
            "/\\*.*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])*'", Pattern.DOTALL);

    private static final Pattern COMMENT_ONLY = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

    private static final Pattern LOCALE_FREE_FORMAT = Pattern.compile(
            "String\\.format\\((?!\\s*(?:java\\.util\\.)?Locale\\.ROOT)|\\.formatted\\(|printf\\((?!\\s*(?:java\\.util\\.)?Locale)");

    /** A main source file: its package, and its code with comments and string literals blanked out. */
    record Source(Path file, String pkg, String code, String text) {
    }

    private static List<Source> sources;

    @BeforeAll
    static void read() throws IOException {
        List<Source> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String text = read(f);
                Matcher m = PACKAGE.matcher(text);
                assertTrue(m.find(), f + " declares no org.gradaudit package");
                out.add(new Source(f, m.group(1), COMMENT_OR_STRING.matcher(text).replaceAll(" "), text));
            }
        }
        sources = out;
        assertTrue(sources.size() > 50, "the main sources were found: " + sources.size());
    }

    private static String read(Path f) {
        try {
            return Files.readString(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table entry a package falls under: itself, or its nearest listed parent; null if none. */
    static String entry(String pkg) {
        for (String p = pkg; ; p = p.substring(0, p.lastIndexOf('.'))) {
            if (LAYER.containsKey(p)) {
                return p;
            }
            if (p.indexOf('.') < 0) {
                return null;
            }
        }
    }

    static boolean allowed(String from, String to) {
        if (from.equals(to)) {
            return true;
        }
        String a = entry(from);
        String b = entry(to);
        int la = LAYER.get(a);
        int lb = LAYER.get(b);
        String familyA = from.split("\\.")[0];
        String familyB = to.split("\\.")[0];
        return lb < la || lb == la && familyA.equals(familyB);
    }

    @Test
    void everyPackageHasAPlaceInTheLayers() {
        TreeSet<String> unplaced = new TreeSet<>();
        for (Source s : sources) {
            if (entry(s.pkg()) == null) {
                unplaced.add(s.pkg());
            }
        }
        assertEquals(new TreeSet<>(), unplaced, "packages missing from ArchitectureTest.LAYER");
    }

    @Test
    void noPackageUsesOneAboveIt() {
        List<String> violations = new ArrayList<>();
        for (Source s : sources) {
            if (entry(s.pkg()) == null) {
                continue;
            }
            Matcher m = REFERENCE.matcher(s.code());
            TreeSet<String> used = new TreeSet<>();
            while (m.find()) {
                used.add(m.group(1));
            }
            for (String to : used) {
                if (entry(to) != null && !allowed(s.pkg(), to)) {
                    violations.add(MAIN.relativize(s.file()) + " (" + s.pkg() + ") uses " + to);
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void theCheckerAndBelowKnowNothingOfTestingCliReportOrTheProducersAboveIt() {
        // Spelled out, since this is the contract most easily broken by a convenient import.
        for (String low : List.of("expr", "derivation", "model", "symbolic", "numeric", "gradient", "check")) {
            for (String high : List.of("testing", "cli", "report", "producer")) {
                assertTrue(!allowed(low, high) && !allowed(low + ".x", high), low + " may not use " + high);
            }
        }
    }

    @Test
    void producersOfDerivativesLiveOutsideTheChecker() {
        // The checker compares what producers hand it; the producers (the MLP's backprop in
        // numeric.mlp, a derivation's code lines in numeric.code and producer, a user's model in
        // testing) build the targets. A class of check that builds one is a producer inside it.
        List<String> inside = sources.stream()
                .filter(s -> s.pkg().equals("check") || s.pkg().startsWith("check."))
                .filter(s -> s.code().contains("new CheckTarget(")
                        || s.code().contains("new org.gradaudit.gradient.CheckTarget("))
                .map(s -> MAIN.relativize(s.file()).toString()).toList();
        assertEquals(List.of(), inside);
    }

    @Test
    void symjaStaysInsideSymbolic() {
        List<String> leaks = sources.stream()
                .filter(s -> !s.pkg().equals("symbolic") && s.code().contains("org.matheclipse"))
                .map(s -> MAIN.relativize(s.file()).toString()).toList();
        assertEquals(List.of(), leaks);
    }

    @Test
    void everyPackageSaysWhatItOwns() {
        TreeSet<Path> missing = new TreeSet<>();
        for (Source s : sources) {
            Path info = s.file().getParent().resolve("package-info.java");
            if (!Files.isRegularFile(info)) {
                missing.add(MAIN.relativize(s.file().getParent()));
            }
        }
        assertEquals(new TreeSet<>(), missing, "directories without package-info.java");
    }

    @Test
    void xmlIsEscapedInOnePlace() {
        // JUnit XML and the HTML report share report.XmlText; a second escaper would drift from it
        // (the two that were here disagreed on U+FFFE, lone surrogates and tabs in attributes).
        Pattern entity = Pattern.compile("\"[^\"\\n]*&(?:amp|lt|gt|quot|#x?[0-9a-fA-F]+);");
        List<String> escapers = sources.stream()
                .filter(s -> !s.file().endsWith(Path.of("report", "XmlText.java")))
                .filter(s -> entity.matcher(COMMENT_ONLY.matcher(s.text()).replaceAll(" ")).find())
                .map(s -> MAIN.relativize(s.file()).toString()).toList();
        assertEquals(List.of(), escapers, "escape XML with org.gradaudit.report.XmlText");
    }

    @Test
    void numbersAreFormattedWithTheRootLocale() {
        // String.format without Locale.ROOT gives decimal commas under a German default locale.
        List<String> sites = sources.stream()
                .filter(s -> LOCALE_FREE_FORMAT.matcher(s.code()).find())
                .map(s -> MAIN.relativize(s.file()).toString()).toList();
        assertEquals(List.of(), sites, "format numbers with org.gradaudit.expr.Numbers");
    }
}
