package org.gradaudit.report.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gradaudit.expr.Expr;

/**
 * A sentence of a report (a finding's message, the loss note) with the formulas in it typeset as
 * MathML and the words left as text: "The chain rule gives dL/dZ1 = dL/da2*da2/dZ2" keeps its words
 * and sets the equation as mathematics. A formula is a run of words that contains one of the
 * derivation's names or an operator and that reads back, side by side around {@code =}, as
 * formulas over the derivation's names only; anything else stays text, so a sentence is never
 * lost, only left unset.
 */
final class Prose {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern LEIBNIZ = Pattern.compile(".*\\bd[A-Za-z]\\w*/d[A-Za-z].*");
    private static final Pattern EXPR_DERIV = Pattern.compile("d\\((.*)\\)/d([A-Za-z]\\w*)");
    private static final Pattern TRAILING = Pattern.compile("[.,;:]+$");

    private final Html h;
    private final MathMl math;
    private final Formulas formulas;

    Prose(Html h, MathMl math, Formulas formulas) {
        this.h = h;
        this.math = math;
        this.formulas = formulas;
    }

    /** Writes {@code text}, its formulas as inline MathML. */
    void write(String text) {
        String[] words = text.split(" ", -1);
        StringBuilder plain = new StringBuilder();
        int i = 0;
        while (i < words.length) {
            int end = spanEnd(words, i);
            if (end > i) {
                String span = String.join(" ", java.util.Arrays.copyOfRange(words, i, end));
                Matcher trailing = TRAILING.matcher(span);
                String tail = trailing.find() ? trailing.group() : "";
                String formula = span.substring(0, span.length() - tail.length());
                List<Side> sides = sides(formula);
                if (sides != null) {
                    h.text(plain.toString());
                    plain.setLength(0);
                    typeset(formula, sides);
                    plain.append(tail).append(end < words.length ? " " : "");
                    i = end;
                    continue;
                }
            }
            plain.append(words[i]).append(i + 1 < words.length ? " " : "");
            i++;
        }
        h.text(plain.toString());
    }

    /** The end of the run of formula-like words starting at {@code start}, or {@code start} if none starts there. */
    private int spanEnd(String[] words, int start) {
        int end = start;
        boolean named = false;
        for (int j = start; j < words.length; j++) {
            String w = TRAILING.matcher(words[j]).replaceAll("");
            boolean operator = w.equals("+") || w.equals("-") || w.equals("=") || w.equals("*") || w.equals("/");
            boolean mathy = isMathy(w);
            if (!(operator || mathy || NUMBER.matcher(w).matches()) || (operator && j == start)) {
                break;
            }
            named |= mathy;
            if (!operator) {
                end = j + 1;
            }
            if (!words[j].equals(w) && !operator) {
                break; // punctuation ends the formula
            }
        }
        return named ? end : start;
    }

    private boolean isMathy(String w) {
        if (w.isEmpty() || NUMBER.matcher(w).matches()) {
            return false;
        }
        return w.chars().anyMatch(c -> "*/^()".indexOf(c) >= 0) || LEIBNIZ.matcher(w).matches()
                || formulas.knows(w);
    }

    /** One side of an equation: an expression, or {@code d(expr)/dv}. */
    private record Side(Expr expr, String wrt) {
    }

    /** The sides of a formula around {@code =}, or null when it is not a formula over the derivation's names. */
    private List<Side> sides(String formula) {
        List<Side> sides = new ArrayList<>();
        for (String part : formula.split(" = ", -1)) {
            Matcher d = EXPR_DERIV.matcher(part.strip());
            Optional<Expr> e = d.matches() ? formulas.parse(d.group(1)) : formulas.parse(part);
            if (e.isEmpty() || !formulas.allKnown(e.get()) || (d.matches() && !formulas.knows(d.group(2)))) {
                return null;
            }
            sides.add(new Side(e.get(), d.matches() ? d.group(2) : null));
        }
        return sides;
    }

    private void typeset(String alt, List<Side> sides) {
        math.open(alt, false);
        for (int k = 0; k < sides.size(); k++) {
            if (k > 0) {
                math.op("=");
            }
            Side s = sides.get(k);
            if (s.wrt() != null) {
                math.derivativeOf(s.expr(), s.wrt());
            } else {
                math.expr(s.expr(), java.util.Set.of());
            }
        }
        math.close();
    }
}
