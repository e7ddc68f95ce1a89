package org.gradaudit.derivation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gradaudit.expr.Builtins;
import org.gradaudit.expr.Pasted;
import org.gradaudit.expr.Scope;

/**
 * The parser's first pass: which names are functions and which are quantities, wherever in the
 * file they are declared (a statement may use a name defined further down), and which are
 * parameters.
 *
 * @param scope the functions (built-in and {@code fn}) and the quantities
 * @param parameters the names declared with {@code param}
 */
record ScopeScan(Scope scope, Set<String> parameters) {
    private static final Pattern HEAD_NAME_EQ = Pattern.compile("\\s*(" + LineSyntax.NAME_RE + ")\\s*=(?!=).*");
    private static final Pattern FN_HEAD = Pattern.compile("\\s*fn\\s+(" + LineSyntax.NAME_RE + ")\\s*\\(.*");
    private static final Pattern LOSS_HEAD = Pattern.compile("\\s*loss\\s+(" + LineSyntax.NAME_RE + ")\\s*\\(.*");
    private static final Pattern IN_TAIL = Pattern.compile("\\bin\\b.*");
    private static final Pattern DECLARE_HEAD = Pattern.compile("\\s*(input|param)\\s+(.*)");
    private static final Pattern ALIAS_HEAD = Pattern.compile("\\s*alias\\s+(.*)");
    private static final Pattern FUNCTION_ALIAS = Pattern.compile("\\s*(" + LineSyntax.NAME_RE + ")\\s*=\\s*("
            + LineSyntax.NAME_RE + ")\\s*");
    private static final Pattern GRAD_HEAD = Pattern.compile("\\s*grad\\s+(.*)");
    private static final Pattern GRAD_NAME = Pattern.compile("(?:^|,)\\s*(" + LineSyntax.NAME_RE + ")\\s*=");
    private static final Set<String> KEYWORDS = Set.of("input", "param", "alias", "fn", "loss", "code", "where",
            "grad", "upstream");

    /** Scans every line; lines too long to read are passed over (the second pass reports them). */
    static ScopeScan of(String[] lines) {
        Set<String> functions = new HashSet<>(Builtins.FUNCTIONS);
        Set<String> quantities = new HashSet<>();
        Set<String> parameters = new HashSet<>();
        List<String> aliasLines = new ArrayList<>();
        for (String raw : lines) {
            if (raw.length() > DerivationParser.MAX_LINE) {
                continue;
            }
            String line = Pasted.normalize(LineSyntax.stripComment(raw));
            Matcher m;
            if ((m = FN_HEAD.matcher(line)).matches()) {
                functions.add(m.group(1));
            } else if ((m = LOSS_HEAD.matcher(line)).matches()) {
                quantities.add(m.group(1));
            } else if ((m = DECLARE_HEAD.matcher(line)).matches()) {
                Matcher n = LineSyntax.NAME.matcher(IN_TAIL.matcher(m.group(2)).replaceAll(""));
                while (n.find()) {
                    quantities.add(n.group());
                    if (m.group(1).equals("param")) {
                        parameters.add(n.group());
                    }
                }
            } else if ((m = Declarations.UPSTREAM.matcher(line)).matches()) {
                quantities.add(m.group(2));
                quantities.add(m.group(3));
            } else if ((m = GRAD_HEAD.matcher(line)).matches()) {
                Matcher n = GRAD_NAME.matcher(m.group(1));
                while (n.find()) {
                    quantities.add(n.group(1));
                }
            } else if ((m = ALIAS_HEAD.matcher(line)).matches()) {
                aliasLines.add(m.group(1));
            } else if ((m = HEAD_NAME_EQ.matcher(line)).matches() && !KEYWORDS.contains(m.group(1))) {
                quantities.add(m.group(1));
            }
        }
        // after every 'fn' is known: 'alias σ = sigmoid' spells a function, any other alias a quantity
        Map<String, String> spellings = new HashMap<>();
        for (String rest : aliasLines) {
            for (String part : LineSyntax.topLevelParts(rest)) {
                Matcher pair = FUNCTION_ALIAS.matcher(part);
                if (pair.matches() && functions.contains(pair.group(2)) && !functions.contains(pair.group(1))) {
                    spellings.put(pair.group(1), spellings.getOrDefault(pair.group(2), pair.group(2)));
                    continue;
                }
                Matcher n = LineSyntax.NAME.matcher(part);
                while (n.find()) {
                    quantities.add(n.group());
                }
            }
        }
        functions.addAll(spellings.keySet());
        return new ScopeScan(Scope.of(functions, quantities, spellings), parameters);
    }
}
