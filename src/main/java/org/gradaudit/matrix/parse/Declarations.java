package org.gradaudit.matrix.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gradaudit.matrix.expr.Dim;
import org.gradaudit.matrix.expr.Shape;

/** Comma lists outside brackets, and shapes {@code (n_h, m)}, {@code (n,)}, {@code ()}. */
final class Declarations {
    /** The largest fixed (integer) dimension a file may declare: the audit evaluates every entry. */
    static final int MAX_FIXED = 64;

    private Declarations() {
    }

    /** One item of a comma list, and the column (0-based offset into the line) it starts at. */
    record Item(String text, int offset) {
    }

    /** Splits at commas outside parentheses and brackets; {@code offset} is the text's column minus one. */
    static List<Item> split(String text, int offset) {
        List<Item> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == ',' && (depth <= 0 || i == text.length())) {
                // the end of the text ends the last part even inside an unclosed bracket, which the
                // caller then refuses as no name or shape: nothing is silently dropped
                String part = text.substring(start, i);
                String stripped = part.strip();
                int lead = stripped.isEmpty() ? 0 : part.indexOf(stripped.charAt(0));
                out.add(new Item(stripped, offset + start + lead));
                start = i + 1;
            }
        }
        return out;
    }

    /**
     * Parses a shape.
     *
     * @param column the 1-based column of the opening parenthesis
     * @throws SyntaxError for anything but declared dimensions and integers 1 to {@link #MAX_FIXED}
     */
    static Shape shape(String text, int column, Set<String> dims) throws SyntaxError {
        String t = text.strip();
        if (!t.startsWith("(") || !t.endsWith(")")) {
            throw new SyntaxError(column, "a shape is written in parentheses: (n_h, m), (n,) or ()");
        }
        String inner = t.substring(1, t.length() - 1).strip();
        if (inner.isEmpty()) {
            return Shape.SCALAR;
        }
        boolean trailing = inner.endsWith(",");
        List<Dim> out = new ArrayList<>();
        for (String part : (trailing ? inner.substring(0, inner.length() - 1) : inner).split(",", -1)) {
            String p = part.strip();
            if (p.matches("[0-9]+")) {
                long size = Long.parseLong(p.length() > 12 ? "999999999999" : p);
                if (size < 1 || size > MAX_FIXED) {
                    throw new SyntaxError(column, "fixed dimension " + p + " is outside 1 to " + MAX_FIXED
                            + "; the audit evaluates every entry: declare a size with 'dim' and use its name"
                            + " (the audit draws it small; 'check --dims' sets it)");
                }
                out.add(new Dim.Fixed((int) size));
            } else if (dims.contains(p)) {
                out.add(new Dim.Sym(p));
            } else {
                throw new SyntaxError(column, "'" + p + "' in shape " + t + " is not a declared dimension;"
                        + " declare it first: dim " + (p.isEmpty() ? "n" : p));
            }
        }
        if (out.size() > 2) {
            throw new SyntaxError(column, "shape " + t + " has rank " + out.size() + "; vectorized files support"
                    + " scalars, rank-1 arrays (n,) and matrices (rows, cols)");
        }
        if (out.size() == 1 && !trailing) {
            throw new SyntaxError(column, "(" + inner + ") is not a shape in numpy; write (" + inner
                    + ",) for a rank-1 array or (" + inner + ", 1) for a column");
        }
        return new Shape(out);
    }
}
