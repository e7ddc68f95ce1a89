package org.gradaudit.matrix.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gradaudit.matrix.expr.MExpr;

/** Reads {@code fn NAME(a, b) = formula} and {@code alias NEW = formula, ...} lines into the file's {@link Macros}. */
final class MacroLines {
    /** A name of a function or alias: letters (Greek ones too, as pasted text has them), digits and '_'. */
    static final String NAME_RE = "[\\p{L}_][\\p{L}\\p{Nd}_]*";
    static final Pattern FN = Pattern.compile("(\\s*fn\\s+)(" + NAME_RE + ")\\s*\\(([^)]*)\\)\\s*=(.*)");
    private static final Pattern NAME = Pattern.compile(NAME_RE);
    static final Pattern ALIAS = Pattern.compile("(" + NAME_RE + ")\\s*=(?!=)(.*)");
    /** The elementwise built-ins of one argument that an alias may give another spelling. */
    private static final Set<String> ELEMENTWISE = Set.of("sigmoid", "relu", "np.exp", "np.log", "np.tanh", "np.sqrt");
    private static final Pattern CALLABLE = Pattern.compile("(np\\.)?[A-Za-z_]\\w*");
    /** The built-in names a function may not take. */
    static final Set<String> BUILT_IN = Set.of("np", "sigmoid", "relu", "softmax", "log_softmax", "range");

    private final MatrixFileParser p;

    MacroLines(MatrixFileParser p) {
        this.p = p;
    }

    void fn(String line, int indent, Macros macros) throws SyntaxError {
        Matcher m = FN.matcher(line);
        if (!m.matches()) {
            throw new SyntaxError(indent + 1, "expected 'fn NAME(a, b) = formula', e.g."
                    + " 'fn sigmoid_prime(z) = sigmoid(z) * (1 - sigmoid(z))'");
        }
        String name = m.group(2);
        if (BUILT_IN.contains(name)) {
            throw new SyntaxError(m.start(2) + 1, "'" + name + "' is a built-in function; name yours otherwise");
        }
        List<String> params = new ArrayList<>();
        int offset = m.start(3);
        for (Declarations.Item item : Declarations.split(m.group(3), offset)) {
            if (!NAME.matcher(item.text()).matches() || params.contains(item.text())) {
                throw new SyntaxError(item.offset() + 1, "expected the distinct parameter names of " + name
                        + ", found '" + item.text() + "'");
            }
            params.add(item.text());
        }
        if (params.isEmpty()) {
            throw new SyntaxError(m.start(3) + 1, "a function takes at least one parameter");
        }
        MExpr body = p.formula(m.group(4), m.start(4), p.vocabulary().body(params));
        if (p.define(name, m.start(2) + 1)) {
            macros.add(new Macros.Function(name, params, body, p.lineNo()));
        }
    }

    void alias(String line, int indent, Macros macros) throws SyntaxError {
        int start = indent + "alias".length();
        for (Declarations.Item item : Declarations.split(line.substring(start), start)) {
            Matcher a = ALIAS.matcher(item.text());
            if (!a.matches()) {
                throw new SyntaxError(item.offset() + 1, "expected 'alias NEW = formula[, ...]', e.g."
                        + " 'alias s = sigmoid(Z)'");
            }
            String target = a.group(2).strip();
            boolean function = CALLABLE.matcher(target).matches() && (ELEMENTWISE.contains(target)
                    || macros.isFunction(target));
            if (function && p.define(a.group(1), item.offset() + 1)) {
                // another spelling of a function, as 'alias σ = sigmoid' in scalar files
                Macros.Function f = macros.isFunction(target) ? macros.function(target)
                        : new Macros.Function(target, List.of("z"), p.formula(target + "(z)", item.offset() + a.start(2),
                                p.vocabulary().body(List.of("z"))), p.lineNo());
                macros.add(new Macros.Function(a.group(1), f.parameters(), f.body(), p.lineNo()));
                continue;
            } else if (function) {
                continue;
            }
            MExpr formula = p.formula(a.group(2), item.offset() + a.start(2));
            if (p.define(a.group(1), item.offset() + 1)) {
                macros.add(new Macros.Alias(a.group(1), formula, p.lineNo()));
            }
        }
    }
}
