package org.gradaudit.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gradaudit.matrix.model.MatrixModel;
import org.gradaudit.matrix.parse.MStatement;

/**
 * {@code check --dims n_x=784,n_h=64,m=32}: the sizes a vectorized file's dimensions take in a
 * gradient check, read and matched against the dimensions the file declares. Every declared
 * dimension must be given and no other; a misspelt name gets a did-you-mean.
 */
final class DimsOption {
    private DimsOption() {
    }

    /**
     * @param text the option's value as typed, or null when the option was not given
     * @throws InputException naming the pair that is not {@code NAME=SIZE}, a size that is not a whole
     *     number of at least 1, a name given twice, a name the file does not declare, or the
     *     declared dimensions left without a size
     */
    static Map<String, Integer> sizes(String text, MatrixModel model, String file) {
        List<String> declared = model.dims();
        String example = example(declared);
        if (text == null) {
            throw new InputException(file + ": this vectorized derivation declares dimensions " + declaration(model)
                    + "; give each a size with --dims, e.g. --dims " + example);
        }
        Map<String, Integer> sizes = parse(text, example);
        for (String name : sizes.keySet()) {
            if (!declared.contains(name)) {
                String near = Suggestions.closest(name, declared);
                throw new InputException("--dims: " + file + " declares no dimension " + name
                        + (near == null ? "" : " (did you mean " + near + "?)") + "; it declares " + declaration(model));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String d : declared) {
            if (!sizes.containsKey(d)) {
                missing.add(d);
            }
        }
        if (!missing.isEmpty()) {
            throw new InputException("--dims gives no size to " + String.join(", ", missing) + ": " + file
                    + " declares " + declaration(model) + ", and every one needs a size, e.g. --dims " + example);
        }
        return sizes;
    }

    /** The pairs as typed, in order. */
    static Map<String, Integer> parse(String text, String example) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (String pair : text.split(",", -1)) {
            String p = pair.strip();
            int eq = p.indexOf('=');
            String name = eq < 0 ? p : p.substring(0, eq).strip();
            if (eq < 0 || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new InputException("--dims: '" + p + "' is not NAME=SIZE; write the sizes as NAME=SIZE pairs"
                        + " separated by commas, e.g. --dims " + example);
            }
            String size = p.substring(eq + 1).strip();
            int n;
            try {
                n = Integer.parseInt(size);
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1 || !size.matches("[0-9]+")) {
                throw new InputException("--dims: the size of " + name + " must be a whole number of at least 1 (at"
                        + " most " + Integer.MAX_VALUE + "), was '" + size + "'");
            }
            if (sizes.put(name, n) != null) {
                throw new InputException("--dims gives " + name + " twice");
            }
        }
        return sizes;
    }

    /** {@code "n_x, n_h, m (line 10)"}. */
    private static String declaration(MatrixModel model) {
        String where = "";
        for (MStatement s : model.derivation().statements()) {
            if (s instanceof MStatement.Dims d) {
                where = where.isEmpty() ? "line " + d.position().line() : where + ", " + d.position().line();
            }
        }
        return String.join(", ", model.dims()) + (where.isEmpty() ? "" : " (" + where + ")");
    }

    private static String example(List<String> dims) {
        StringBuilder s = new StringBuilder();
        for (String d : dims) {
            s.append(s.length() == 0 ? "" : ",").append(d).append("=").append(d.equals("m") || d.equals("N") ? 32 : 8);
        }
        return s.toString();
    }
}
