package org.gradaudit.report.html;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How names are typeset: a trailing number or an {@code _x} part as a subscript ({@code W1} as W₁,
 * {@code n_h} as n with subscript h), Greek names as Greek letters, and {@code sigmoid} as σ
 * unless the derivation uses a name that would also be written σ.
 */
final class Notation {
    private static final String LETTER = "A-Za-z\u0391-\u03A9\u03B1-\u03C9";
    private static final Pattern NUMBERED = Pattern.compile("([" + LETTER + "]+?)(\\d+)");
    private static final Pattern SUBSCRIPTED = Pattern.compile("([" + LETTER + "][" + LETTER + "0-9]*)_(["
            + LETTER + "0-9]+)");
    private static final Map<String, String> GREEK = Map.ofEntries(
            Map.entry("alpha", "α"), Map.entry("beta", "β"), Map.entry("gamma", "γ"), Map.entry("delta", "δ"),
            Map.entry("epsilon", "ε"), Map.entry("eta", "η"), Map.entry("theta", "θ"), Map.entry("lambda", "λ"),
            Map.entry("mu", "μ"), Map.entry("sigma", "σ"), Map.entry("tau", "τ"), Map.entry("phi", "φ"),
            Map.entry("omega", "ω"), Map.entry("pi", "π"));

    private final boolean sigmoidAsSigma;

    private Notation(boolean sigmoidAsSigma) {
        this.sigmoidAsSigma = sigmoidAsSigma;
    }

    /** The notation for a derivation that uses {@code names} (quantities, functions and their parameters). */
    static Notation forNames(Set<String> names) {
        return new Notation(names.stream().noneMatch(n -> n.equals("sigma") || n.equals("sigma_") || n.equals("σ")));
    }

    /** The notation for formulas that stand alone: sigmoid is σ. */
    static Notation standard() {
        return new Notation(true);
    }

    /** How a built-in or defined function's name is written, e.g. σ for sigmoid. */
    String function(String name) {
        if (name.equals("sigmoid") && sigmoidAsSigma) {
            return "σ";
        }
        return name;
    }

    /** Writes a quantity's name as MathML: an {@code mi}, or an {@code msub} for a subscripted one. */
    void name(Html h, String name) {
        Matcher m = SUBSCRIPTED.matcher(name);
        if (!m.matches()) {
            m = NUMBERED.matcher(name);
        }
        if (m.matches() && !GREEK.containsKey(name)) {
            h.open("msub");
            base(h, m.group(1));
            if (m.group(2).chars().allMatch(Character::isDigit)) {
                h.element("mn", m.group(2));
            } else {
                base(h, m.group(2));
            }
            h.close("msub");
        } else {
            base(h, name);
        }
    }

    private static void base(Html h, String s) {
        h.element("mi", GREEK.getOrDefault(s, s));
    }

    /** Whether a name is typeset as one letter (with any subscript), so that juxtaposition reads as a product. */
    static boolean isShort(String name) {
        if (GREEK.containsKey(name)) {
            return true;
        }
        Matcher m = SUBSCRIPTED.matcher(name);
        if (!m.matches()) {
            m = NUMBERED.matcher(name);
        }
        String base = m.matches() ? m.group(1) : name;
        return base.length() == 1 || GREEK.containsKey(base);
    }
}
